import { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { paragraphLabels, schema } from '@accord/shared';
import { readBracketState } from '@accord/shared/brackets/index';
import { compareVersions, type VersionSnapshot } from '@accord/shared/diff/index';
import { Y_EDITS, type DirectEdit } from '@accord/shared/edits';
import { changeAttributor, isoSeconds, trackedLayout, type ChangeRecords } from '@accord/shared/un-layout/index';
import { snapshotOf, type VersionSource } from '../revisions/frozen-text.js';
import { readMeta } from '../sessions/document-state.js';
import { renderDocx } from './render-docx.js';

export interface TrackedDocxInput {
  a: VersionSource;
  b: VersionSource;
  /** The live text's Y.Doc state: its proposal records, decision log and direct edits say who changed what. */
  records: Uint8Array;
}

function printedLabels(s: VersionSnapshot): Map<string, string> {
  const json = typeof (s.doc as { toJSON?: unknown }).toJSON === 'function' ? (s.doc as { toJSON(): unknown }).toJSON() : s.doc;
  const labels = new Map<string, string>();
  for (const [id, l] of paragraphLabels(PMNode.fromJSON(schema, json))) labels.set(id, l.label);
  return labels;
}

/**
 * `GET …/compare?format=docx`: the later version as a Word document whose differences from the
 * earlier one are tracked changes, each authored by the delegation whose proposal made it (or the
 * chair, or the writer of a direct edit) and dated (shared/src/un-layout/attribute-changes.ts).
 */
export async function trackedDocx(input: TrackedDocxInput): Promise<Uint8Array> {
  const ydoc = new Y.Doc();
  let records: ChangeRecords;
  let meta;
  try {
    Y.applyUpdate(ydoc, input.records);
    const s = readBracketState(ydoc);
    records = { proposals: s.proposals, decisions: s.decisions, edits: ydoc.getArray<DirectEdit>(Y_EDITS).toArray() };
    meta = readMeta(ydoc);
  } finally {
    ydoc.destroy();
  }
  const a = snapshotOf(input.a);
  const b = snapshotOf(input.b);
  const at = { from: Date.parse(input.a.at), to: Date.parse(input.b.at) };
  const author = changeAttributor(records, at, { author: 'Chair', date: isoSeconds(at.to) });
  const layout = trackedLayout(compareVersions(a, b), {
    meta: { ...meta, language: b.language ?? meta.language, revisionLabel: 'snapshot' in input.b ? input.b.label : meta.revisionLabel },
    at: at.to,
    labelsA: printedLabels(a),
    labelsB: printedLabels(b),
    author,
  });
  return renderDocx(layout);
}
