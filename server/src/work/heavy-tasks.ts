import * as Y from 'yjs';
import { Y_PROPOSALS, type TextMeta } from '@accord/shared';
import { exportAkn, type AknOptions } from '@accord/shared/akn/export-akn';
import type { Proposal } from '@accord/shared/brackets/types';
import { compareVersions, renderComparisonHtml, type Comparison, type CompareOptions } from '@accord/shared/diff/index';
import { renumberAtRevision, type RevisionPreview } from '@accord/shared/revisions/index';
import { readStoredState, snapshotOf, type VersionSource } from '../revisions/frozen-text.js';
import { importWord } from '@accord/shared/import/word/import-word';
import { readDocx } from '../docx/read-docx.js';
import { documentJSON, importText, plainText } from '../seed-import.js';
import { initialUpdate, readBody, readMeta } from '../sessions/document-state.js';

/**
 * The work that grows with the size of a whole text: importing it, exporting it, comparing two
 * versions, previewing a revision. Pure functions of their input, run in the worker thread
 * (heavy-worker.ts) for large inputs and in place for small ones (heavy-work.ts decides).
 */

export interface ImportInput {
  text: string;
  title?: string;
  symbol?: string;
  language?: string;
}

export interface ImportOutput {
  meta: TextMeta;
  warnings: string[];
  /** The session's initial Y.Doc state. */
  update: Uint8Array;
}

export function importTask(input: ImportInput): ImportOutput {
  const imported = importText(input.text);
  const meta = metaOf(imported.meta, input);
  return { meta, warnings: imported.warnings, update: initialUpdate(imported.doc, meta) };
}

/** A .docx (read-docx.ts, then importWord): its tracked changes become proposals by their authors. */
export async function importDocxTask(input: Omit<ImportInput, 'text'> & { docx: Uint8Array }): Promise<ImportOutput> {
  const imported = importWord(await readDocx(input.docx));
  const meta = metaOf(imported.meta, input);
  return { meta, warnings: imported.warnings, update: initialUpdate(imported.doc, meta, imported.proposals) };
}

function metaOf(found: TextMeta, input: Omit<ImportInput, 'text'>): TextMeta {
  return {
    ...found,
    title: input.title || found.title || 'Untitled text',
    symbol: input.symbol ?? found.symbol,
    language: input.language ?? found.language,
  };
}

/** The live text, as plain text, document JSON or Akoma Ntoso (`akn`: needs `akn`), from its Y.Doc state. */
export function exportTask(input: { state: Uint8Array; format: 'txt' | 'json' | 'akn'; akn?: AknOptions }): string {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, input.state);
    const body = readBody(ydoc);
    if (input.format === 'akn') return exportAkn(body, readMeta(ydoc), ydoc.getMap<Proposal>(Y_PROPOSALS).toJSON() as Record<string, Proposal>, input.akn!);
    return input.format === 'txt' ? plainText(body) : JSON.stringify(documentJSON(body, readMeta(ydoc)));
  } finally {
    ydoc.destroy();
  }
}

export interface CompareInput {
  a: VersionSource;
  b: VersionSource;
  options: CompareOptions;
  /** Render as HTML with these options; JSON (the Comparison, serialised) otherwise. */
  html?: { view: 'inline' | 'side-by-side'; title: string };
}

export function compareTask(input: CompareInput): string {
  const c: Comparison = compareVersions(snapshotOf(input.a), snapshotOf(input.b), input.options);
  return input.html ? renderComparisonHtml(c, input.html) : JSON.stringify(c);
}

/** What issuing a revision would do to the live text (its Y.Doc state): `GET …/revisions/preview`. */
export function revisionPreviewTask(input: { state: Uint8Array }): RevisionPreview {
  const live = readStoredState(input.state);
  const { renumbering, references, flagged } = renumberAtRevision(live.doc, (id) => live.paragraphs[id]?.status);
  return { renumbering, references, flagged };
}

export const tasks = { import: importTask, importDocx: importDocxTask, export: exportTask, compare: compareTask, revisionPreview: revisionPreviewTask };
export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
