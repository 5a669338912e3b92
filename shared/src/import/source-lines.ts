import { stripMarkdownLinks } from './markdown-links.js';
import { displayWidth } from './char-classes.js';

/** One line of the input as laid out, with link syntax already removed. */
export interface SourceLine {
  /** 0-based line number in the input. */
  index: number;
  raw: string;
  /** Trimmed text, link syntax removed. */
  text: string;
  /** Leading whitespace characters: PDF extraction indents the first line of each paragraph. */
  indent: number;
  blank: boolean;
  width: number;
  linkTargets: string[];
}

/**
 * Line terminators: the ones JavaScript's `\s` also treats as whitespace, so that splitting never
 * makes a visible character disappear (U+0085 is not split on: `\s` does not match it).
 */
export const LINE_BREAK = /\r\n|[\n\r\f\v\u2028\u2029]/;

export function splitSourceLines(text: string): SourceLine[] {
  return text.split(LINE_BREAK).map((raw, index) => {
    const { text: unlinked, targets } = stripMarkdownLinks(raw);
    const trimmed = unlinked.trim();
    const indent = unlinked.length - unlinked.trimStart().length;
    return {
      index,
      raw,
      text: trimmed,
      indent: trimmed ? indent : 0,
      blank: trimmed === '',
      width: displayWidth(trimmed),
      linkTargets: targets,
    };
  });
}
