import { exportAkn } from '@accord/shared/akn/export-akn';
import { unLayout } from '@accord/shared/un-layout/index';
import type { TextState } from '../revisions/frozen-text.js';
import { compilationText, plainText } from '../seed-import.js';
import { renderDocx } from './render-docx.js';

/** One version of a text as an export reads it: its state, when it was taken, its label. */
export interface ExportText extends TextState {
  /** When the version was taken (ms): the document's date. */
  at: number;
  /** The session id: a stable name for the text (AKN's FRBR URIs). */
  name: string;
}

export interface ExportFormat {
  /** File name extension and Content-Type of the download. */
  ext: string;
  contentType: string;
  /** The file; runs in the worker for large texts (work/heavy-tasks.ts). */
  render(text: ExportText): string | Uint8Array | Promise<string | Uint8Array>;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * `GET /api/sessions/:id/export?format=…` (docs/api.md): one entry per format. The route checks
 * the name against this table and the worker renders with it.
 */
export const EXPORT_FORMATS = {
  txt: { ext: 'txt', contentType: 'text/plain; charset=utf-8', render: (t) => plainText(t.doc) },
  'compilation-txt': { ext: 'compilation.txt', contentType: 'text/plain; charset=utf-8', render: (t) => compilationText(t, t.meta) },
  docx: { ext: 'docx', contentType: DOCX, render: (t) => renderDocx(unLayout(t.doc, t.meta, { mode: 'clean', at: t.at, paragraphs: t.paragraphs })) },
  'compilation-docx': { ext: 'docx', contentType: DOCX, render: (t) => renderDocx(unLayout(t.doc, t.meta, { mode: 'compilation', at: t.at, proposals: t.proposals })) },
  akn: { ext: 'akn.xml', contentType: 'application/akn+xml; charset=utf-8', render: (t) => exportAkn(t.doc, t.meta, t.proposals, { date: new Date(t.at).toISOString().slice(0, 10), name: t.name }) },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: unknown): name is ExportFormatName {
  return typeof name === 'string' && Object.hasOwn(EXPORT_FORMATS, name);
}
