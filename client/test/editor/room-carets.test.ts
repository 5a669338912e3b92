import { schema } from '@accord/shared';
import { TextSelection } from '@tiptap/pm/state';
import { prosemirrorToYXmlFragment, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caretPosition, publishCaretPlugin } from '../../src/editor/extensions/room-carets';
import { findText, Writer } from '../collab/headless-writer';

/** The awareness as the plugin uses it: this person's own state. */
function ownAwareness() {
  let state: Record<string, unknown> = {};
  return {
    getLocalState: () => state,
    setLocalStateField: (k: string, v: unknown) => {
      state = { ...state, [k]: v };
    },
    cursor: () => state.cursor as { anchor: unknown; head: unknown } | undefined,
  };
}

function initialUpdate(paragraphs: string[]): Uint8Array {
  const doc = schema.node('doc', null, paragraphs.map((t, i) => schema.node('operative', { id: `op${i}` }, t ? [schema.text(t)] : [])));
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment('body'));
  return Y.encodeStateAsUpdate(ydoc);
}

/** Where another person's editor draws the published caret: its relative head read against its own document. */
function drawnAt(reader: Writer, cursor: { head: unknown }): number | null {
  const sync = ySyncPluginKey.getState(reader.view.state) as { type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } };
  return relativePositionToAbsolutePosition(reader.doc, sync.type, Y.createRelativePositionFromJSON(cursor.head), sync.binding.mapping as never);
}

/** The caret is sent after the frame (a timer), not inside the keystroke's transaction. */
const afterFrame = () => new Promise((r) => setTimeout(r, 0));

let writers: Writer[] = [];
afterEach(() => {
  for (const w of writers) w.destroy();
  writers = [];
});

describe('the published caret (RoomCarets)', () => {
  const PARAGRAPHS = ['Takes note of the report;', 'Decides to establish a committee;', 'Requests the Secretary-General to report;'];

  it('follows the typing: after each key the others draw it right after the character typed', async () => {
    const initial = initialUpdate(PARAGRAPHS);
    const awareness = ownAwareness();
    const chair = new Writer(initial, () => [publishCaretPlugin(awareness as never)]);
    const reader = new Writer(initial);
    writers = [chair, reader];
    chair.caretAfter('establish');
    for (const key of ' an open-ended') {
      chair.type(key);
      await afterFrame();
      for (const u of chair.outbox.splice(0)) reader.receive(u);
      const head = chair.view.state.selection.head;
      expect(caretPosition(chair.view.state)).toBe(head);
      expect(drawnAt(reader, awareness.cursor()!)).toBe(head);
    }
    expect(reader.text()).toContain('establish an open-ended a committee');
  });

  it('keeps its place through another writer’s changes before it, and anywhere in a long text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.string({ minLength: 1, maxLength: 5 }), async (at, other, typed) => {
        const paragraphs = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? '' : `Paragraph ${i} of the text;`));
        const initial = initialUpdate(paragraphs);
        const awareness = ownAwareness();
        const chair = new Writer(initial, () => [publishCaretPlugin(awareness as never)]);
        const secretariat = new Writer(initial);
        writers.push(chair, secretariat);
        // The chair's caret at the start of paragraph `at` (empty ones too), then a few keys.
        let pos = 0;
        for (let i = 0; i < at; i++) pos += chair.view.state.doc.child(i).nodeSize;
        chair.view.dispatch(chair.view.state.tr.setSelection(TextSelection.create(chair.view.state.doc, pos + 1)));
        for (const key of typed) chair.type(key);
        for (const u of chair.outbox.splice(0)) secretariat.receive(u);
        // The secretariat types in paragraph `other`; the chair receives it.
        const target = findText(secretariat.view.state.doc, `Paragraph ${other} `) ?? findText(secretariat.view.state.doc, 'Paragraph 0 ')!;
        secretariat.view.dispatch(secretariat.view.state.tr.setSelection(TextSelection.create(secretariat.view.state.doc, target)));
        secretariat.type('NEW ');
        for (const u of secretariat.outbox.splice(0)) chair.receive(u);
        await afterFrame();
        // Right after the chair's typed text, in the chair's document and as the secretariat draws it.
        const published = drawnAt(secretariat, awareness.cursor()!);
        const mine = caretPosition(chair.view.state);
        expect(mine).not.toBeNull();
        expect(chair.view.state.doc.textBetween(mine! - typed.length, mine!)).toBe(typed);
        expect(published).not.toBeNull();
        expect(secretariat.view.state.doc.textBetween(published! - typed.length, published!)).toBe(typed);
      }),
      { seed: 20261205, numRuns: 60 },
    );
  });
});
