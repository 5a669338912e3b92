import { schema } from '@accord/shared';
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode, ySyncPluginKey } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yBlockShowing } from '../../src/collab/y-block';
import { Writer } from './headless-writer';

// y-sync writes every editor transaction into Yjs (patches/@tiptap__y-tiptap@3.0.9.patch skips its
// search for moved blocks when no block can have moved, and keeps the block last typed in): whatever
// a writer does, Yjs, and a replica fed only the updates, hold exactly the editor's text.

function initialUpdate(blocks: number): Uint8Array {
  const doc = schema.node(
    'doc',
    null,
    Array.from({ length: blocks }, (_, i) => schema.node(i % 2 ? 'operative' : 'preambular', { id: `b${i}` }, [schema.text(`Paragraph ${i} of the draft.`)])),
  );
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment('body'));
  return Y.encodeStateAsUpdate(ydoc);
}

type Edit =
  | { kind: 'type'; block: number; at: number; text: string }
  | { kind: 'delete'; block: number; at: number; length: number }
  | { kind: 'split'; block: number; at: number }
  | { kind: 'join'; block: number }
  | { kind: 'move'; block: number; to: number }
  | { kind: 'duplicate'; block: number; to: number }
  | { kind: 'renumber'; block: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), block: fc.nat(), at: fc.nat(), text: fc.constantFrom('a', 'xyz', '日期', ' ') }),
  fc.record({ kind: fc.constant('delete' as const), block: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('split' as const), block: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('join' as const), block: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), block: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), block: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('renumber' as const), block: fc.nat() }),
);

/** Start of top-level block `i`. */
function startOf(doc: PMNode, i: number): number {
  let pos = 0;
  for (let k = 0; k < i; k++) pos += doc.child(k).nodeSize;
  return pos;
}

/** The edit as a transaction on `doc`, or null where it does not apply (an empty text). */
function transactionFor(tr: Transaction, e: Edit): Transaction | null {
  const doc = tr.doc;
  const i = e.block % doc.childCount;
  const node = doc.child(i);
  const start = startOf(doc, i);
  const inside = (at: number) => start + 1 + (at % (node.content.size + 1));
  switch (e.kind) {
    case 'type':
      return tr.setSelection(TextSelection.create(doc, inside(e.at))).insertText(e.text);
    case 'delete': {
      if (node.content.size === 0) return null;
      const from = inside(e.at);
      return tr.delete(from, Math.min(from + e.length, start + 1 + node.content.size));
    }
    case 'split':
      return tr.split(inside(e.at), 1, [{ type: node.type, attrs: { ...node.attrs, id: `${node.attrs.id}-${e.at}` } }]);
    case 'join':
      return i + 1 < doc.childCount ? tr.join(start + node.nodeSize) : null;
    case 'move': {
      // The very node object, elsewhere: what y-sync's search for moved blocks exists for.
      if (doc.childCount < 2) return null;
      tr.delete(start, start + node.nodeSize);
      const to = e.to % tr.doc.childCount;
      return tr.insert(startOf(tr.doc, to), node);
    }
    case 'duplicate':
      return tr.insert(startOf(doc, e.to % (doc.childCount + 1)), node.type.create({ ...node.attrs, id: `${node.attrs.id}d` }, node.content));
    case 'renumber':
      return tr.setNodeMarkup(start, undefined, { ...node.attrs, id: `${node.attrs.id}r` });
  }
}

/** A position inside each block's text but block `moved`'s, with the block's id. */
function positionsBesides(writer: Writer, moved: number): Array<{ id: string; position: Y.RelativePosition }> {
  const doc = writer.view.state.doc;
  const skip = moved % doc.childCount;
  const blocks = writer.doc.getXmlFragment('body').toArray() as Y.XmlElement[];
  return blocks.flatMap((block, i) => {
    const text = block.get(0);
    if (i === skip || !(text instanceof Y.XmlText) || text.length === 0) return [];
    return [{ id: String(block.getAttribute('id')), position: Y.createRelativePositionFromTypeIndex(text, 1) }];
  });
}

function blockIdAt(doc: Y.Doc, position: Y.RelativePosition): string | null {
  const at = Y.createAbsolutePositionFromRelativePosition(position, doc);
  const block = at?.type.parent;
  return block instanceof Y.XmlElement ? String(block.getAttribute('id')) : null;
}

let writers: Writer[] = [];
afterEach(() => {
  for (const w of writers) w.destroy();
  writers = [];
});

describe('an editor transaction written into Yjs', () => {
  it('holds the editor’s document exactly, in Yjs and in a replica, after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(edit, { minLength: 1, maxLength: 25 }), (blocks, edits) => {
        const initial = initialUpdate(blocks);
        const writer = new Writer(initial);
        const replica = new Y.Doc();
        Y.applyUpdate(replica, initial);
        writers.push(writer);
        for (const e of edits) {
          const tr = transactionFor(writer.view.state.tr, e);
          if (!tr) continue;
          // Where a concurrent writer types in every other block, as Yjs positions.
          const held = e.kind === 'move' && writer.view.state.doc.childCount >= 3 ? positionsBesides(writer, e.block) : [];
          writer.view.dispatch(tr);
          // A moved block leaves the others' Yjs text in place (all but one at worst: y-sync keeps the
          // longest run in order, which may hold the moved block), so concurrent words stay put.
          const kept = held.filter(({ id, position }) => blockIdAt(writer.doc, position) === id);
          expect(kept.length).toBeGreaterThanOrEqual(held.length - 1);
          for (const u of writer.outbox.splice(0)) Y.applyUpdate(replica, u);
          const shown = writer.view.state.doc;
          // The carets' shortcut to a block's Yjs element (it keeps the one found last) names the same.
          const fragment = writer.doc.getXmlFragment('body');
          const mapping = (ySyncPluginKey.getState(writer.view.state) as { binding: { mapping: Map<unknown, unknown> } }).binding.mapping;
          for (const k of [e.block % shown.childCount, 0, shown.childCount - 1]) {
            expect(yBlockShowing(fragment, mapping, k, shown.child(k))).toBe(fragment.get(k));
          }
          expect(yXmlFragmentToProseMirrorRootNode(writer.doc.getXmlFragment('body'), schema).toJSON()).toEqual(shown.toJSON());
          expect(yXmlFragmentToProseMirrorRootNode(replica.getXmlFragment('body'), schema).toJSON()).toEqual(shown.toJSON());
        }
        replica.destroy();
      }),
      { seed: 93, numRuns: 300 },
    );
  });
});
