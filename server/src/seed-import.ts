/**
 * ADAPTER to the shared document model's import/export (shared/src/import, document-json.ts,
 * export-text.ts). TEMPORARY FALLBACK below until those land in @accord/shared; the server only
 * ever calls the three functions exported here.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { newId, schema, type TextMeta } from '@accord/shared';

export interface ImportedText {
  doc: PMNode;
  meta: TextMeta;
  warnings: string[];
}

// TEMPORARY FALLBACK: one note block per non-empty line, the first line as title.
export function importText(text: string): ImportedText {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const blocks = lines.map((line, i) => schema.node(i === 0 ? 'title' : 'note', { id: newId() }, [schema.text(line)]));
  if (!blocks.length) blocks.push(schema.node('title', { id: newId() }));
  return { doc: schema.node('doc', null, blocks), meta: { symbol: '', title: lines[0] ?? '', language: 'en', revisionLabel: '' }, warnings: ['fallback import'] };
}

// TEMPORARY FALLBACK
export function documentJSON(doc: PMNode, meta: TextMeta): unknown {
  return { meta, blocks: doc.toJSON().content ?? [] };
}

// TEMPORARY FALLBACK
export function plainText(doc: PMNode): string {
  const out: string[] = [];
  doc.forEach((block) => out.push(block.textContent));
  return out.join('\n\n') + '\n';
}
