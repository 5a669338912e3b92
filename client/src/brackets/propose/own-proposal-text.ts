import type { Node as PMNode } from '@tiptap/pm/model';
import { blockText, findProposalText, proposalActions, type Actor, type Proposal } from '@accord/shared/brackets/index';

/** Typing that continues a delegation's own open proposal: its text split at the caret. */
export interface Continuation {
  proposalId: string;
  before: string;
  after: string;
}

/** Kinds whose text a sponsor may edit (BR12). */
const EDITABLE = new Set(['insert', 'replace', 'alternative']);

/** The document range of a proposal's own text (its insertion or alternative), if it is in one piece. */
export function proposalTextRange(doc: PMNode, proposalId: string): { from: number; to: number } | null {
  const own = findProposalText(doc, proposalId).flatMap(({ block, ranges }) =>
    ranges.filter((r) => r.mark.attrs.role === 'insert' || r.mark.attrs.role === 'alt').map((r) => ({ from: block.pos + 1 + r.from, to: block.pos + 1 + r.to })),
  );
  return own.length === 1 ? own[0] : null;
}

/**
 * Whether a caret at `pos` sits in (or at either end of) an open insertion or replacement text of
 * one of `me`'s proposals (the rulebook says `me` may edit it: by participant id, never by name):
 * typing there extends that proposal (editProposal) instead of opening a new bracket beside it.
 */
export function continuationAt(doc: PMNode, pos: number, proposals: Record<string, Proposal>, me: Actor | null | undefined): Continuation | null {
  if (!me) return null;
  const $pos = doc.resolve(pos);
  const marks = [...($pos.nodeBefore?.marks ?? []), ...($pos.nodeAfter?.marks ?? [])];
  for (const mark of marks) {
    if (mark.type.name !== 'bracket' || (mark.attrs.role !== 'insert' && mark.attrs.role !== 'alt')) continue;
    const p = proposals[mark.attrs.id as string];
    if (!p || p.status !== 'open' || !EDITABLE.has(p.kind) || p.existing) continue;
    if (!proposalActions(p, me).edit) continue;
    const range = proposalTextRange(doc, p.id);
    if (!range || pos < range.from || pos > range.to) continue;
    const block = $pos.node(1);
    const start = $pos.start(1);
    const text = blockText(block);
    return { proposalId: p.id, before: text.slice(range.from - start, pos - start), after: text.slice(pos - start, range.to - start) };
  }
  return null;
}

/**
 * The open alternative or insertion (anyone's) whose text the target lies within: a further
 * alternative joins its group ("Alt 3") rather than starting a second group over the same words
 * (BR5 `alternativeTo`). The innermost such bracket wins.
 */
export function alternativeTarget(doc: PMNode, target: { from: number; to: number }, proposals: Record<string, Proposal>): string | null {
  const $from = doc.resolve(target.from);
  const candidates = new Set<string>();
  for (const m of [...($from.nodeAfter?.marks ?? []), ...($from.nodeBefore?.marks ?? [])]) {
    if (m.type.name === 'bracket' && (m.attrs.role === 'alt' || m.attrs.role === 'insert')) candidates.add(m.attrs.id as string);
  }
  let best: { id: string; size: number } | null = null;
  for (const id of candidates) {
    const p = proposals[id];
    if (!p || p.status !== 'open' || (p.kind !== 'alternative' && p.kind !== 'insert')) continue;
    const range = proposalTextRange(doc, id);
    if (!range || target.from < range.from || target.to > range.to) continue;
    if (!best || range.to - range.from < best.size) best = { id, size: range.to - range.from };
  }
  return best?.id ?? null;
}
