import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { yBlockShowing } from './y-block';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- y-tiptap types its mapping this way
type Mapping = Map<Y.AbstractType<any>, PMNode | PMNode[]>;

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: {
    mapping: Mapping;
    /** The selection y-tiptap restores after this Yjs transaction (for undo: the one before the undone change). */
    beforeTransactionSelection: { type: string; anchor: Y.RelativePosition | null; head: Y.RelativePosition | null } | null;
  } | null;
}

interface KeptSelection {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
}

export const caretThroughRemoteKey = new PluginKey('accordCaretThroughRemote');

/**
 * The Yjs position of a ProseMirror position inside a textblock, tied to the character before it
 * (assoc -1), so that text someone else inserts at the same spot goes after the caret, not between
 * the caret and what this writer just typed. Null where the position is not inside a textblock
 * this binding has rendered.
 */
function stickToLeft(doc: PMNode, pos: number, fragment: Y.XmlFragment, mapping: Mapping): Y.RelativePosition | null {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) return null;
  let el: Y.XmlFragment | Y.XmlElement = fragment;
  for (let depth = 0; depth < $pos.depth; depth++) {
    const child: unknown = depth === 0 ? yBlockShowing(fragment, mapping, $pos.index(0), $pos.node(1)) : el.get($pos.index(depth));
    if (!(child instanceof Y.XmlElement) || mapping.get(child) !== $pos.node(depth + 1)) return null;
    el = child;
  }
  let offset = $pos.parentOffset;
  const children = el.toArray();
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child instanceof Y.XmlText) {
      if (offset <= child.length) return Y.createRelativePositionFromTypeIndex(child, offset, -1);
      offset -= child.length;
      continue;
    }
    if (offset === 0) return Y.createRelativePositionFromTypeIndex(el, i, -1);
    const node = mapping.get(child);
    if (!node || Array.isArray(node)) return null;
    offset -= node.nodeSize;
  }
  return offset === 0 ? Y.createRelativePositionFromTypeIndex(el, children.length, -1) : null;
}

/** Where a kept position is now, or null if its paragraph is gone (then y-tiptap's guess stands). */
function resolve(sync: SyncState, mapping: Mapping, rel: Y.RelativePosition): number | null {
  const at = Y.createAbsolutePositionFromRelativePosition(rel, sync.doc);
  if (!at) return null;
  for (let item = at.type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) if (item.deleted) return null;
  return relativePositionToAbsolutePosition(sync.doc, sync.type, rel, mapping);
}

/**
 * Keeps a writer's caret on its characters when someone else's change arrives (reproduction 12 of
 * issue 8: two writers in one paragraph reordered each other's keys).
 *
 * y-tiptap 3.0.9 re-renders the document on every remote change and restores the selection from
 * relative positions, then second-guesses them: `isMisresolvedAfterStructuralChange` calls any
 * position whose paragraph text changed "misresolved" and puts the caret back at its old offset in
 * the paragraph. When the other writer typed earlier in the paragraph, the caret then sits that
 * many characters too far left, and the next key lands inside the word being typed. Its relative
 * positions also stick to the character after the caret, so another writer typing at the same spot
 * pushes the caret past their text.
 *
 * Here the selection is taken as Yjs positions tied to the character before it, just before each
 * Yjs transaction (as the binding does), and after a remote change it is set from those positions
 * alone. Only text selections inside paragraphs that still exist are kept this way; the rest is
 * left to y-tiptap (a block moved by a drag, a node selection). Undo and redo go back to the
 * selection y-tiptap saved with the change, resolved the same way.
 */
export function caretThroughRemote(): Plugin {
  let kept: KeptSelection | null = null;
  return new Plugin({
    key: caretThroughRemoteKey,
    view(view) {
      const sync = ySyncPluginKey.getState(view.state) as SyncState | undefined;
      if (!sync) return {};
      const before = () => {
        const state: EditorState = view.state;
        const mapping = (ySyncPluginKey.getState(state) as SyncState | undefined)?.binding?.mapping;
        if (kept || !mapping || !(state.selection instanceof TextSelection)) return;
        const anchor = stickToLeft(state.doc, state.selection.anchor, sync.type, mapping);
        const head = stickToLeft(state.doc, state.selection.head, sync.type, mapping);
        kept = anchor && head ? { anchor, head } : null;
      };
      const after = () => {
        kept = null;
      };
      sync.doc.on('beforeAllTransactions', before);
      sync.doc.on('afterAllTransactions', after);
      return {
        destroy() {
          sync.doc.off('beforeAllTransactions', before);
          sync.doc.off('afterAllTransactions', after);
          kept = null;
        },
      };
    },
    appendTransaction(transactions, _oldState, newState) {
      const metas = transactions.filter((tr) => tr.docChanged).map((tr) => tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined);
      if (!kept || !metas.some((m) => m?.isChangeOrigin)) return null;
      const sync = ySyncPluginKey.getState(newState) as SyncState | undefined;
      const mapping = sync?.binding?.mapping;
      if (!sync?.binding || !mapping) return null;
      // Undo and redo put the caret where it was before the change they revert: y-tiptap's undo
      // plugin hands the binding that selection (then second-guessed as above).
      const undone = sync.binding.beforeTransactionSelection;
      const target: KeptSelection | null = metas.some((m) => m?.isUndoRedoOperation)
        ? undone?.type === 'text' && undone.anchor && undone.head
          ? { anchor: undone.anchor, head: undone.head }
          : null
        : kept;
      if (!target) return null;
      const anchor = resolve(sync, mapping, target.anchor);
      const head = resolve(sync, mapping, target.head);
      if (anchor === null || head === null) return null;
      const { selection } = newState;
      if (selection instanceof TextSelection && selection.anchor === anchor && selection.head === head) return null;
      const $anchor = newState.doc.resolve(anchor);
      const $head = newState.doc.resolve(head);
      if (!$anchor.parent.isTextblock || !$head.parent.isTextblock) return null;
      return newState.tr
        .setSelection(TextSelection.between($anchor, $head))
        .setMeta(ySyncPluginKey, { isChangeOrigin: true })
        .setMeta('addToHistory', false);
    },
  });
}
