import { mergeAttributes, Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface HeadingLineOptions {
  /**
   * Extra HTML attributes on every rendered block.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** A line above the title: session, committee, agenda item, sponsors. Centred. */
export const HeadingLine = Node.create<HeadingLineOptions>({
  name: 'headingLine',
  group: nodeSpecs.headingLine.group,
  content: nodeSpecs.headingLine.content,
  defining: nodeSpecs.headingLine.defining,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(nodeSpecs.headingLine.attrs);
  },

  parseHTML() {
    return [{ tag: 'p[data-type="headingLine"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // dir="auto": an Arabic paragraph runs right-to-left inside an English or Chinese text.
    return ['p', mergeAttributes({ 'data-type': 'headingLine', class: 'block heading-line', dir: 'auto' }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
