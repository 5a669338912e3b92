/**
 * Character classes for joining lines and measuring them. CJK scripts are written without spaces
 * between words, so a line break between two CJK characters must be joined without a space.
 */

/** Han, kana, Hangul, CJK symbols and punctuation, fullwidth forms: written without inter-word spaces. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2e80-\u2fff\u3000-\u303f\u31c0-\u31ef\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** CJK letters (not punctuation): the only characters a digit or Latin word may be spaced from. */
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

export function isCjkLetter(ch: string): boolean {
  return CJK_LETTER.test(ch);
}

/** A letter or digit of a script that separates words with spaces (Latin, Cyrillic, Arabic, digits). */
export function isSpacedAlnum(ch: string): boolean {
  return LETTER_OR_DIGIT.test(ch) && !WIDE.test(ch);
}

/** Width in half-width columns, as the line was laid out on the page: CJK counts twice. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export function firstChar(s: string): string {
  for (const ch of s) return ch;
  return '';
}

export function lastChar(s: string): string {
  const chars = Array.from(s.slice(-2));
  return chars[chars.length - 1] ?? '';
}
