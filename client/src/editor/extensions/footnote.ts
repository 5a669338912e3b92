import { mergeAttributes, Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface FootnoteOptions {
  /**
   * Extra HTML attributes on every rendered block.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** A footnote's text, shown at the bottom of the page in smaller type after its marker. */
export const Footnote = Node.create<FootnoteOptions>({
  name: 'footnote',
  group: nodeSpecs.footnote.group,
  content: nodeSpecs.footnote.content,
  defining: nodeSpecs.footnote.defining,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(nodeSpecs.footnote.attrs);
  },

  parseHTML() {
    return [{ tag: 'p[data-type="footnote"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // dir="auto": an Arabic paragraph runs right-to-left inside an English or Chinese text.
    return ['p', mergeAttributes({ 'data-type': 'footnote', class: 'block footnote', dir: 'auto' }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
