import type { Node as PMNode } from '@tiptap/pm/model';
import { paragraphLabels, type ParagraphLabel } from './numbering.js';
import { bracketSpans, renderInline } from './render-inline.js';
import type { BlockType, TextMeta } from './schema.js';

export interface DocumentBlockJSON {
  id: string;
  type: BlockType;
  label: string | null;
  level?: number;
  style?: string;
  text: string;
  marker?: string;
  brackets: Array<{ id: string; role: string; text: string }>;
}

export interface DocumentJSON {
  meta: TextMeta;
  blocks: DocumentBlockJSON[];
  counts: { pp: number; op: number; subParagraphs: number; footnotes: number; brackets: number };
  prosemirror: Record<string, unknown>;
}

/**
 * The structured document served by `GET /api/sessions/:id/document`:
 *
 * ```
 * {
 *   meta: { symbol, title, language, revisionLabel },
 *   blocks: [{
 *     id,                      // stable block id
 *     type,                    // headingLine | title | note | preambular | operative | footnote
 *     label,                   // "PP1", "1", "5 bis", "(a)", "(ii)", a footnote's marker; null for others
 *     level?,                  // operative only: 0 OP, 1 "(a)", 2 "(i)"
 *     style?,                  // note only: "body" | "heading"
 *     text,                    // plain text, brackets written "[…]", footnote markers inline, struck text omitted
 *     marker?,                 // footnote only
 *     brackets: [{ id, role, text }]   // each bracket span in the block, in order of opening
 *   }],
 *   counts: { pp, op, subParagraphs, footnotes, brackets },  // op: level-0 OPs; brackets: distinct ids
 *   prosemirror: doc.toJSON()  // the full document in the shared schema
 * }
 * ```
 * `labels` may be passed when already computed (paragraphLabels(doc)).
 */
export function documentToJSON(
  doc: PMNode,
  meta: TextMeta,
  labels: Map<string, ParagraphLabel> = paragraphLabels(doc),
): DocumentJSON {
  const counts = { pp: 0, op: 0, subParagraphs: 0, footnotes: 0, brackets: 0 };
  const bracketIds = new Set<string>();
  const blocks: DocumentBlockJSON[] = [];
  doc.forEach((block) => {
    const id = String(block.attrs.id ?? '');
    const type = block.type.name as BlockType;
    const brackets = bracketSpans(block).map(({ id, role, text }) => ({ id, role, text }));
    for (const b of brackets) bracketIds.add(b.id);
    const out: DocumentBlockJSON = { id, type, label: labels.get(id)?.label ?? null, text: renderInline(block), brackets };
    if (type === 'operative') {
      out.level = Number(block.attrs.level ?? 0);
      if (out.level === 0) counts.op++;
      else counts.subParagraphs++;
    }
    if (type === 'preambular') counts.pp++;
    if (type === 'note') out.style = String(block.attrs.style);
    if (type === 'footnote') {
      out.marker = String(block.attrs.marker);
      counts.footnotes++;
    }
    blocks.push(out);
  });
  counts.brackets = bracketIds.size;
  return { meta, blocks, counts, prosemirror: doc.toJSON() as Record<string, unknown> };
}
