import { mergeAttributes, Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface NoteOptions {
  /**
   * Extra HTML attributes on every rendered block.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** Text outside the resolution proper (Chair's note, "Annex", the chapeau). `style` heading centres it. */
export const Note = Node.create<NoteOptions>({
  name: 'note',
  group: nodeSpecs.note.group,
  content: nodeSpecs.note.content,
  defining: nodeSpecs.note.defining,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(nodeSpecs.note.attrs);
  },

  parseHTML() {
    return [{ tag: 'p[data-type="note"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // dir="auto": an Arabic paragraph runs right-to-left inside an English or Chinese text.
    return ['p', mergeAttributes({ 'data-type': 'note', class: 'block note', dir: 'auto' }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
