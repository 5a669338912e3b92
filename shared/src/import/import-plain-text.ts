import type { Node as PMNode } from '@tiptap/pm/model';
import { bracketRanges, textOfRanges } from '../brackets/doc.js';
import type { ParagraphState, Proposal } from '../brackets/types.js';
import { newId } from '../ids.js';
import { paragraphLabels } from '../numbering.js';
import { renderInline } from '../render-inline.js';
import { schema, type TextMeta } from '../schema.js';
import { classifyBlocks, type BlockDraft } from './classify-blocks.js';
import { asNewParagraph } from './compilation/new-paragraph.js';
import { readParagraph, type ReadProposal } from './compilation/read-paragraph.js';
import { revisionHeader } from './compilation/revision-header.js';
import { detectLanguage } from './detect-language.js';
import { findFootnoteMarkers } from './footnote-markers.js';
import { buildInline } from './inline-content.js';
import { importReferences, type ImportedReference } from './paragraph-references.js';
import { findLayoutArtifacts, symbolFromArtifacts, type LayoutArtifact } from './layout-artifacts.js';
import { matchBrackets } from './match-brackets.js';
import { segmentParagraphs } from './segment-paragraphs.js';
import { splitSourceLines, type SourceLine } from './source-lines.js';
import { titleText } from './title-text.js';
import { spacesBetweenCjkAndLatin } from './spacing-convention.js';

export type { LayoutArtifact } from './layout-artifacts.js';
export type { ImportedReference } from './paragraph-references.js';

export interface ImportResult {
  doc: PMNode;
  meta: TextMeta;
  /** What the import did not recognise or changed, one sentence each (with its place), for the person importing. */
  warnings: string[];
  /** Layout lines dropped as page artifacts (rule above footnotes, page and job numbers, running headers, a "Rev.2" line). */
  removed: LayoutArtifact[];
  /** Source line numbers (0-based) of footnote texts, which move to the end of the document. */
  footnoteLines: number[];
  /**
   * Compilation grammar read and removed from the text, in the order of the text: attributions
   * ("EU: "), positions ("[US: delete]"), alternative keywords ("Alt 2: "), status notes
   * ("(agreed ad ref)"), labels of proposed paragraphs ("5 bis."). Each is now a record.
   */
  recognised: string[];
  /** One record per bracket and proposed paragraph (pending placeholders included), by id. */
  proposals: Record<string, Proposal>;
  /** Paragraph statuses read from status notes, by paragraph id. */
  paragraphs: Record<string, ParagraphState>;
  /** Source line numbers (0-based) each block was made from, by block index (Word import maps its formatting back through them). */
  blockLines: number[][];
  /** Paragraph references in the text ("paragraph 5 above"), as links to the paragraphs they name. */
  references: ImportedReference[];
}

export interface ImportOptions {
  /** createdAt/updatedAt of the records (import itself stays pure). */
  now?: number;
}

/** How far into the text a "Rev.2" header line is looked for (non-blank lines). */
const HEADER_LINES = 6;

/**
 * Recognises a plain-text draft (pasted, or extracted from Word or PDF) as an Accord document:
 * masthead, title, chapeau, PPs, OPs with sub-paragraphs (a)/(i), footnotes, and the compilation
 * grammar (compilation/): brackets with their sponsors, positions and alternatives, proposed
 * paragraphs "5 bis.", status notes, the revision label. Pure and synchronous; never throws.
 *
 * LOSSLESS, precisely: let I be the input with (1) the lines listed in `removed` deleted, (2) the
 * lines listed in `footnoteLines` moved, in order, to the end, and (3) on each line every markdown
 * link `[text](#…)` or `[text](http…)` replaced by its text. Then the non-whitespace characters of
 * I, read in order, are a subsequence of an interleaving of the non-whitespace characters of
 * `exportPlainText(result.doc)` and of `recognised` (each piece whole, in order), once fullwidth
 * ASCII forms (U+FF01–FF5E) are folded to ASCII on both sides. Labels removed from OPs come back
 * as the same derived labels, brackets come back as `[ ]`, footnote markers stay in place.
 * Whitespace may change: layout line breaks are joined (never with a space between CJK characters).
 */
export function importPlainText(text: string, options: ImportOptions = {}): ImportResult {
  const now = options.now ?? 0;
  const warnings: string[] = [];
  const lines = splitSourceLines(text);
  for (const line of lines) {
    for (const target of line.linkTargets) {
      if (target !== '#') warnings.push(`line ${line.index + 1}: link target ${target} dropped, its text kept`);
    }
  }
  const removed = findLayoutArtifacts(lines);
  const revision = findRevisionHeader(lines, removed);
  for (const a of removed) warnings.push(`line ${a.line + 1}: removed ${a.kind} "${a.text.trim()}"`);

  const segmented = segmentParagraphs(lines, removed, spacesBetweenCjkAndLatin(text));
  const drafts = classifyBlocks(segmented, warnings);
  const markers = drafts.filter((d) => d.type === 'footnote').map((d) => d.marker ?? '');
  const markersAt = findFootnoteMarkers(drafts, markers, warnings);

  const ids = drafts.map(() => newId());
  const recognised: string[] = [];
  const read: ReadProposal[] = [];
  const paragraphs: Record<string, ParagraphState> = {};
  const placeWarnings: { block: number; at: number; text: string; message: string }[] = [];
  let literal = 0;
  const blocks = drafts.map((draft, i) => {
    const at = markersAt.get(i) ?? [];
    const skip = new Set<number>();
    for (const m of at) for (let k = m.start; k < m.end; k++) skip.add(k);
    const matched = matchBrackets(draft.text, skip);
    literal += matched.literal;
    const statusNotes = draft.type === 'preambular' || draft.type === 'operative';
    const reading = readParagraph(draft.text, matched.pairs, { blockId: ids[i], statusNotes, proposed: !!draft.proposed });
    const attrs = attrsOf(draft, ids[i]);
    if (draft.proposed) {
      recognised.push(draft.proposed.label);
      const p = asNewParagraph(draft.text, reading, ids[i]);
      attrs.added = p.id;
      if (draft.proposed.role === 'alt' && draft.proposed.original !== undefined) {
        const original = ids[draft.proposed.original];
        attrs.altOf = original;
        p.replaces = original;
      }
    }
    recognised.push(...reading.recognised);
    read.push(...reading.proposals);
    if (reading.status) paragraphs[ids[i]] = reading.status;
    for (const w of reading.warnings) placeWarnings.push({ block: i, at: w.at, text: draft.text, message: w.message });
    return schema.node(draft.type, attrs, buildInline(draft.text, at, reading));
  });
  if (literal > 0) warnings.push(`${literal} unmatched or empty bracket character(s) kept as plain text`);
  if (blocks.length === 0) blocks.push(schema.node('note', { id: newId(), style: 'body' }));
  const doc = schema.node('doc', null, blocks);

  const labels = paragraphLabels(doc);
  for (const w of placeWarnings) {
    const block = blocks[w.block];
    const place = labels.get(block.attrs.id as string)?.short ?? `${block.type.name} ${w.block + 1}`;
    const snippet = w.text.slice(w.at, w.at + 40).replace(/\s+/g, ' ');
    warnings.push(`${place}, at character ${w.at + 1} ("${snippet}${w.text.length > w.at + 40 ? '…' : ''}"): ${w.message}`);
  }

  const title = blocks.find((b) => b.type.name === 'title');
  // "[xx/xxx]. Title" names the text "Title"; "78/243. Title" also gives a symbol if none was found.
  const named = titleText(title ? renderInline(title) : '');
  const meta: TextMeta = {
    symbol: symbolFromArtifacts(removed) || named.symbol,
    title: named.title,
    language: detectLanguage(text),
    revisionLabel: revision,
  };
  const footnoteLines = segmented.footnotes.flatMap((f) => f.lines);
  const proposals = records(doc, read, now);
  const references = importReferences(doc);
  warnings.push(...references.warnings);
  return { doc, meta, warnings, removed, footnoteLines, recognised, proposals, paragraphs, blockLines: drafts.map((d) => d.lines), references: references.references };
}

function attrsOf(draft: BlockDraft, id: string): Record<string, unknown> {
  const attrs: Record<string, unknown> = { id };
  if (draft.type === 'note') attrs.style = draft.style ?? 'body';
  if (draft.type === 'operative') attrs.level = draft.level ?? 0;
  if (draft.type === 'footnote') attrs.marker = draft.marker ?? '1';
  return attrs;
}

/**
 * The revision label from a header line among the first lines ("Rev.2", "Facilitator's
 * compilation text, Rev.3 (as at 16:00)"); a line that is only the label is removed as layout.
 */
function findRevisionHeader(lines: SourceLine[], removed: LayoutArtifact[]): string {
  const gone = new Set(removed.map((r) => r.line));
  const head = lines.filter((l) => !l.blank && !gone.has(l.index)).slice(0, HEADER_LINES);
  for (const line of head) {
    const h = revisionHeader(line.text);
    if (!h) continue;
    if (h.whole) removed.push({ line: line.index, text: line.raw, kind: 'revision-label' });
    return h.label;
  }
  return '';
}

/** The records with their text as it now reads in the paragraph. */
function records(doc: PMNode, read: ReadProposal[], now: number): Record<string, Proposal> {
  const blocks = new Map<string, PMNode>();
  doc.forEach((b) => blocks.set(b.attrs.id as string, b));
  const out: Record<string, Proposal> = {};
  for (const r of read) {
    const block = blocks.get(r.paragraphId);
    const text = block ? textOfRanges(block, bracketRanges(block, r.id)) : '';
    const p: Proposal = { ...r, createdAt: now, updatedAt: now };
    if (r.kind === 'pending' || r.existing) p.anchorText = text;
    else if (r.kind !== 'deleteParagraph') p.text = text;
    out[r.id] = p;
  }
  return out;
}
