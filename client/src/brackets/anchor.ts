import type { Node as PMNode } from '@tiptap/pm/model';
import { blockText, type Anchor } from '@accord/shared/brackets/index';

export interface Target {
  from: number;
  to: number;
}

export interface TargetParagraph {
  /** The top-level block holding the target. */
  block: PMNode;
  /** Document position where the block's content starts. */
  start: number;
}

/** The paragraph a target lies in, or null when it spans paragraphs or is not in a text block. */
export function targetParagraph(doc: PMNode, target: Target): TargetParagraph | null {
  const $from = doc.resolve(target.from);
  const $to = doc.resolve(target.to);
  if ($from.depth < 1 || $from.before(1) !== ($to.depth >= 1 ? $to.before(1) : -1)) return null;
  const block = $from.node(1);
  if (!block.isTextblock || !block.attrs.id) return null;
  return { block, start: $from.start(1) };
}

/** How many characters before an insertion point identify it if the paragraph changes meanwhile. */
const CONTEXT = 12;

/** The command anchor for a target: offsets in its paragraph and the text expected there. */
export function anchorFor(doc: PMNode, target: Target): Anchor | null {
  const at = targetParagraph(doc, target);
  if (!at) return null;
  const text = blockText(at.block);
  const from = target.from - at.start;
  const to = target.to - at.start;
  const anchor: Anchor = { paragraphId: at.block.attrs.id as string, from, to, text: text.slice(from, to) };
  if (from === to && from > 0) anchor.before = text.slice(Math.max(0, from - CONTEXT), from);
  return anchor;
}
