import { Mark, mergeAttributes } from '@tiptap/core';

export interface BoldOptions {
  /**
   * Extra HTML attributes on every bold span.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** Bold. */
export const Bold = Mark.create<BoldOptions>({
  name: 'bold',

  addOptions() {
    return { HTMLAttributes: {} };
  },

  parseHTML() {
    return [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['strong', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
