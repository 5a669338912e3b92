import { joinLines } from './join-lines.js';
import type { LayoutArtifact } from './layout-artifacts.js';
import {
  endsClause,
  endsSentence,
  endsWithConnective,
  isBareLabel,
  startsParagraph,
} from './paragraph-start.js';
import type { SourceLine } from './source-lines.js';

/** A paragraph re-assembled from the lines layout broke it into. */
export interface Paragraph {
  text: string;
  /** Source line numbers, in order. */
  lines: number[];
  /** For a footnote text: its marker ("1"). */
  marker?: string;
  /** Opened by its own words (number, PP opening…): a page break inside it may be joined. */
  signed: boolean;
  last: SourceLine;
}

export interface Segmented {
  body: Paragraph[];
  footnotes: Paragraph[];
}

const FOOTNOTE = /^(\d{1,3})\s+(\S.*)$/;
/** Lines narrower than this (in half-width columns) are headings, not wrapped text. */
const HEADING_WIDTH = 40;

/**
 * Re-assembles paragraphs from lines. Two layouts are recognised:
 *  - indented (PDF extraction): a paragraph's first line is indented, wrapped lines are flush left,
 *    and a short line ends its paragraph;
 *  - flush (Word, e-mail): paragraphs are separated by blank lines or start with their own words
 *    (a number, a PP opening); a long line that does not end a clause and is followed by a line
 *    that does not open a paragraph was broken by a page or by wrapping, and is joined.
 * Footnote texts follow a rule line ("______") and are collected apart, in order; the body resumes
 * after them, and a body paragraph interrupted by footnotes at a page end continues after them.
 */
export function segmentParagraphs(
  lines: SourceLine[],
  artifacts: LayoutArtifact[],
  spaceCjkAndLatin: boolean,
): Segmented {
  const removed = new Map(artifacts.map((a) => [a.line, a]));
  const content = lines.filter((l) => !l.blank && !removed.has(l.index));
  const indented = content.filter((l) => l.indent > 0).length;
  const indentMode = indented >= 3 && content.length - indented >= 3;
  const longWidth = 0.65 * percentile(content.map((l) => l.width), 0.75);
  const chunkWidth = chunkWidths(lines, removed);

  const continues = (para: Paragraph, cur: SourceLine, blankBetween: boolean): boolean => {
    const prev = para.last;
    if (isBareLabel(para.text)) return !startsParagraph(cur.text);
    if (indentMode) {
      if (cur.indent > 0 || prev.width < longWidth) return false;
      return !(endsSentence(prev.text) && startsParagraph(cur.text));
    }
    if (startsParagraph(cur.text)) return false;
    if (!blankBetween) {
      if (endsSentence(prev.text)) return false;
      const width = chunkWidth.get(cur.index) ?? 0;
      if (width < HEADING_WIDTH) return endsWithConnective(prev.text);
      return prev.width >= 0.6 * width;
    }
    // A page break inside a sentence: the next page goes on mid-sentence, never with a capital.
    return para.signed && !endsClause(prev.text) && prev.width >= HEADING_WIDTH && !/^\p{Lu}/u.test(cur.text);
  };

  const append = (para: Paragraph, line: SourceLine) => {
    para.text = joinLines(para.text, line.text, spaceCjkAndLatin);
    para.lines.push(line.index);
    para.last = line;
  };

  const body: Paragraph[] = [];
  const footnotes: Paragraph[] = [];
  let inFootnotes = false;
  let zoneFootnote: Paragraph | null = null;
  let nextMarker: number | null = null;
  let blankBetween = false;
  let leftFootnotes = false;

  for (const line of lines) {
    const artifact = removed.get(line.index);
    if (artifact) {
      if (artifact.kind === 'footnote-separator') {
        inFootnotes = true;
        zoneFootnote = null;
      }
      blankBetween = true;
      continue;
    }
    if (line.blank) {
      blankBetween = true;
      continue;
    }
    if (inFootnotes) {
      const m = FOOTNOTE.exec(line.text);
      if (m && (nextMarker === null || Number(m[1]) === nextMarker)) {
        zoneFootnote = { text: m[2], lines: [line.index], marker: m[1], signed: false, last: line };
        footnotes.push(zoneFootnote);
        nextMarker = Number(m[1]) + 1;
        blankBetween = false;
        continue;
      }
      if (zoneFootnote && continues(zoneFootnote, line, blankBetween)) {
        append(zoneFootnote, line);
        blankBetween = false;
        continue;
      }
      inFootnotes = false;
      leftFootnotes = true;
    }
    const prev = body[body.length - 1];
    if (prev && continues(prev, line, blankBetween || leftFootnotes)) {
      append(prev, line);
    } else {
      body.push({ text: line.text, lines: [line.index], signed: startsParagraph(line.text), last: line });
    }
    blankBetween = false;
    leftFootnotes = false;
  }
  return { body, footnotes };
}

/** Widest line of each run of lines not separated by a blank line (removed lines are transparent). */
function chunkWidths(lines: SourceLine[], removed: Map<number, LayoutArtifact>): Map<number, number> {
  const out = new Map<number, number>();
  let chunk: SourceLine[] = [];
  const flush = () => {
    const w = Math.max(0, ...chunk.map((l) => l.width));
    for (const l of chunk) out.set(l.index, w);
    chunk = [];
  };
  for (const line of lines) {
    if (removed.has(line.index)) continue;
    if (line.blank) flush();
    else chunk.push(line);
  }
  flush();
  return out;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
