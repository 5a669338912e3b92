import { Fragment, type Mark, type MarkType, type Node as PMNode } from '@tiptap/pm/model';

/** MarkType.rank is internal in the typings but is the order ProseMirror sorts marks by. */
const rank = (t: MarkType) => (t as unknown as { rank: number }).rank;

/**
 * Brackets nest and overlap, so a text node can carry several bracket marks. ProseMirror keeps
 * marks of one type in insertion order, and reading from Yjs gives them in attribute order, so the
 * same text could read as two unequal docs. All bracket rules work on docs whose marks are in
 * this one canonical order (by type rank, then attributes).
 */
export function sortMarks(marks: readonly Mark[]): readonly Mark[] {
  if (marks.length < 2) return marks;
  const key = (m: Mark) => JSON.stringify(m.attrs);
  const sorted = marks.slice().sort((a, b) => rank(a.type) - rank(b.type) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.every((m, i) => m === marks[i]) ? marks : sorted;
}

/** One block with marks in canonical order; the same node when it already is. */
export function canonicalBlock(block: PMNode): PMNode {
  let changed = false;
  const kids: PMNode[] = [];
  block.forEach((child) => {
    const marks = sortMarks(child.marks);
    if (marks !== child.marks) changed = true;
    kids.push(marks === child.marks ? child : child.mark(marks));
  });
  return changed ? block.copy(Fragment.fromArray(kids)) : block;
}

/** The doc with marks in canonical order; the same node when it already is. */
export function canonicalMarks(doc: PMNode): PMNode {
  let changed = false;
  const blocks: PMNode[] = [];
  doc.forEach((block) => {
    const b = canonicalBlock(block);
    if (b !== block) changed = true;
    blocks.push(b);
  });
  return changed ? doc.copy(Fragment.fromArray(blocks)) : doc;
}
