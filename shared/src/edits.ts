/**
 * Direct edits on the record (issue 8): every writer's (chair, secretariat) direct deletion and
 * type-over, whatever client sent it, recorded by the server in the server-only Y.Array `edits`
 * of the session's Y.Doc. Clients read it; the update guard refuses their writes to it.
 */
export const Y_EDITS = 'edits';

export interface DirectEdit {
  id: string;
  /** When the edit began and when it was last extended (ms since the epoch). */
  at: number;
  updatedAt: number;
  /** Who: the writer's participant id (identity, BR70), the name shown, and role. */
  byId: string;
  by: string;
  role: string;
  paragraphId: string;
  /** The text the writer removed (struck or deleted), as the paragraph read before. */
  before: string;
  /** What the writer typed in its place ('' for a deletion). */
  after: string;
}

const quote = (s: string) => `‘${s.length > 120 ? `${s.slice(0, 117)}…` : s}’`;

/** "Secretariat deleted ‘x’ in OP3", "Chair replaced ‘a’ with ‘b’ in PP2". */
export function editSentence(e: Pick<DirectEdit, 'by' | 'before' | 'after'>, paragraph: string): string {
  return e.after === '' ? `${e.by} deleted ${quote(e.before)} in ${paragraph}` : `${e.by} replaced ${quote(e.before)} with ${quote(e.after)} in ${paragraph}`;
}

/**
 * The change from `a` to `b` as one span: common prefix and suffix trimmed (code points kept
 * whole). Null when equal.
 */
export function changedSpan(a: string, b: string): { before: string; after: string; at: number } | null {
  if (a === b) return null;
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && p < a.length && isLow(a.charCodeAt(p))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLow(a.charCodeAt(a.length - s))) s--;
  return { before: a.slice(p, a.length - s), after: b.slice(p, b.length - s), at: p };
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
