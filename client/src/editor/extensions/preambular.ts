import { mergeAttributes, Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface PreambularOptions {
  /**
   * Extra HTML attributes on every rendered block.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/** A preambular paragraph (PP1, PP2…): indented, its opening phrase kept as written. */
export const Preambular = Node.create<PreambularOptions>({
  name: 'preambular',
  group: nodeSpecs.preambular.group,
  content: nodeSpecs.preambular.content,
  defining: nodeSpecs.preambular.defining,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(nodeSpecs.preambular.attrs);
  },

  parseHTML() {
    return [{ tag: 'p[data-type="preambular"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // dir="auto": an Arabic paragraph runs right-to-left inside an English or Chinese text.
    return ['p', mergeAttributes({ 'data-type': 'preambular', class: 'block pp', dir: 'auto' }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
