import { i18next } from '.';

/** Codes with a sentence in every locale (`refusal.<code>`): the server's and the transport's. */
const KNOWN = new Set([
  'invalid',
  'not_permitted',
  'not_found',
  'proposal_not_open',
  'anchor_gone',
  'conflict',
  'paragraph_locked',
  'rate_limited',
  'document_too_large',
  'update_rejected',
  'missing_dependencies',
  'read-only',
  'disconnected',
  'timeout',
  'offline',
  'internal',
  'error',
]);

/** Refusals this client makes itself (the connection, not the server): the sentence says it all. */
const LOCAL = new Set(['disconnected', 'timeout', 'offline']);

/**
 * What a person reads when the server refuses something. The server's `message` is English and
 * precise ("OP4 is agreed; …"): English readers get it as is; every other language gets the
 * translated sentence for its stable `code` first, then the server's precise words in brackets,
 * since one code ("invalid") covers many reasons and the delegate must know which.
 */
export function refusalText(error: { code: string; message?: string }): string {
  const english = (i18next.resolvedLanguage ?? i18next.language) === 'en';
  if (error.message && (english || !KNOWN.has(error.code))) return error.message;
  const sentence = KNOWN.has(error.code) ? i18next.t(`refusal.${error.code}`) : i18next.t('refusal.unknown', { code: error.code });
  return error.message && !LOCAL.has(error.code) ? `${sentence} (${error.message})` : sentence;
}
