import type { Node as PMNode } from '@tiptap/pm/model';
import { Decoration } from '@tiptap/pm/view';
import type { ParagraphLabel } from '@accord/shared';

/**
 * The derived label of one block (PP1, OP 1, (a), 5 bis) as a node decoration: `data-label` feeds
 * the margin gutter and `data-num` the hanging "1." of an OP, both drawn by CSS. Attributes rather
 * than widgets so nothing is inserted into the text flow (the caret and an IME composition at the
 * start of a paragraph stay undisturbed) and the labels never end up in copied text. The labels
 * themselves are kept by the document index (./document-index.ts).
 */
export function labelDecoration(node: PMNode, pos: number, label: ParagraphLabel | undefined, firstFootnote: boolean): Decoration | null {
  const attrs: Record<string, string> = {};
  if (label && node.type.name === 'preambular') attrs['data-label'] = label.short;
  if (label && node.type.name === 'operative') {
    // Gutter: "OP5 bis" for an OP, "(a)" for a sub-paragraph; printed: "5 bis." and "(a)".
    const top = Number(node.attrs.level ?? 0) <= 0;
    attrs['data-label'] = top ? label.short : label.label;
    attrs['data-num'] = top ? `${label.label}.` : label.label;
  }
  if (firstFootnote) attrs.class = 'footnote--first';
  return Object.keys(attrs).length > 0 ? Decoration.node(pos, pos + node.nodeSize, attrs) : null;
}
