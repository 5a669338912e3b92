import type { BlockType } from '../schema.js';
import { isAnnexHeading } from './annex-heading.js';
import { displayWidth } from './char-classes.js';
import { isChapeau } from './chapeau.js';
import { endsClause, endsSentence } from './paragraph-start.js';
import { numberPrefix, subParagraphPrefix } from './paragraph-numbers.js';
import { isPreambularOpening } from './pp-openings.js';
import { compilationLabel } from './compilation/paragraph-label.js';
import type { Paragraph, Segmented } from './segment-paragraphs.js';

/** A block before it becomes a node: its type, attributes and text (label prefix removed). */
export interface BlockDraft {
  type: BlockType;
  text: string;
  style?: 'body' | 'heading';
  level?: 0 | 1 | 2;
  marker?: string;
  lines: number[];
  /** A compilation label ("5 bis.", "PP3 bis", "5 alt."): how the paragraph was proposed. */
  proposed?: ProposedParagraph;
}

export interface ProposedParagraph {
  role: 'added' | 'alt';
  /** The label as written, removed from the text (it is derived again from the position). */
  label: string;
  /** For "5 alt": the index (in the drafts) of paragraph 5, if found. */
  original?: number;
}

/** Widest a heading or title can plausibly be (half-width columns). */
const HEADING_MAX = 120;
const TITLE_MAX = 400;

/**
 * Gives each paragraph its role. The chapeau ("大会，") anchors the text: before it the masthead
 * (heading lines, or a note when the draft is an annex to a Chair's note) ending with the title;
 * after it PPs until OP 1, then OPs and their sub-paragraphs. A number is an OP label only when it
 * continues the sequence 1, 2, 3…; "(a)" and "(i)" only when they continue theirs. Anything not
 * recognised stays a note with all its characters, so a failed recognition never loses text.
 */
export function classifyBlocks(seg: Segmented, warnings: string[]): BlockDraft[] {
  const body = seg.body;
  const drafts: BlockDraft[] = [];
  const chapeau = body.findIndex((p) => isChapeau(p.text));
  let start: number;
  if (chapeau >= 0) {
    start = chapeau;
  } else {
    start = body.findIndex((p) => isPreambularOpening(p.text) || numberPrefix(p.text)?.n === 1 || compilationLabel(p.text) !== null);
    if (start < 0) start = body.length;
    warnings.push(
      start < body.length
        ? 'no chapeau ("The General Assembly,") found: the paragraphs before the first PP/OP are kept as notes'
        : 'no PP or OP recognised: the whole text is kept as notes',
    );
  }

  drafts.push(...classifyFront(body.slice(0, start), chapeau >= 0));
  if (chapeau >= 0) drafts.push(note(body[chapeau], 'body'));
  drafts.push(...classifyResolution(body.slice(chapeau >= 0 ? start + 1 : start), drafts.length, warnings));
  for (const f of seg.footnotes) {
    drafts.push({ type: 'footnote', text: f.text, marker: f.marker ?? '1', lines: f.lines });
  }
  return drafts;
}

function classifyFront(front: Paragraph[], hasChapeau: boolean): BlockDraft[] {
  const asNote = !hasChapeau || front.some((p) => isAnnexHeading(p.text));
  const last = front[front.length - 1];
  const hasTitle =
    hasChapeau && last !== undefined && !endsSentence(last.text) && displayWidth(last.text) <= TITLE_MAX;
  return front.map((p): BlockDraft => {
    if (hasTitle && p === last) return { type: 'title', text: p.text, lines: p.lines };
    const sentence = endsSentence(p.text) || numberPrefix(p.text) !== null;
    if (asNote) {
      const heading = !sentence && !endsClause(p.text) && displayWidth(p.text) <= HEADING_MAX;
      return note(p, heading ? 'heading' : 'body');
    }
    return sentence ? note(p, 'body') : { type: 'headingLine', text: p.text, lines: p.lines };
  });
}

function classifyResolution(paras: Paragraph[], offset: number, warnings: string[]): BlockDraft[] {
  const out: BlockDraft[] = [];
  let op = 0;
  let letter = 0;
  let roman = 0;
  let pp = 0;
  // Where each numbered PP and OP is (draft index), for "5 alt" / "PP3 alt".
  const ops = new Map<number, number>();
  const pps = new Map<number, number>();
  paras.forEach((p, i) => {
    const label = compilationLabel(p.text);
    if (label) {
      const type = label.kind === 'pp' ? 'preambular' : 'operative';
      const written = p.text.slice(0, label.length).trim();
      const original = label.role === 'alt' ? (label.kind === 'pp' ? pps : ops).get(label.n) : undefined;
      if (label.role === 'alt' && original === undefined) {
        warnings.push(`"${written}": no paragraph ${label.n} before it, read as a new paragraph`);
      }
      const proposed: ProposedParagraph = original === undefined ? { role: 'added', label: written } : { role: 'alt', label: written, original };
      if (type === 'operative') {
        letter = 0;
        roman = 0;
      }
      out.push({ type, ...(type === 'operative' && { level: 0 }), text: p.text.slice(label.length), lines: p.lines, proposed });
      return;
    }
    const num = numberPrefix(p.text);
    if (num && num.n === op + 1) {
      op++;
      letter = 0;
      roman = 0;
      ops.set(op, offset + out.length);
      out.push({ type: 'operative', level: 0, text: p.text.slice(num.length), lines: p.lines });
      return;
    }
    if (op === 0) {
      pps.set(++pp, offset + out.length);
      out.push({ type: 'preambular', text: p.text, lines: p.lines });
      return;
    }
    const sub = subParagraphPrefix(p.text);
    if (sub) {
      const asLetter = sub.letter === letter + 1;
      const asRoman = sub.roman === roman + 1;
      // "(i)" after "(h)": a letter if "(j)" follows, a roman numeral if "(ii)" does.
      const next = paras[i + 1] ? subParagraphPrefix(paras[i + 1].text) : null;
      const level = asLetter && asRoman ? (next?.roman === sub.roman + 1 ? 2 : 1) : asLetter ? 1 : asRoman ? 2 : 0;
      if (level === 1) {
        letter++;
        roman = 0;
      } else if (level === 2) {
        roman++;
      }
      if (level) {
        out.push({ type: 'operative', level, text: p.text.slice(sub.length), lines: p.lines });
        return;
      }
    }
    out.push(note(p, 'body'));
  });
  return out;
}

function note(p: Paragraph, style: 'body' | 'heading'): BlockDraft {
  return { type: 'note', style, text: p.text, lines: p.lines };
}
