import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { schema, Y_BODY, Y_META, Y_PARAGRAPHS, Y_PROPOSALS, type TextMeta } from '@accord/shared';
import { pendingRecords, type ParagraphState, type Proposal } from '@accord/shared/brackets/index';

/** Records an import read from the text (compilation grammar): proposals and paragraph statuses. */
export interface InitialRecords {
  proposals?: Record<string, Proposal>;
  paragraphs?: Record<string, ParagraphState>;
}

/**
 * The one place that writes a ProseMirror document into the Y.Doc layout (XmlFragment `body`,
 * Map `meta`) and reads it back. Seeding happens here on the server, never through a client's
 * `content` option (that duplicates text: yjs/yjs-demos#16).
 */
export function initialUpdate(doc: PMNode, meta: TextMeta, records: InitialRecords = {}): Uint8Array {
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(Y_BODY));
    const m = ydoc.getMap<string>(Y_META);
    for (const [k, v] of Object.entries(meta)) m.set(k, v);
    // The import's records (sponsors, positions, alternatives), then BR8: any other bracket in the
    // text (`[日期]`) is a pending proposal the chair resolves.
    const proposals = ydoc.getMap(Y_PROPOSALS);
    const imported = records.proposals ?? {};
    for (const [id, record] of Object.entries(imported)) proposals.set(id, record);
    for (const [id, record] of Object.entries(pendingRecords(doc, imported, Date.now()))) proposals.set(id, record);
    const paragraphs = ydoc.getMap(Y_PARAGRAPHS);
    for (const [id, state] of Object.entries(records.paragraphs ?? {})) paragraphs.set(id, state);
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
