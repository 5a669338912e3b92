import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/**
 * Enter keeps the block type: a new paragraph after an OP is an OP at the same level, after a PP a
 * PP. ProseMirror's default would create the schema's first block type (a heading line). The new
 * block gets no id; BlockIds gives it a fresh one in the same transaction.
 */
export const SplitBlock = Extension.create({
  name: 'accordSplitBlock',

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) =>
        editor.commands.command(({ tr, state, dispatch }) => {
          const { $from, $to } = state.selection;
          if (!(state.selection instanceof TextSelection) || $from.depth !== 1 || !$from.sameParent($to)) return false;
          const node = $from.parent;
          if (dispatch) {
            if (state.selection.empty && $from.parentOffset === 0 && node.content.size > 0) {
              // At the start of a paragraph: open an empty one above, so the text keeps its id.
              tr.insert($from.before(), node.type.create({ ...node.attrs, id: null }));
              return true;
            }
            tr.deleteSelection();
            const pos = tr.mapping.map($from.pos);
            tr.split(pos, 1, [{ type: node.type, attrs: { ...node.attrs, id: null } }]);
            tr.scrollIntoView();
          }
          return true;
        }),
    };
  },
});
