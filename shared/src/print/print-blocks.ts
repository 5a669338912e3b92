import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { annotation } from '../brackets/labels.js';
import type { Proposal } from '../brackets/types.js';
import { paragraphLabels } from '../numbering.js';
import { blockOpeningWords } from '../opening-words.js';
import { inlineTokens } from '../render-inline.js';

/** One piece of a printed paragraph. `opening`: part of the italic opening words (UN Editorial Manual). */
export type PrintRun =
  | { kind: 'text'; text: string; italic: boolean; bold: boolean; opening: boolean }
  | { kind: 'ref'; marker: string; opening: boolean }
  /** `[`; `alt`: "Alt 1" before an alternative. */
  | { kind: 'open'; alt?: string }
  /** `]`; `tag`: the proposal's sponsors and positions after its last bracket ("EU; US delete"). */
  | { kind: 'close'; tag?: string };

export interface PrintBlock {
  id: string;
  type: string;
  /** Operative level: 0 "1.", 1 "(a)", 2 "(i)". */
  level: number;
  /** A note's style (`heading` is centred and bold). */
  style: string;
  /** What is printed before the text: "1.", "5 bis.", "(a)", "(ii)"; a footnote's marker; else "". */
  number: string;
  runs: PrintRun[];
}

export interface PrintedText {
  /** Heading lines, title, notes, PPs and OPs in order. */
  body: PrintBlock[];
  /** Footnotes, printed at the end. */
  footnotes: PrintBlock[];
}

export interface PrintOptions {
  /** The text's language: decides the italic opening words. */
  language: string;
  /** Proposal records: open brackets get their sponsors and positions, as in the editor. */
  proposals?: Record<string, Proposal>;
  /** false: bare brackets, no sponsors (the editor's "Clean" view). Default true. */
  sponsors?: boolean;
}

function numberOf(block: PMNode, label: string | undefined): string {
  if (label === undefined) return '';
  if (block.type.name === 'operative') return Number(block.attrs.level ?? 0) <= 0 ? `${label}.` : label;
  if (block.type.name === 'footnote') return label;
  return '';
}

/** The runs of one block: brackets as written in the text, struck text left out (it is not part of the text). */
function runsOf(block: PMNode, options: PrintOptions): PrintRun[] {
  const tokens = inlineTokens(block);
  const proposals = options.proposals ?? {};
  const open = (id: string | undefined) => (id ? proposals[id] : undefined)?.status === 'open';
  // Each open proposal's tag goes after its last closing bracket in this block; "Alt n" before its first bracket.
  const lastClose = new Map<string, number>();
  tokens.forEach((t, i) => t.kind === 'close' && t.id && lastClose.set(t.id, i));
  const altShown = new Set<string>();
  // As the editor does: "Alt n" before the first span of an alternative (role `alt`).
  const altMarks = new Map<string, Mark>();
  block.forEach((child) => {
    for (const m of child.marks) if (m.type.name === 'bracket' && m.attrs.role === 'alt' && !altMarks.has(String(m.attrs.id))) altMarks.set(String(m.attrs.id), m);
  });

  // Opening words are looked for in the printed text (a footnote marker counts as one character).
  const text = tokens.map((t) => (t.kind === 'text' ? t.s : t.kind === 'ref' ? '\uFFFC' : '')).join('');
  const range = blockOpeningWords(block.type.name, Number(block.attrs.level ?? 0), text, options.language);

  const runs: PrintRun[] = [];
  let at = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'open') {
      const mark = t.id ? altMarks.get(t.id) : undefined;
      const p = t.id ? proposals[t.id] : undefined;
      const alt = p && mark && open(t.id) && !altShown.has(p.id) ? `Alt ${p.alt ?? (Number(mark.attrs.alt) || 1)}` : undefined;
      if (t.id) altShown.add(t.id);
      runs.push(alt && options.sponsors !== false ? { kind: 'open', alt } : { kind: 'open' });
    } else if (t.kind === 'close') {
      const tag = options.sponsors !== false && t.id && open(t.id) && lastClose.get(t.id) === i ? annotation(proposals[t.id]) : '';
      runs.push(tag ? { kind: 'close', tag } : { kind: 'close' });
    } else if (t.kind === 'ref') {
      runs.push({ kind: 'ref', marker: t.s, opening: !!range && at >= range.start && at < range.end });
      at += 1;
    } else {
      const marks = t.node?.marks ?? [];
      const italic = marks.some((m) => m.type.name === 'italic');
      const bold = marks.some((m) => m.type.name === 'bold');
      // Split where the opening words begin and end.
      const cuts = [0, t.s.length];
      if (range) for (const c of [range.start - at, range.end - at]) if (c > 0 && c < t.s.length) cuts.push(c);
      cuts.sort((a, b) => a - b);
      for (let k = 0; k + 1 < cuts.length; k++) {
        if (cuts[k] === cuts[k + 1]) continue;
        const from = at + cuts[k];
        runs.push({ kind: 'text', text: t.s.slice(cuts[k], cuts[k + 1]), italic, bold, opening: !!range && from >= range.start && from < range.end });
      }
      at += t.s.length;
    }
  });
  return runs;
}

/**
 * A text laid out for print in UN style (../shared/PRODUCT.md "The UN document"): each block with
 * its printed number ("1.", "5 bis.", "(a)"), its runs with the italic opening words marked, open
 * brackets with their sponsors as the editor's compilation view shows them (or bare, `sponsors:
 * false`), struck text left out, and the footnotes apart for the end of the document.
 */
export function printBlocks(doc: PMNode, options: PrintOptions): PrintedText {
  const labels = paragraphLabels(doc);
  const out: PrintedText = { body: [], footnotes: [] };
  doc.forEach((block) => {
    const id = String(block.attrs.id ?? '');
    const printed: PrintBlock = {
      id,
      type: block.type.name,
      level: Number(block.attrs.level ?? 0),
      style: String(block.attrs.style ?? 'body'),
      number: numberOf(block, labels.get(id)?.label),
      runs: runsOf(block, options),
    };
    (block.type.name === 'footnote' ? out.footnotes : out.body).push(printed);
  });
  return out;
}
