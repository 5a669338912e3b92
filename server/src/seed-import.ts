/**
 * The server's one door to the shared document model's import and export (shared/src/import,
 * document-json.ts, export-text.ts), so sessions, seeding and REST depend on three names only.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { documentToJSON, exportCompilationText, exportPlainText, importPlainText, type DocumentJSON, type TextMeta } from '@accord/shared';
import type { BracketState, ParagraphState, Proposal } from '@accord/shared/brackets/index';

export interface ImportedText {
  doc: PMNode;
  meta: TextMeta;
  warnings: string[];
  /** Proposals and paragraph statuses the compilation grammar read (sponsors, positions, "(agreed)"…). */
  proposals: Record<string, Proposal>;
  paragraphs: Record<string, ParagraphState>;
}

export function importText(text: string, now = Date.now()): ImportedText {
  const { doc, meta, warnings, proposals, paragraphs } = importPlainText(text, { now });
  return { doc, meta, warnings, proposals, paragraphs };
}

export function compilationText(state: Pick<BracketState, 'doc' | 'proposals' | 'paragraphs'>, meta: TextMeta): string {
  return exportCompilationText(state, meta);
}

export function documentJSON(doc: PMNode, meta: TextMeta): DocumentJSON {
  return documentToJSON(doc, meta);
}

export function plainText(doc: PMNode): string {
  return exportPlainText(doc);
}
