import { sponsorLabel } from '../brackets/labels.js';
import type { DecisionEntry, Proposal } from '../brackets/types.js';
import type { MarkJSON } from '../diff/types.js';
import type { DirectEdit } from '../edits.js';

/** Who made a change and when, as Word's tracked changes name them (`w:author`, `w:date`). */
export interface Attribution {
  author: string;
  /** ISO 8601, seconds precision. */
  date: string;
}

/** What the session records about who changed its text: proposals, the decision log, direct edits. */
export interface ChangeRecords {
  proposals: Record<string, Proposal>;
  decisions: readonly DecisionEntry[];
  edits: readonly DirectEdit[];
}

/** An inserted or deleted piece of a paragraph (a compare `TextOp`). */
export interface ChangedText {
  op: 'insert' | 'delete';
  text: string;
  marks?: MarkJSON[];
}

export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const sponsorsOf = (p: Proposal) => p.sponsors.map(sponsorLabel).join(', ');

function overlaps(a: string | undefined, b: string): boolean {
  const x = a?.trim();
  const y = b.trim();
  return !!x && !!y && (x.includes(y) || y.includes(x));
}

/**
 * Attributes each change between two versions (taken at `from` and `to`, ms) to whoever made it:
 * the delegation whose proposal put the text in (its bracket's proposal) or whose accepted
 * proposal changed it (the decision log, matched by paragraph and wording); the chair who
 * rejected a proposal; the writer of a direct edit (the `edits` record); else `fallback` (a
 * writer's typing that only added text is not on any record: the chair holds the pen).
 */
export function changeAttributor(records: ChangeRecords, window: { from: number; to: number }, fallback: Attribution) {
  const from = Math.min(window.from, window.to);
  const to = Math.max(window.from, window.to);
  const inWindow = (at: number) => at > from && at <= to;
  const undone = new Set(records.decisions.filter((d) => d.action === 'undo' && d.undoes).map((d) => d.undoes!));
  const decisions = records.decisions.filter((d) => inWindow(d.at) && !undone.has(d.id) && d.action !== 'undo');
  const byProposal = new Map<string, DecisionEntry>();
  for (const d of decisions) if (d.proposalId) byProposal.set(d.proposalId, d);
  const edits = records.edits.filter((e) => inWindow(e.updatedAt) || inWindow(e.at));

  const ofDecision = (d: DecisionEntry, p: Proposal | undefined): Attribution => {
    // Accepting makes the proposal's text the delegation's change; rejecting is the chair's.
    const author = d.action === 'accept' && p ? sponsorsOf(p) || d.by : d.by;
    return { author, date: isoSeconds(d.at) };
  };

  return (paragraphId: string, change: ChangedText): Attribution => {
    // 1. Text inside a proposal's bracket: the proposal made it (or its decision removed it).
    for (const m of change.marks ?? []) {
      if (m.type !== 'bracket') continue;
      const p = records.proposals[String(m.attrs?.id ?? '')];
      if (!p || p.kind === 'pending') continue;
      const d = byProposal.get(p.id);
      if (change.op === 'delete' && d) return ofDecision(d, p);
      if (change.op === 'delete' && p.status === 'withdrawn') return { author: sponsorsOf(p) || fallback.author, date: isoSeconds(p.updatedAt) };
      if (change.op === 'insert') return { author: sponsorsOf(p) || fallback.author, date: isoSeconds(p.createdAt) };
    }
    // 2. A decision in this paragraph whose proposal's wording matches the change.
    const here = decisions.filter((d) => {
      if (d.action !== 'accept' && d.action !== 'reject') return false;
      const p = d.proposalId ? records.proposals[d.proposalId] : undefined;
      return p?.paragraphId === paragraphId || d.after.some((s) => s.id === paragraphId);
    });
    const wording = (d: DecisionEntry) => {
      const p = records.proposals[d.proposalId ?? ''];
      return change.op === 'insert' ? (d.action === 'accept' ? p?.text : undefined) : d.action === 'accept' ? p?.anchorText : p?.text;
    };
    const matched = here.filter((d) => overlaps(wording(d), change.text)).pop();
    if (matched) return ofDecision(matched, records.proposals[matched.proposalId ?? '']);
    // 3. A writer's direct edit in this paragraph (what it removed, or typed in its place).
    const inParagraph = edits.filter((e) => e.paragraphId === paragraphId);
    const edit = inParagraph.filter((e) => overlaps(change.op === 'delete' ? e.before : e.after, change.text)).pop();
    if (edit) return { author: edit.by, date: isoSeconds(edit.updatedAt) };
    const accepted = here.filter((d) => d.action === 'accept').pop();
    if (accepted) return ofDecision(accepted, records.proposals[accepted.proposalId ?? '']);
    const anyEdit = inParagraph.pop();
    if (anyEdit) return { author: anyEdit.by, date: isoSeconds(anyEdit.updatedAt) };
    return fallback;
  };
}
