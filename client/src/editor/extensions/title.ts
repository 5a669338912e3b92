import { mergeAttributes, Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface TitleOptions {
  /**
   * Extra HTML attributes on every rendered block.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** The draft's title. Centred, bold. */
export const Title = Node.create<TitleOptions>({
  name: 'title',
  group: nodeSpecs.title.group,
  content: nodeSpecs.title.content,
  defining: nodeSpecs.title.defining,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(nodeSpecs.title.attrs);
  },

  parseHTML() {
    return [{ tag: 'h1[data-type="title"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // dir="auto": an Arabic paragraph runs right-to-left inside an English or Chinese text.
    return ['h1', mergeAttributes({ 'data-type': 'title', class: 'block title', dir: 'auto' }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
