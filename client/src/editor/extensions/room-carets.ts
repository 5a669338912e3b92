import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, defaultSelectionBuilder, relativePositionToAbsolutePosition, yCursorPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { proposeDraftKey } from './propose-draft';

/**
 * Other people's carets. The name is drawn by CSS from `data-name` (generated content), so it is
 * never part of the text: copying a paragraph or reading it with a screen reader gives the words only.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  const color = typeof user.color === 'string' ? user.color : '#888';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.dataset.name = typeof user.name === 'string' ? user.name : '';
  label.dataset.role = typeof user.role === 'string' ? user.role : '';
  label.setAttribute('aria-hidden', 'true');
  caret.append(label);
  return caret;
}

/**
 * The awareness as y-tiptap's cursor plugin sees it: everyone's states to draw, but no local state
 * to write. That plugin publishes a caret only while the editor has the focus and withdraws it on
 * blur, so a delegation (whose text is not editable: it proposes through its own input) never had
 * one, and the chair's vanished whenever it clicked a button. `publishCaretKey` publishes instead.
 */
function drawOnly(awareness: Awareness): Awareness {
  return {
    getStates: () => awareness.getStates(),
    on: (name: string, f: () => void) => awareness.on(name as 'change', f),
    off: (name: string, f: () => void) => awareness.off(name as 'change', f),
    getLocalState: () => null,
    setLocalStateField: () => undefined,
  } as unknown as Awareness;
}

/** This person's caret as Yjs relative positions (they survive remote edits, which y-sync applies as one whole-document replacement). */
interface Caret {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
}

type SyncState = { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } } | undefined;

const publishCaretKey = new PluginKey<Caret | null>('accordPublishCaret');

/**
 * Where this person placed its caret last: the draft it proposes, else its own selection. Null
 * until it does (the selection a page opens with is nobody's position). A draft that closes leaves
 * the caret where the draft was: the delegation's text is not editable, its selection stays behind.
 */
function placed(tr: Transaction, prev: Caret | null, old: EditorState, state: EditorState): Caret | null {
  // The sync plugin's field may come after this one in the new state; its binding is the same object.
  const sync = (ySyncPluginKey.getState(state) ?? ySyncPluginKey.getState(old)) as SyncState;
  if (!sync?.binding || !sync.type) return prev;
  // From the transaction: the draft plugin's own field may not be computed yet in `state`.
  const meta = tr.getMeta(proposeDraftKey) as { from?: number; to?: number } | undefined;
  const draft = meta && typeof meta.from === 'number' && typeof meta.to === 'number' ? { from: meta.from, to: meta.to } : null;
  const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
  if (!draft && (!tr.selectionSet || remote)) return prev;
  const { anchor, head } = draft ? { anchor: draft.from, head: draft.to } : state.selection;
  const rel = (pos: number) => absolutePositionToRelativePosition(pos, sync.type!, sync.binding!.mapping as never);
  return { anchor: rel(anchor), head: rel(head) };
}

/** This person's caret as a position in the editor's document now (its head), or null. */
export function caretPosition(state: EditorState): number | null {
  const caret = publishCaretKey.getState(state);
  const sync = ySyncPluginKey.getState(state) as SyncState;
  if (!caret || !sync?.binding || !sync.type || !sync.doc) return null;
  return relativePositionToAbsolutePosition(sync.doc, sync.type, caret.head, sync.binding.mapping as never);
}

export interface RoomCaretsOptions {
  awareness: Awareness | null;
  /** This person as shown in the presence list (the server stamps the same, from the token). */
  user: { name: string; color: string; role: string } | null;
}

/**
 * Where people are (issue 11): every participant publishes its caret and selection — a delegation's
 * draft while it proposes — from its first click on, kept when the editor loses the focus, and
 * draws everyone's carets it receives (the server decides which: server/src/collab/caret-visibility.ts).
 */
export const RoomCarets = Extension.create<RoomCaretsOptions>({
  name: 'roomCarets',
  addOptions() {
    return { awareness: null, user: null };
  },
  onCreate() {
    if (this.options.user) this.options.awareness?.setLocalStateField('user', this.options.user);
  },
  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    const publish = new Plugin<Caret | null>({
      key: publishCaretKey,
      state: { init: () => null, apply: (tr, prev, old, state) => placed(tr, prev, old, state) },
      view: () => ({
        update: (view) => {
          const next = publishCaretKey.getState(view.state);
          if (!next) return;
          const current = (awareness.getLocalState() as { cursor?: { anchor: unknown; head: unknown } } | null)?.cursor;
          const same = (a: unknown, b: Y.RelativePosition) => Y.compareRelativePositions(Y.createRelativePositionFromJSON(a), b);
          if (current && same(current.anchor, next.anchor) && same(current.head, next.head)) return;
          awareness.setLocalStateField('cursor', next);
        },
        destroy: () => awareness.setLocalStateField('cursor', null),
      }),
    });
    return [publish, yCursorPlugin(drawOnly(awareness), { cursorBuilder: renderCaret, selectionBuilder: defaultSelectionBuilder })];
  },
});
