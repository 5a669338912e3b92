import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { Anchor, BlockSnapshot, CommandError } from './types.js';

/** A footnote marker (or any inline leaf) counts as one character in paragraph text. */
export const LEAF_CHAR = '\uFFFC';

export interface BlockAt {
  node: PMNode;
  /** Position of the block in the doc; its content starts at pos + 1. */
  pos: number;
  index: number;
}

export function findBlock(doc: PMNode, id: string): BlockAt | null {
  let pos = 0;
  for (let index = 0; index < doc.childCount; index++) {
    const node = doc.child(index);
    if (node.attrs.id === id) return { node, pos, index };
    pos += node.nodeSize;
  }
  return null;
}

/** The paragraph's text with one character per position (string offsets = content offsets). */
export function blockText(node: PMNode): string {
  return node.textBetween(0, node.content.size, '', LEAF_CHAR);
}

export interface Range {
  from: number;
  to: number;
}

export interface MarkRange extends Range {
  mark: Mark;
}

/** Ranges (content offsets) of the block's inline content carrying a bracket mark of `proposalId`. */
export function bracketRanges(block: PMNode, proposalId: string): MarkRange[] {
  const out: MarkRange[] = [];
  block.forEach((child, offset) => {
    for (const mark of child.marks) {
      if (mark.type.name !== 'bracket' || mark.attrs.id !== proposalId) continue;
      const last = out[out.length - 1];
      if (last && last.to === offset && last.mark.eq(mark)) last.to = offset + child.nodeSize;
      else out.push({ from: offset, to: offset + child.nodeSize, mark });
    }
  });
  return out.sort((a, b) => a.from - b.from);
}

export interface DocRanges {
  blockId: string;
  block: BlockAt;
  ranges: MarkRange[];
}

/** Every block holding text bracketed for `proposalId` (marks move with text, so search all blocks). */
export function findProposalText(doc: PMNode, proposalId: string): DocRanges[] {
  const out: DocRanges[] = [];
  let pos = 0;
  for (let index = 0; index < doc.childCount; index++) {
    const node = doc.child(index);
    const ranges = bracketRanges(node, proposalId);
    if (ranges.length) out.push({ blockId: node.attrs.id as string, block: { node, pos, index }, ranges });
    pos += node.nodeSize;
  }
  return out;
}

export function textOfRanges(block: PMNode, ranges: Range[]): string {
  return ranges.map((r) => block.textBetween(r.from, r.to, '', LEAF_CHAR)).join('');
}

/**
 * Resolves an anchor to content offsets. The expected text is checked at the given offsets; if it
 * differs (the text was edited meanwhile) the occurrence nearest to the offsets is used; if there
 * is none the anchor is gone. Never applies elsewhere silently.
 */
export function resolveAnchor(block: PMNode, anchor: Anchor): Range | CommandError {
  const text = blockText(block);
  const { from, to } = anchor;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    return { code: 'invalid', message: `bad anchor offsets ${from}–${to}` };
  }
  if (anchor.text.length !== to - from) {
    return { code: 'invalid', message: 'anchor text length does not match its offsets' };
  }
  const expected = anchor.text;
  if (expected === '') {
    const before = anchor.before ?? '';
    if (from <= text.length && text.slice(from - before.length, from) === before) return { from, to: from };
    if (before === '') return { code: 'anchor_gone', message: `offset ${from} is past the paragraph's end` };
    const at = nearest(text, before, from - before.length);
    if (at < 0) return { code: 'anchor_gone', message: `the text before the insertion point ("${before}") is gone` };
    return { from: at + before.length, to: at + before.length };
  }
  if (text.slice(from, to) === expected) return { from, to };
  const at = nearest(text, expected, from);
  if (at < 0) return { code: 'anchor_gone', message: `"${expected}" is no longer in the paragraph` };
  return { from: at, to: at + expected.length };
}

function nearest(text: string, needle: string, near: number): number {
  let best = -1;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

export function isBracketError(x: Range | CommandError): x is CommandError {
  return (x as CommandError).code !== undefined;
}

/** Blocks that differ between two docs (by id), as snapshots of before and after. */
export function diffBlocks(before: PMNode, after: PMNode): { before: BlockSnapshot[]; after: BlockSnapshot[] } {
  const index = (doc: PMNode) => {
    const m = new Map<string, { node: PMNode; prev: string | null }>();
    let prev: string | null = null;
    doc.forEach((node) => {
      const id = node.attrs.id as string;
      m.set(id, { node, prev });
      prev = id;
    });
    return m;
  };
  const a = index(before);
  const b = index(after);
  const ids: string[] = [];
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || (y.node !== x.node && !y.node.eq(x.node))) ids.push(id);
  }
  for (const id of b.keys()) if (!a.has(id)) ids.push(id);
  const snap = (m: typeof a, id: string): BlockSnapshot => {
    const x = m.get(id);
    return { id, prev: x ? x.prev : null, node: x ? (x.node.toJSON() as Record<string, unknown>) : null };
  };
  return { before: ids.map((id) => snap(a, id)), after: ids.map((id) => snap(b, id)) };
}

/** Ids of all bracket marks in the doc. */
export function bracketIdsInDoc(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const m of node.marks) if (m.type.name === 'bracket') ids.add(m.attrs.id as string);
    return true;
  });
  return ids;
}

export function addedBlockIds(doc: PMNode): Map<string, string> {
  const m = new Map<string, string>();
  doc.forEach((node) => {
    if (node.attrs.added) m.set(node.attrs.added as string, node.attrs.id as string);
  });
  return m;
}
