import { mergeAttributes, Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface FootnoteRefOptions {
  /**
   * Extra HTML attributes on every marker.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** A footnote marker inside a paragraph, superscript as in print; an atom the caret steps over. */
export const FootnoteRef = Node.create<FootnoteRefOptions>({
  name: 'footnoteRef',
  group: nodeSpecs.footnoteRef.group,
  inline: nodeSpecs.footnoteRef.inline,
  atom: nodeSpecs.footnoteRef.atom,
  selectable: nodeSpecs.footnoteRef.selectable,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(nodeSpecs.footnoteRef.attrs);
  },

  parseHTML() {
    return [{ tag: 'sup[data-type="footnoteRef"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'sup',
      mergeAttributes({ 'data-type': 'footnoteRef', class: 'footnote-ref' }, this.options.HTMLAttributes, HTMLAttributes),
      String(node.attrs.marker),
    ];
  },

  renderText({ node }) {
    return String(node.attrs.marker);
  },
});
