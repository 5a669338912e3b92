import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const screenFocusKey = new PluginKey<string | null>('accordScreenFocus');

/** Highlights the paragraph under discussion on the room screen (`screen-current`); set with `setScreenFocus`. */
export const ScreenFocus = Extension.create({
  name: 'screenFocus',
  addProseMirrorPlugins() {
    return [
      new Plugin<string | null>({
        key: screenFocusKey,
        state: {
          init: () => null,
          apply: (tr, id) => (tr.getMeta(screenFocusKey) as string | null | undefined) ?? id,
        },
        props: {
          decorations(state) {
            const id = screenFocusKey.getState(state);
            if (!id) return null;
            let found: Decoration | null = null;
            state.doc.forEach((node, pos) => {
              if (!found && node.attrs.id === id) found = Decoration.node(pos, pos + node.nodeSize, { class: 'screen-current' });
            });
            return found ? DecorationSet.create(state.doc, [found]) : null;
          },
        },
      }),
    ];
  },
});

export function setScreenFocus(state: EditorState, paragraphId: string | null) {
  return state.tr.setMeta(screenFocusKey, paragraphId);
}
