import type { Node as PMNode } from '@tiptap/pm/model';
import { compilationPieces } from '../brackets/labels.js';
import type { ParagraphState, Proposal } from '../brackets/types.js';
import { paragraphLabels } from '../numbering.js';
import { inlineTokens } from '../render-inline.js';
import type { TextMeta } from '../schema.js';
import { masthead } from './masthead.js';
import { indentFor, layoutKinds, printedNumber } from './paragraph-kinds.js';
import { houseStyle, mergeRuns } from './runs.js';
import type { LayoutFootnote, LayoutKind, LayoutParagraph, LayoutRun, UnLayout } from './types.js';

export interface LayoutOptions {
  /**
   * clean: the text as it would print (brackets bare, struck text left out, paragraphs the chair
   * marked deleted left out); compilation: every open bracket with its sponsors and positions
   * (`[text - EU; US delete]`), struck text struck through.
   */
  mode: 'clean' | 'compilation';
  /** The document's date (ms since the epoch). */
  at: number;
  /** Proposal records (compilation: who sponsors and holds which position). */
  proposals?: Record<string, Proposal>;
  /** Paragraph statuses (clean: a `deleted` paragraph is left out). */
  paragraphs?: Record<string, ParagraphState>;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur']);

function fontsFor(language: string): UnLayout['fonts'] {
  const lang = language.slice(0, 2).toLowerCase();
  // Each run names a font per script (w:rFonts ascii/eastAsia/cs), so Word picks one that has the glyphs.
  return {
    latin: 'Times New Roman',
    eastAsia: lang === 'ja' ? 'MS Mincho' : 'SimSun',
    complex: lang === 'ar' ? 'Simplified Arabic' : 'Times New Roman',
    sizePt: lang === 'zh' ? 10.5 : lang === 'ar' ? 13 : 10,
  };
}

/** The frame every layout shares: language, direction, fonts, A4 page, masthead. */
export function layoutFrame(meta: TextMeta, at: number): Omit<UnLayout, 'paragraphs' | 'footnotes'> {
  const language = meta.language || 'en';
  return {
    language,
    rtl: RTL.has(language.slice(0, 2).toLowerCase()),
    fonts: fontsFor(language),
    page: { width: 21, height: 29.7, margin: { top: 2.5, bottom: 2.5, start: 2.5, end: 2.5 } },
    masthead: masthead(meta.symbol, language, at, meta.revisionLabel),
  };
}

function cleanRuns(block: PMNode): LayoutRun[] {
  return inlineTokens(block).map((t): LayoutRun => {
    if (t.kind === 'ref') return { text: '', footnote: t.s };
    if (t.kind === 'text') return { text: t.s, ...(t.italic && { italic: true }), ...(t.bold && { bold: true }) };
    return { text: t.s };
  });
}

function compilationRuns(block: PMNode, proposals: Record<string, Proposal>): LayoutRun[] {
  return compilationPieces(block, { proposals }).flatMap((p): LayoutRun[] => {
    switch (p.kind) {
      case 'footnote':
        return [{ text: '', footnote: p.text }];
      // "~~" is how plain text shows struck text; here the text itself is struck through.
      case 'mark':
        return p.text === '~~' ? [] : [{ text: p.text }];
      case 'annotation':
        return [{ text: p.text, annotation: true, italic: true }];
      default:
        return [{ text: p.text, ...(p.struck && { strike: true }), ...(p.italic && { italic: true }), ...(p.bold && { bold: true }) }];
    }
  });
}

/** A paragraph of the layout from its kind, label and runs (house style applied). */
export function layoutParagraph(id: string | null, kind: LayoutKind, level: number, label: string | undefined, runs: LayoutRun[], language: string): LayoutParagraph {
  return {
    id,
    kind,
    level,
    number: printedNumber(kind, level, label),
    runs: mergeRuns(houseStyle(runs, kind, level, language)),
    align: kind === 'noteHeading' ? 'center' : 'justify',
    bold: kind === 'title' || kind === 'agendaTitle' || kind === 'noteHeading',
    indent: indentFor(kind, level),
  };
}

/** The text laid out as a UN document (types.ts), clean or as compilation text. */
export function unLayout(doc: PMNode, meta: TextMeta, options: LayoutOptions): UnLayout {
  const frame = layoutFrame(meta, options.at);
  const labels = paragraphLabels(doc);
  const blocks: PMNode[] = [];
  doc.forEach((b) => {
    const id = b.attrs.id as string | null;
    if (options.mode === 'clean' && id && options.paragraphs?.[id]?.status === 'deleted') return;
    blocks.push(b);
  });
  const runsOf = (b: PMNode) => (options.mode === 'compilation' ? compilationRuns(b, options.proposals ?? {}) : cleanRuns(b));
  const kinds = layoutKinds(blocks.map((b) => ({ type: b.type.name, style: String(b.attrs.style ?? ''), text: b.textContent })));
  const paragraphs: LayoutParagraph[] = [];
  const footnotes: LayoutFootnote[] = [];
  blocks.forEach((b, i) => {
    const id = b.attrs.id as string | null;
    if (b.type.name === 'footnote') {
      footnotes.push({ marker: String(b.attrs.marker), runs: mergeRuns(runsOf(b)) });
      return;
    }
    const level = b.type.name === 'operative' ? Number(b.attrs.level ?? 0) : 0;
    paragraphs.push(layoutParagraph(id, kinds[i], level, id ? labels.get(id)?.label : undefined, runsOf(b), frame.language));
  });
  return { ...frame, paragraphs, footnotes };
}
