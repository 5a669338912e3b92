import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { findBlock, findProposalText } from './doc.js';
import type { DecisionEntry, Proposal } from './types.js';

const isStruck = (n: PMNode) => n.marks.some((m) => m.type.name === 'struck');

/** Does the proposal have text of one of `roles` (any role when omitted) that is not struck? */
function liveText(doc: PMNode, id: string, roles?: string[]): boolean {
  for (const { block, ranges } of findProposalText(doc, id)) {
    for (const r of ranges) {
      if (roles && !roles.includes(r.mark.attrs.role as string)) continue;
      let live = false;
      block.node.nodesBetween(r.from, r.to, (child) => {
        if (!live && child.isInline && !isStruck(child)) live = true;
        return false;
      });
      if (live) return true;
    }
  }
  return false;
}

/** A point insertion sits inside struck text when the characters on both sides of it are struck. */
function insideStruck(doc: PMNode, id: string): boolean {
  const found = findProposalText(doc, id);
  if (found.length !== 1) return false;
  const { block, ranges } = found[0];
  const from = ranges[0].from;
  const to = ranges[ranges.length - 1].to;
  const node = block.node;
  if (from <= 0 || to >= node.content.size) return false;
  const before = node.resolve(from).nodeBefore;
  const after = node.resolve(to).nodeAfter;
  return !!before && !!after && isStruck(before) && isStruck(after);
}

/**
 * BR32: is the text the proposal acts on still there, unstruck? A deletion, reservation, pending
 * bracket or original-text alternative acts on its bracketed text; a replacement on the text it
 * would replace; a proposed alternative of a span on the span (its group's original text); an
 * insertion on its own text and on the place it was put (not inside struck text); a paragraph
 * deletion on the paragraph's text.
 */
export function anchorLive(doc: PMNode, p: Proposal, proposals: Record<string, Proposal>): boolean {
  switch (p.kind) {
    case 'deleteParagraph': {
      const b = findBlock(doc, p.paragraphId);
      if (!b) return false;
      let live = b.node.content.size === 0;
      b.node.forEach((child) => {
        if (!isStruck(child)) live = true;
      });
      return live;
    }
    case 'replace':
      return liveText(doc, p.id, ['delete']);
    case 'delete':
    case 'reserve':
    case 'pending':
      return liveText(doc, p.id);
    case 'alternative': {
      if (p.existing) return liveText(doc, p.id);
      const original = Object.values(proposals).find((x) => x.existing && x.group !== undefined && x.group === p.group);
      if (original) return liveText(doc, original.id);
      return liveText(doc, p.id) && !insideStruck(doc, p.id);
    }
    case 'insert':
    case 'newParagraph':
      return liveText(doc, p.id) && !insideStruck(doc, p.id);
  }
}

/**
 * Lifts a superseded proposal from the text: what it proposed that was never agreed (inserted or
 * alternative text, unstruck) is removed, its brackets on existing or struck text are lifted, so
 * no bracket is left on text that is gone. Looked up afresh in `tr.doc`.
 */
function lift(tr: Transform, p: Proposal): void {
  const found = findProposalText(tr.doc, p.id);
  const edits: { from: number; to: number; drop: boolean; mark: import('@tiptap/pm/model').Mark }[] = [];
  for (const { block, ranges } of found) {
    for (const r of ranges) {
      const role = r.mark.attrs.role as string;
      const proposed = role === 'insert' || (role === 'alt' && !p.existing);
      block.node.forEach((child, offset) => {
        const end = offset + child.nodeSize;
        if (end <= r.from || offset >= r.to) return;
        const from = block.pos + 1 + Math.max(offset, r.from);
        const to = block.pos + 1 + Math.min(end, r.to);
        edits.push({ from, to, drop: proposed && !isStruck(child), mark: r.mark });
      });
    }
  }
  edits.sort((a, b) => b.from - a.from);
  for (const e of edits) {
    if (e.drop) tr.delete(e.from, e.to);
    else tr.removeMark(e.from, e.to, e.mark);
  }
}

/**
 * Proposals that could have lost their text: those with brackets in a block the change touched
 * (in the text before), and paragraph deletions of such a block. Cost follows the blocks changed.
 */
function candidates(before: PMNode, after: PMNode, proposals: Record<string, Proposal>): Proposal[] {
  const now = new Map<string, PMNode>();
  after.forEach((b) => now.set(b.attrs.id as string, b));
  const ids = new Set<string>();
  before.forEach((b) => {
    const id = b.attrs.id as string;
    if (now.get(id) === b) return;
    ids.add(id);
    b.forEach((child) => {
      for (const m of child.marks) if (m.type.name === 'bracket') ids.add(m.attrs.id as string);
    });
  });
  return Object.values(proposals).filter((p) => ids.has(p.id) || (p.kind === 'deleteParagraph' && ids.has(p.paragraphId)));
}

/**
 * BR32: after a decision's own text effect (in `tr`), every other open proposal whose text it
 * struck or removed entirely is superseded: lifted from the text in the same transform and
 * returned, so the decision records it and undo re-opens it. Repeats until nothing changes (text
 * nested in a superseded insertion goes with it).
 */
export function supersede(before: PMNode, tr: Transform, proposals: Record<string, Proposal>, closed: ReadonlySet<string>): Proposal[] {
  const wasLive = new Map<string, boolean>();
  const out: Proposal[] = [];
  const done = new Set<string>();
  for (;;) {
    const open = candidates(before, tr.doc, proposals).filter((p) => p.status === 'open' && !closed.has(p.id));
    const next = open.filter((p) => {
      if (done.has(p.id)) return false;
      if (!wasLive.has(p.id)) wasLive.set(p.id, anchorLive(before, p, proposals));
      return wasLive.get(p.id)! && !anchorLive(tr.doc, p, proposals);
    });
    if (!next.length) return out;
    // Judge the whole round on the same text, then lift.
    for (const p of next) {
      done.add(p.id);
      out.push(p);
    }
    for (const p of next) lift(tr, p);
  }
}

/**
 * At a revision (struck text dropped): the open proposals whose text is gone from `doc` — by a
 * decision before BR32 existed, by the pen, or struck by a writer — are closed, never left behind
 * as ghost brackets.
 */
export function goneAtRevision(doc: PMNode, proposals: Record<string, Proposal>): Proposal[] {
  return Object.values(proposals)
    .filter((p) => p.status === 'open' && !anchorLive(doc, p, proposals))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * BR34: what issuing a revision does to the records: the open proposals whose text is gone from
 * the revised text are `superseded`, recorded in one `revision` log entry (not undoable).
 */
export function closeAtRevision(
  proposals: Record<string, Proposal>,
  revisedDoc: PMNode,
  entry: { id: string; at: number; by: string; label: string },
): { proposals: Proposal[]; entry: DecisionEntry } {
  const gone = goneAtRevision(revisedDoc, proposals);
  const closed = gone.map((p) => ({ ...p, status: 'superseded' as const, decision: entry.id, updatedAt: entry.at }));
  return {
    proposals: closed,
    entry: {
      id: entry.id,
      at: entry.at,
      by: entry.by,
      action: 'revision',
      revision: entry.label,
      before: [],
      after: [],
      proposals: gone.map((p) => ({
        id: p.id,
        before: { status: 'open', kind: p.kind, ...(p.group !== undefined ? { group: p.group } : {}), ...(p.alt !== undefined ? { alt: p.alt } : {}) },
        after: { status: 'superseded', kind: p.kind, decision: entry.id, ...(p.group !== undefined ? { group: p.group } : {}), ...(p.alt !== undefined ? { alt: p.alt } : {}) },
      })),
      paragraphs: [],
    },
  };
}
