import type { Node as PMNode } from '@tiptap/pm/model';
import { newId } from '../ids.js';
import { renderInline } from '../render-inline.js';
import { schema, type TextMeta } from '../schema.js';
import { classifyBlocks, type BlockDraft } from './classify-blocks.js';
import { detectLanguage } from './detect-language.js';
import { findFootnoteMarkers } from './footnote-markers.js';
import { buildInline } from './inline-content.js';
import { importReferences, type ImportedReference } from './paragraph-references.js';
import { findLayoutArtifacts, symbolFromArtifacts, type LayoutArtifact } from './layout-artifacts.js';
import { segmentParagraphs } from './segment-paragraphs.js';
import { splitSourceLines } from './source-lines.js';
import { spacesBetweenCjkAndLatin } from './spacing-convention.js';

export type { LayoutArtifact } from './layout-artifacts.js';
export type { ImportedReference } from './paragraph-references.js';

export interface ImportResult {
  doc: PMNode;
  meta: TextMeta;
  /** What the import did not recognise or changed, one sentence each, for the person importing. */
  warnings: string[];
  /** Layout lines dropped as page artifacts (rule above footnotes, page and job numbers, running headers). */
  removed: LayoutArtifact[];
  /** Source line numbers (0-based) of footnote texts, which move to the end of the document. */
  footnoteLines: number[];
  /** Source line numbers (0-based) each block was made from, by block index (Word import maps its formatting back through them). */
  blockLines: number[][];
  /** Paragraph references in the text ("paragraph 5 above"), as links to the paragraphs they name. */
  references: ImportedReference[];
}

/**
 * Recognises a plain-text draft (pasted, or extracted from Word or PDF) as an Accord document:
 * masthead, title, chapeau, PPs, OPs with sub-paragraphs (a)/(i), footnotes, and `[…]` as pending
 * brackets. Pure and synchronous; never throws on any string.
 *
 * LOSSLESS, precisely: let I be the input with (1) the lines listed in `removed` deleted, (2) the
 * lines listed in `footnoteLines` moved, in order, to the end, and (3) on each line every markdown
 * link `[text](#…)` or `[text](http…)` replaced by its text. Then the non-whitespace characters of
 * I, read in order, are a subsequence of the non-whitespace characters of
 * `exportPlainText(result.doc)`, once fullwidth ASCII forms (U+FF01–FF5E, e.g. "（a）", "１．") are
 * folded to ASCII on both sides. Labels removed from OPs come back as the same derived labels,
 * brackets come back as `[ ]`, footnote markers stay in place. Whitespace may change: layout line
 * breaks are joined (never with a space between CJK characters).
 */
export function importPlainText(text: string): ImportResult {
  const warnings: string[] = [];
  const lines = splitSourceLines(text);
  for (const line of lines) {
    for (const target of line.linkTargets) {
      if (target !== '#') warnings.push(`line ${line.index + 1}: link target ${target} dropped, its text kept`);
    }
  }
  const removed = findLayoutArtifacts(lines);
  for (const a of removed) warnings.push(`line ${a.line + 1}: removed ${a.kind} "${a.text.trim()}"`);

  const segmented = segmentParagraphs(lines, removed, spacesBetweenCjkAndLatin(text));
  const drafts = classifyBlocks(segmented, warnings);
  const markers = drafts.filter((d) => d.type === 'footnote').map((d) => d.marker ?? '');
  const markersAt = findFootnoteMarkers(drafts, markers, warnings);

  let literal = 0;
  const blocks = drafts.map((draft, i) => {
    const inline = buildInline(draft.text, markersAt.get(i));
    literal += inline.literalBrackets;
    return schema.node(draft.type, attrsOf(draft), inline.nodes);
  });
  if (literal > 0) warnings.push(`${literal} unmatched or empty bracket character(s) kept as plain text`);
  if (blocks.length === 0) blocks.push(schema.node('note', { id: newId(), style: 'body' }));
  const doc = schema.node('doc', null, blocks);

  const title = blocks.find((b) => b.type.name === 'title');
  const meta: TextMeta = {
    symbol: symbolFromArtifacts(removed),
    title: title ? renderInline(title) : '',
    language: detectLanguage(text),
    revisionLabel: '',
  };
  const footnoteLines = segmented.footnotes.flatMap((f) => f.lines);
  const references = importReferences(doc);
  warnings.push(...references.warnings);
  return { doc, meta, warnings, removed, footnoteLines, blockLines: drafts.map((d) => d.lines), references: references.references };
}

function attrsOf(draft: BlockDraft): Record<string, unknown> {
  const attrs: Record<string, unknown> = { id: newId() };
  if (draft.type === 'note') attrs.style = draft.style ?? 'body';
  if (draft.type === 'operative') attrs.level = draft.level ?? 0;
  if (draft.type === 'footnote') attrs.marker = draft.marker ?? '1';
  return attrs;
}
