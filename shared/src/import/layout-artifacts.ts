import { stripMarkdownLinks } from './markdown-links.js';
import type { SourceLine } from './source-lines.js';

export type ArtifactKind = 'footnote-separator' | 'page-number' | 'job-number' | 'symbol-header' | 'revision-label';

export interface LayoutArtifact {
  line: number;
  /** The line as it was in the input. */
  text: string;
  kind: ArtifactKind;
}

/** A document symbol alone on a line: the masthead or a running header (A/C.3/74/L.11/Rev.1). */
const SYMBOL_LINE = /^[A-Z]{1,6}(?:\/[A-Za-z0-9.()-]+){2,6}$/;
/** Document job number / barcode printed in UN page footers: "19-18525 (C)", "*1918525*". */
const JOB_NUMBER = /^(?:\d{2}-\d{5}\s*(?:\([A-Z]\))?|\*\d{7}\*)$/;
/** Page number alone on a line: "3", "2/4", "- 3 -". */
const PAGE_NUMBER = /^(?:(\d{1,3})(?:\/\d{1,3})?|-\s?(\d{1,3})\s?-)$/;
const SEPARATOR = /^_{5,}$/;
const FOOTNOTE_LINE = /^\d{1,3}\s+\S/;

/**
 * Lines that page layout added and that are not part of the text: the rule above footnotes, page
 * numbers, job numbers and running headers. Only removed when clearly artifacts: a rule only when
 * a footnote follows it; page numbers only when at least two of them count upwards. Every removed
 * line is reported, so that nothing is lost silently.
 */
export function findLayoutArtifacts(lines: SourceLine[]): LayoutArtifact[] {
  const found: LayoutArtifact[] = [];
  const pages: SourceLine[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const t = line.text;
    if (SEPARATOR.test(t) && FOOTNOTE_LINE.test(nextContent(lines, line.index)?.text ?? '')) {
      found.push({ line: line.index, text: line.raw, kind: 'footnote-separator' });
    } else if (JOB_NUMBER.test(t)) {
      found.push({ line: line.index, text: line.raw, kind: 'job-number' });
    } else if (SYMBOL_LINE.test(t)) {
      found.push({ line: line.index, text: line.raw, kind: 'symbol-header' });
    } else if (PAGE_NUMBER.test(t)) {
      pages.push(line);
    }
  }
  if (pages.length >= 2 && increasing(pages.map(pageValue))) {
    for (const p of pages) found.push({ line: p.index, text: p.raw, kind: 'page-number' });
  }
  return found.sort((a, b) => a.line - b.line);
}

function nextContent(lines: SourceLine[], index: number): SourceLine | undefined {
  for (let i = index + 1; i < lines.length; i++) if (!lines[i].blank) return lines[i];
  return undefined;
}

function pageValue(line: SourceLine): number {
  const m = PAGE_NUMBER.exec(line.text);
  return Number(m?.[1] ?? m?.[2]);
}

function increasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]);
}

/** The text's own symbol: the first symbol line of the masthead or running header, else ''. */
export function symbolFromArtifacts(artifacts: LayoutArtifact[]): string {
  const header = artifacts.find((a) => a.kind === 'symbol-header');
  return header ? stripMarkdownLinks(header.text).text.trim() : '';
}
