import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { schema } from '../schema.js';
import { findProposalText } from './doc.js';

/**
 * Text effects of proposals and decisions, each a change to a Transform. Ranges are looked up
 * afresh in `tr.doc` every time, so effects compose in any order.
 */

type BracketRole = 'pending' | 'insert' | 'delete' | 'alt' | 'reserve';

interface AbsRange {
  from: number;
  to: number;
  mark: Mark;
}

function absRanges(doc: PMNode, id: string, roles?: BracketRole[]): AbsRange[] {
  const out: AbsRange[] = [];
  for (const { block, ranges } of findProposalText(doc, id)) {
    for (const r of ranges) {
      if (roles && !roles.includes(r.mark.attrs.role as BracketRole)) continue;
      out.push({ from: block.pos + 1 + r.from, to: block.pos + 1 + r.to, mark: r.mark });
    }
  }
  return out.sort((a, b) => b.from - a.from);
}

export function hasText(doc: PMNode, id: string, roles?: BracketRole[]): boolean {
  return absRanges(doc, id, roles).length > 0;
}

/** Removes the proposal's bracket marks: its text becomes plain. */
export function unbracket(tr: Transform, id: string, roles?: BracketRole[]): void {
  for (const r of absRanges(tr.doc, id, roles)) tr.removeMark(r.from, r.to, r.mark);
}

/** Removes the proposal's bracketed text from the paragraph (text that never was agreed). */
export function dropText(tr: Transform, id: string, roles?: BracketRole[]): void {
  for (const r of absRanges(tr.doc, id, roles)) tr.delete(r.from, r.to);
}

export function struckMark(by: string, decision: string | null): Mark {
  return schema.marks.struck.create({ by, decision });
}

/** Unbrackets the proposal's text and strikes it through: removed, but visible until the next revision. */
export function strike(tr: Transform, id: string, struck: Mark, roles?: BracketRole[]): void {
  const ranges = absRanges(tr.doc, id, roles);
  for (const r of ranges) tr.removeMark(r.from, r.to, r.mark);
  for (const r of ranges) tr.addMark(r.from, r.to, struck);
}

/** End position (absolute) of the proposal's last bracketed range, or -1. */
export function endOf(doc: PMNode, id: string, roles?: BracketRole[]): number {
  const rs = absRanges(doc, id, roles);
  return rs.length ? Math.max(...rs.map((r) => r.to)) : -1;
}

export function removeAddedBlock(tr: Transform, proposalId: string): boolean {
  let pos = 0;
  for (let i = 0; i < tr.doc.childCount; i++) {
    const node = tr.doc.child(i);
    if (node.attrs.added === proposalId) {
      tr.delete(pos, pos + node.nodeSize);
      return true;
    }
    pos += node.nodeSize;
  }
  return false;
}

export function bracketMark(id: string, role: BracketRole, alt = 0): Mark {
  return schema.marks.bracket.create({ id, role, alt });
}

/**
 * Insert/alt brackets that enclose a point (present on both sides): text inserted there nests
 * inside them, so that deciding the outer proposal decides the nested text with it.
 */
export function enclosingBrackets(block: PMNode, offset: number): Mark[] {
  if (offset <= 0 || offset >= block.content.size) return [];
  const left = block.resolve(offset).nodeBefore?.marks ?? [];
  const right = block.resolve(offset).nodeAfter?.marks ?? [];
  return left.filter(
    (m) => m.type.name === 'bracket' && (m.attrs.role === 'insert' || m.attrs.role === 'alt') && m.isInSet(right),
  );
}
