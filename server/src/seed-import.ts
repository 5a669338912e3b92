/**
 * The server's one door to the shared document model's import and export (shared/src/import,
 * document-json.ts, export-text.ts), so sessions, seeding and REST depend on three names only.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { documentToJSON, exportPlainText, importPlainText, type DocumentJSON, type TextMeta } from '@accord/shared';

export interface ImportedText {
  doc: PMNode;
  meta: TextMeta;
  warnings: string[];
}

export function importText(text: string): ImportedText {
  const { doc, meta, warnings } = importPlainText(text);
  return { doc, meta, warnings };
}

export function documentJSON(doc: PMNode, meta: TextMeta): DocumentJSON {
  return documentToJSON(doc, meta);
}

export function plainText(doc: PMNode): string {
  return exportPlainText(doc);
}
