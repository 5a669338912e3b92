import * as Y from 'yjs';
import type { TextMeta } from '@accord/shared';
import { compareVersions, renderComparisonHtml, type Comparison, type CompareOptions } from '@accord/shared/diff/index';
import { EXPORT_FORMATS, type ExportFormatName } from '../export/export-formats.js';
import { trackedDocx } from '../export/tracked-docx.js';
import { renumberAtRevision, type RevisionPreview } from '@accord/shared/revisions/index';
import { readStoredState, snapshotOf, type VersionSource } from '../revisions/frozen-text.js';
import { importWord } from '@accord/shared/import/word/import-word';
import { readDocx } from '../docx/read-docx.js';
import { documentJSON, importText } from '../seed-import.js';
import { initialUpdate, readBody, readMeta } from '../sessions/document-state.js';
import { storedTextSummary } from '../sessions/text-summary.js';

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
  return { meta, warnings: imported.warnings, update: initialUpdate(imported.doc, meta, imported) };
}

/** A .docx (read-docx.ts, then importWord): its tracked changes become proposals by their authors. */
export async function importDocxTask(input: Omit<ImportInput, 'text'> & { docx: Uint8Array }): Promise<ImportOutput> {
  const imported = importWord(await readDocx(input.docx));
  const meta = metaOf(imported.meta, input);
  return { meta, warnings: imported.warnings, update: initialUpdate(imported.doc, meta, imported) };
}

function metaOf(found: TextMeta, input: Omit<ImportInput, 'text'>): TextMeta {
  return {
    ...found,
    title: input.title || found.title || 'Untitled text',
    symbol: input.symbol ?? found.symbol,
    language: input.language ?? found.language,
  };
}

/** The live text as document JSON, from its Y.Doc state (`GET …/document`). */
export function documentTask(input: { state: Uint8Array }): string {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, input.state);
    return JSON.stringify(documentJSON(readBody(ydoc), readMeta(ydoc)));
  } finally {
    ydoc.destroy();
  }
}

export interface ExportInput {
  /** The version's Y.Doc state (one update, or a history point's checkpoint and changes). */
  updates: Uint8Array[];
  format: ExportFormatName;
  /** When the version was taken (ms): the document's date. */
  at: number;
  /** The session id: a stable name for the text (AKN's FRBR URIs). */
  name: string;
}

/** One version of a text in one export format (export/export-formats.ts). */
export function exportTask(input: ExportInput): string | Uint8Array | Promise<string | Uint8Array> {
  return EXPORT_FORMATS[input.format].render({ ...readStoredState(input.updates), at: input.at, name: input.name });
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

/** A stored text's summary for the session list (sessions/session-summaries.ts), once per text. */
export function summaryTask(input: { updates: Uint8Array[] }): ReturnType<typeof storedTextSummary> {
  return storedTextSummary(input.updates);
}

export const tasks = { summary: summaryTask, import: importTask, importDocx: importDocxTask, document: documentTask, export: exportTask, compare: compareTask, trackedDocx, revisionPreview: revisionPreviewTask };
export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
