import type { ParagraphState } from '../../brackets/types.js';
import { escapeRe, PENDING_WORDS, STATUS_NOTES } from './keywords.js';
import { isDelegationName } from './sponsors.js';

export interface StatusNote {
  state: ParagraphState;
  /** Where the note (with its parentheses and the space before it) starts in the paragraph text. */
  from: number;
}

const NOTE_AT_END = /\s*[(（]([^()（）]{1,80})[)）]\s*$/u;
const WORDS = STATUS_NOTES.map((s) => ({ ...s, key: norm(s.words) }));
const PENDING = new RegExp(`^[,，،]?\\s*(?:${PENDING_WORDS.map(escapeRe).join('|')})\\s*(.+)$`, 'iu');

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A paragraph status note at the end of a paragraph: "(agreed)", "(agreed ad ref)", "(agreed in
 * informals, pending Japan)", "（暂时商定）", "(convenu ad referendum)"… (keywords.ts). Null if the
 * paragraph does not end with one.
 */
export function findStatusNote(text: string): StatusNote | null {
  const m = NOTE_AT_END.exec(text);
  if (!m) return null;
  const note = norm(m[1]);
  for (const w of WORDS) {
    if (note === w.key) return { state: { status: w.status }, from: m.index };
    if (w.status === 'informals' && note.startsWith(w.key)) {
      const pending = PENDING.exec(m[1].replace(/\s+/g, ' ').trim().slice(w.key.length));
      const who = pending?.[1].trim();
      if (who && isDelegationName(who)) return { state: { status: 'informals', pending: who }, from: m.index };
    }
  }
  return null;
}

/** A parenthetical at the end that mentions agreement but is not a status we know: worth a warning. */
export function looksLikeStatusNote(text: string): string | null {
  const m = NOTE_AT_END.exec(text);
  if (!m) return null;
  return /\b(?:agreed|ad ref|convenu|acordado|согласовано)|商定|متفق/iu.test(m[1]) ? m[0].trim() : null;
}
