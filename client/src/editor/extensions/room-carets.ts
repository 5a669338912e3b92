import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, defaultSelectionBuilder, relativePositionToAbsolutePosition, yCursorPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { yBlockShowing } from '../../collab/y-block';
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
  // Only others' changes redraw the carets: this person's own caret (published on every key) is
  // not drawn, and each redraw is a whole transaction.
  const listeners = new Map<() => void, (change: { added: number[]; updated: number[]; removed: number[] }) => void>();
  const own = (c: { added: number[]; updated: number[]; removed: number[] }) =>
    c.added.length + c.removed.length === 0 && c.updated.every((id) => id === awareness.clientID);
  return {
    getStates: () => awareness.getStates(),
    on: (name: string, f: () => void) => {
      const g = (change: { added: number[]; updated: number[]; removed: number[] }) => {
        if (!own(change)) f();
      };
      listeners.set(f, g);
      awareness.on(name as 'change', g);
    },
    off: (name: string, f: () => void) => {
      const g = listeners.get(f);
      if (g) awareness.off(name as 'change', g);
      listeners.delete(f);
    },
    getLocalState: () => null,
    setLocalStateField: () => undefined,
  } as unknown as Awareness;
}

/**
 * y-tiptap's caret plugin, drawing only: its view also works out this person's caret on every
 * transaction, walking every block before it (a quarter of a millisecond per key on a treaty), for
 * an awareness that drawOnly makes deaf. publishCaretPlugin does that work, within the block.
 */
function drawCarets(awareness: Awareness): Plugin {
  const plugin = yCursorPlugin(drawOnly(awareness), { cursorBuilder: renderCaret, selectionBuilder: defaultSelectionBuilder });
  const makeView = plugin.spec.view!;
  return new Plugin({
    ...plugin.spec,
    view: (view) => {
      const inner = makeView(view);
      return { destroy: () => inner.destroy?.() };
    },
  });
}

/** This person's caret as Yjs relative positions (they survive remote edits, which y-sync applies as one whole-document replacement). */
interface Caret {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
}

interface Placed {
  anchor: number;
  head: number;
}

/**
 * The caret's field: where this person placed it, as positions in this state's document (`at`,
 * null after a remote change until the view has read them back from `caret`), and as relative
 * positions (`caret`, null from a new placement until the view update has computed them: only
 * then has y-sync written the same transaction into Yjs, so the positions name the right items).
 */
interface CaretField {
  at: Placed | null;
  caret: Caret | null;
}

type Sync = { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } };

const publishCaretKey = new PluginKey<CaretField>('accordPublishCaret');
const NOWHERE: CaretField = { at: null, caret: null };

/** What the view worked out for a field after the fact (a plugin state is never changed in place). */
const computed = new WeakMap<CaretField, CaretField>();
const settled = (f: CaretField): CaretField => computed.get(f) ?? f;

/**
 * A position as a Yjs relative position. y-tiptap's own conversion walks every block before the
 * position (half a millisecond per call on a treaty, twice per keystroke); inside a block whose Yjs
 * element y-sync maps to the very node ProseMirror shows, the same walk within that block gives the
 * same position. Anywhere else (a block's start, between blocks, a block not yet synced) the whole
 * walk. (patches/@tiptap__y-tiptap@3.0.9.patch does the same for y-sync's own selection.)
 */
function relative(state: EditorState, sync: Sync, pos: number): Y.RelativePosition {
  const $pos = state.doc.resolve(pos);
  // At a block's very start the whole walk names the text inside, not the block: keep its words.
  if ($pos.depth >= 1 && pos > $pos.start(1)) {
    const block = yBlockShowing(sync.type, sync.binding.mapping, $pos.index(0), $pos.node(1));
    if (block) return absolutePositionToRelativePosition(pos - $pos.start(1), block as never, sync.binding.mapping as never);
  }
  return absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping as never);
}

function syncOf(state: EditorState): Sync | null {
  const sync = ySyncPluginKey.getState(state) as Partial<Sync> | undefined;
  return sync?.binding && sync.type && sync.doc ? (sync as Sync) : null;
}

/**
 * Where this person placed its caret last: the draft it proposes, else its own selection. Nowhere
 * until it does (the selection a page opens with is nobody's position). A draft that closes leaves
 * the caret where the draft was: the delegation's text is not editable, its selection stays behind.
 */
function placed(tr: Transaction, prev: CaretField, old: EditorState): CaretField {
  // From the transaction: the draft plugin's own field may not be computed yet in the new state.
  const meta = tr.getMeta(proposeDraftKey) as { from?: number; to?: number } | undefined;
  const draft = meta && typeof meta.from === 'number' && typeof meta.to === 'number' ? { anchor: meta.from, head: meta.to } : null;
  const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
  if (draft || (tr.selectionSet && !remote)) return { at: draft ?? { anchor: tr.selection.anchor, head: tr.selection.head }, caret: null };
  const was = settled(prev);
  if (!tr.docChanged || !was.at) return was;
  // A remote change replaces the whole document in ProseMirror: only the relative positions hold.
  if (remote) {
    const sync = syncOf(old);
    // Placed but never seen by a view (a state applied without one): read against Yjs as it is.
    const caret = was.caret ?? (sync ? { anchor: relative(old, sync, was.at.anchor), head: relative(old, sync, was.at.head) } : null);
    return { at: null, caret };
  }
  return { at: { anchor: tr.mapping.map(was.at.anchor), head: tr.mapping.map(was.at.head) }, caret: was.caret };
}

/** This person's caret as a position in the editor's document now (its head), or null. */
export function caretPosition(state: EditorState): number | null {
  const field = settled(publishCaretKey.getState(state) ?? NOWHERE);
  if (field.at) return field.at.head;
  const sync = syncOf(state);
  if (!field.caret || !sync) return null;
  return relativePositionToAbsolutePosition(sync.doc, sync.type, field.caret.head, sync.binding.mapping as never);
}

/**
 * Publishes this person's caret to the awareness: worked out in the view update (once y-sync has
 * written the transaction into Yjs), sent after the frame. The typed text goes first; keys typed
 * faster than the page runs its timers send one caret.
 */
export function publishCaretPlugin(awareness: Awareness): Plugin<CaretField> {
  return new Plugin<CaretField>({
    key: publishCaretKey,
    state: { init: () => NOWHERE, apply: (tr, prev, old) => placed(tr, prev, old) },
    view: () => {
      let unsent: Caret | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const send = () => {
        timer = null;
        const caret = unsent;
        unsent = null;
        if (!caret) return;
        const current = (awareness.getLocalState() as { cursor?: { anchor: unknown; head: unknown } } | null)?.cursor;
        const same = (a: unknown, b: Y.RelativePosition) => Y.compareRelativePositions(Y.createRelativePositionFromJSON(a), b);
        if (current && same(current.anchor, caret.anchor) && same(current.head, caret.head)) return;
        awareness.setLocalStateField('cursor', caret);
      };
      return {
        update: (view) => {
          const field = publishCaretKey.getState(view.state);
          // Both known: nothing moved (a field carried over, or mapped through a local change).
          if (!field || computed.has(field) || (field.at && field.caret)) return;
          const sync = syncOf(view.state);
          if (!sync || (!field.at && !field.caret)) return;
          const caret = field.caret ?? { anchor: relative(view.state, sync, field.at!.anchor), head: relative(view.state, sync, field.at!.head) };
          // After a remote change, the positions once, read back here rather than on every later transaction.
          const at = field.at ?? {
            anchor: relativePositionToAbsolutePosition(sync.doc, sync.type, caret.anchor, sync.binding.mapping as never) ?? 0,
            head: relativePositionToAbsolutePosition(sync.doc, sync.type, caret.head, sync.binding.mapping as never) ?? 0,
          };
          computed.set(field, { at, caret });
          unsent = caret;
          timer ??= setTimeout(send, 0);
        },
        destroy: () => {
          if (timer) clearTimeout(timer);
          awareness.setLocalStateField('cursor', null);
        },
      };
    },
  });
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
    const publish = publishCaretPlugin(awareness);
    return [publish, drawCarets(awareness)];
  },
});
