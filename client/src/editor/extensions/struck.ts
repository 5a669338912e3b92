import { Mark, mergeAttributes } from '@tiptap/core';
import { markSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface StruckOptions {
  /**
   * Extra HTML attributes on every struck span.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** Text removed by a decision or the pen-holder: stays visible, struck through, until the next revision. */
export const Struck = Mark.create<StruckOptions>({
  name: 'struck',
  inclusive: markSpecs.struck.inclusive,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(markSpecs.struck.attrs);
  },

  parseHTML() {
    return [{ tag: 'del[data-type="struck"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['del', mergeAttributes({ 'data-type': 'struck', class: 'struck' }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
