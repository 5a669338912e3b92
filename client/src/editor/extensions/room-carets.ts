import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, defaultSelectionBuilder, yCursorPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
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

const publishCaretKey = new PluginKey<boolean>('accordPublishCaret');

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
    const publish = new Plugin<boolean>({
      key: publishCaretKey,
      state: {
        // Whether this person has placed a caret yet: the selection a page opens with is nobody's position.
        init: () => false,
        apply: (tr, placed) => placed || (tr.selectionSet && !(tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) || !!tr.getMeta(proposeDraftKey),
      },
      view: () => ({
        update: (view) => {
          if (!publishCaretKey.getState(view.state)) return;
          const ystate = ySyncPluginKey.getState(view.state) as { type?: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } } | undefined;
          if (!ystate?.binding || !ystate.type) return;
          const draft = proposeDraftKey.getState(view.state);
          const { anchor, head } = draft ? { anchor: draft.from, head: draft.to } : view.state.selection;
          const rel = (pos: number) => absolutePositionToRelativePosition(pos, ystate.type!, ystate.binding!.mapping as never);
          const next = { anchor: rel(anchor), head: rel(head) };
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
