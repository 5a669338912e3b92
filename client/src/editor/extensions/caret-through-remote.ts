import { Extension } from '@tiptap/core';
import { caretThroughRemote } from '../../collab/caret-through-remote';

/** A writer's caret stays on its own characters when others type in the same paragraph. */
export const CaretThroughRemote = Extension.create({
  name: 'caretThroughRemote',

  addProseMirrorPlugins() {
    return [caretThroughRemote()];
  },
});
