import type { Comparison } from '@accord/shared/diff/index';
import type { FlaggedReference, ReferenceRewrite } from '@accord/shared/references/index';
import type { RevisionPreview } from '@accord/shared/revisions/index';
import { ApiError, apiFetch } from '../api/http';

/** docs/api.md "Revisions and compare": `RevisionView`. */
export interface Revision {
  id: string;
  label: string;
  date: string;
  note?: string;
  createdAt: string;
  by: string;
  renumbering: Array<{ paragraphId: string; from: string; to: string }>;
  references: ReferenceRewrite[];
  flaggedReferences: FlaggedReference[];
}

export interface HistoryPoint {
  id: string;
  at: string;
  reason: string;
}

export interface CompareQuery {
  from: string;
  to: string;
  hideFormatting: boolean;
}

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export function listRevisions(sessionId: string, token: string): Promise<Revision[]> {
  return apiFetch(`${base(sessionId)}/revisions`, token);
}

export function issueRevision(sessionId: string, input: { label: string; date?: string; note?: string }, token: string): Promise<Revision> {
  return apiFetch(`${base(sessionId)}/revisions`, token, { method: 'POST', body: JSON.stringify(input) });
}

/** What issuing now would do: renumbering, references rewritten, references flagged (chair only). */
export function previewRevision(sessionId: string, token: string): Promise<RevisionPreview> {
  return apiFetch(`${base(sessionId)}/revisions/preview`, token);
}

export function listHistory(sessionId: string, token: string): Promise<HistoryPoint[]> {
  return apiFetch(`${base(sessionId)}/history`, token);
}

export function restoreVersion(sessionId: string, from: string, token: string): Promise<{ restored: string; historyPoint: HistoryPoint }> {
  return apiFetch(`${base(sessionId)}/restore`, token, { method: 'POST', body: JSON.stringify({ from }) });
}

export function compareQueryString(q: CompareQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ from: q.from, to: q.to, ...extra });
  if (q.hideFormatting) p.set('hideFormatting', '1');
  return p.toString();
}

export function fetchComparison(sessionId: string, q: CompareQuery, token: string): Promise<Comparison> {
  return apiFetch(`${base(sessionId)}/compare?${compareQueryString(q, { format: 'json' })}`, token);
}

/** `attachment; filename=compare-rev_x-live.html` → `compare-rev_x-live.html`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename=("?)([^";]+)\1/i.exec(disposition);
  return plain ? plain[2].trim() : fallback;
}

/**
 * The server's self-contained HTML file (`download=1`). Fetched with the token in the header (a
 * plain link could not carry it), then handed to the browser as a file download.
 */
export async function downloadComparisonHtml(sessionId: string, q: CompareQuery, view: string, token: string): Promise<string> {
  const url = `${base(sessionId)}/compare?${compareQueryString(q, { format: 'html', view, download: '1' })}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError(0, 'Cannot reach the Accord server. Check your connection and try again.');
  }
  if (!res.ok) throw new ApiError(res.status, `The server could not export the comparison (${res.status}).`);
  const name = attachmentName(res.headers.get('Content-Disposition'), 'comparison.html');
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
