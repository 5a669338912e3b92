import { mergeAttributes, Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface OperativeOptions {
  /**
   * Extra HTML attributes on every rendered block.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** An operative paragraph: level 0 "1.", level 1 "(a)", level 2 "(i)", the number hanging in the margin. */
export const Operative = Node.create<OperativeOptions>({
  name: 'operative',
  group: nodeSpecs.operative.group,
  content: nodeSpecs.operative.content,
  defining: nodeSpecs.operative.defining,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(nodeSpecs.operative.attrs);
  },

  parseHTML() {
    return [{ tag: 'p[data-type="operative"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // dir="auto": an Arabic paragraph runs right-to-left inside an English or Chinese text.
    return ['p', mergeAttributes({ 'data-type': 'operative', class: 'block op', dir: 'auto' }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
