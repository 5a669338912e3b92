import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { schema, Y_BODY, Y_META, Y_PROPOSALS, type TextMeta } from '@accord/shared';
import { pendingRecords, type Proposal } from '@accord/shared/brackets/index';

/**
 * The one place that writes a ProseMirror document into the Y.Doc layout (XmlFragment `body`,
 * Map `meta`) and reads it back. Seeding happens here on the server, never through a client's
 * `content` option (that duplicates text: yjs/yjs-demos#16).
 */
export function initialUpdate(doc: PMNode, meta: TextMeta, proposals: Record<string, Proposal> = {}): Uint8Array {
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(Y_BODY));
    const m = ydoc.getMap<string>(Y_META);
    for (const [k, v] of Object.entries(meta)) m.set(k, v);
    // BR8: brackets already in the text (`[日期]`) are pending proposals the chair resolves.
    // Proposals the import made (a Word file's tracked changes) are stored as they are.
    const records = ydoc.getMap(Y_PROPOSALS);
    for (const [id, record] of Object.entries({ ...proposals, ...pendingRecords(doc, proposals, Date.now()) })) records.set(id, record);
  });
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

export function readMeta(ydoc: Y.Doc): TextMeta {
  const m = ydoc.getMap<unknown>(Y_META);
  const str = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
  return { symbol: str('symbol'), title: str('title'), language: str('language'), revisionLabel: str('revisionLabel') };
}

/** The live document as ProseMirror; throws if it does not fit the schema (never "fixes" it). */
export function readBody(ydoc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(Y_BODY), schema);
}
