import type { Comparison } from '@accord/shared/diff/index';
import { downloadFile } from '../api/download-file';
import type { FlaggedReference, ReferenceRewrite } from '@accord/shared/references/index';
import type { RevisionPreview } from '@accord/shared/revisions/index';
import { apiFetch } from '../api/http';

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

/** The server's self-contained HTML file of a comparison (`download=1`). */
export function downloadComparisonHtml(sessionId: string, q: CompareQuery, view: string, token: string): Promise<string> {
  return downloadFile(`${base(sessionId)}/compare?${compareQueryString(q, { format: 'html', view, download: '1' })}`, token, 'comparison.html');
}

/** The later version as a Word file whose differences are tracked changes, each with its author. */
export function downloadComparisonDocx(sessionId: string, q: CompareQuery, token: string): Promise<string> {
  return downloadFile(`${base(sessionId)}/compare?${compareQueryString(q, { format: 'docx' })}`, token, 'comparison.docx');
}
