import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ensureUniqueIds } from '@accord/shared';

export const blockIdsKey = new PluginKey('accordBlockIds');

/**
 * Gives every block a fresh id when it has none or shares one (Enter, paste, split): paragraph ids
 * anchor labels, proposals and diffs, so two blocks must never share one. Only local edits are
 * fixed; remote ones were fixed by their author, and a read-only client must not write at all.
 */
export const BlockIds = Extension.create({
  name: 'blockIds',

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: blockIdsKey,
        appendTransaction(transactions, _oldState, newState) {
          if (!editor.isEditable) return null;
          if (!transactions.some((tr) => tr.docChanged && !isChangeOrigin(tr))) return null;
          const fixes = ensureUniqueIds(newState.doc);
          if (fixes.length === 0) return null;
          const tr = newState.tr;
          for (const { pos, id } of fixes) tr.setNodeAttribute(pos, 'id', id);
          return tr.setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
