import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { paragraphLabels } from '@accord/shared';

export const paragraphLabelsKey = new PluginKey<DecorationSet>('accordParagraphLabels');

/**
 * The derived labels (PP1, OP 1, (a), 5 bis) as node decorations: `data-label` feeds the margin
 * gutter and `data-num` the hanging "1." of an OP, both drawn by CSS. Attributes rather than
 * widgets so nothing is inserted into the text flow (the caret and an IME composition at the
 * start of a paragraph stay undisturbed) and the labels never end up in copied text.
 */
function decorate(doc: PMNode): DecorationSet {
  const labels = paragraphLabels(doc);
  const decorations: Decoration[] = [];
  let firstFootnote = true;
  doc.forEach((node, pos) => {
    const attrs: Record<string, string> = {};
    const label = node.attrs.id ? labels.get(node.attrs.id as string) : undefined;
    if (label && node.type.name === 'preambular') attrs['data-label'] = label.short;
    if (label && node.type.name === 'operative') {
      // Gutter: "OP5 bis" for an OP, "(a)" for a sub-paragraph; printed: "5 bis." and "(a)".
      const top = Number(node.attrs.level ?? 0) <= 0;
      attrs['data-label'] = top ? label.short : label.label;
      attrs['data-num'] = top ? `${label.label}.` : label.label;
    }
    if (node.type.name === 'footnote' && firstFootnote) {
      attrs.class = 'footnote--first';
      firstFootnote = false;
    }
    if (Object.keys(attrs).length > 0) decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
  });
  return DecorationSet.create(doc, decorations);
}

export const ParagraphLabels = Extension.create({
  name: 'paragraphLabels',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: paragraphLabelsKey,
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, old) => (tr.docChanged ? decorate(tr.doc) : old),
        },
        props: {
          decorations: (state) => paragraphLabelsKey.getState(state),
        },
      }),
    ];
  },
});
