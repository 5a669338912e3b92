import { Mark, mergeAttributes } from '@tiptap/core';

export interface ItalicOptions {
  /**
   * Extra HTML attributes on every italic span.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** Italic, e.g. the opening phrase of a PP in English texts. */
export const Italic = Mark.create<ItalicOptions>({
  name: 'italic',

  addOptions() {
    return { HTMLAttributes: {} };
  },

  parseHTML() {
    return [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['em', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
