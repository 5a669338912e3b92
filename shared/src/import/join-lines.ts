import { firstChar, isCjkLetter, isSpacedAlnum, isWide, lastChar } from './char-classes.js';

/**
 * Joins two pieces of one paragraph that layout broke apart. Between CJK characters no space is
 * ever inserted (Chinese is never re-spaced); between a CJK letter and a digit or Latin word the
 * text's own convention decides; between two Latin words a space; a word hyphenated at the line
 * end is kept with its hyphen and no space (the hyphen may be real: "open-ended").
 */
export function joinLines(left: string, right: string, spaceCjkAndLatin: boolean): string {
  const l = left.trimEnd();
  const r = right.trimStart();
  if (!l) return r;
  if (!r) return l;
  // A dash set apart by spaces ("EU -" ⏎ "retain") stays apart; a hyphen at a word's end does not.
  if (/\s[-/]$/.test(l)) return `${l} ${r}`;
  return l + separator(lastChar(l), firstChar(r), spaceCjkAndLatin) + r;
}

function separator(a: string, b: string, spaceCjkAndLatin: boolean): string {
  if ((isCjkLetter(a) && isSpacedAlnum(b)) || (isSpacedAlnum(a) && isCjkLetter(b))) {
    return spaceCjkAndLatin ? ' ' : '';
  }
  if (isWide(a) || isWide(b)) return '';
  if (a === '-' || a === '/') return '';
  return ' ';
}
