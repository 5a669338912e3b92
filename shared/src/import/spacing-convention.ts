import { isCjkLetter, isSpacedAlnum } from './char-classes.js';

/**
 * Does this text put a space between CJK letters and digits/Latin words ("2015 年 4 月") or not
 * ("2015年4月")? UN Chinese texts differ; a line break between the two is re-joined following the
 * majority convention of the same text, so import never invents a spacing style.
 */
export function spacesBetweenCjkAndLatin(text: string): boolean {
  let spaced = 0;
  let tight = 0;
  const chars = Array.from(text);
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1];
    const b = chars[i];
    if ((isCjkLetter(a) && isSpacedAlnum(b)) || (isSpacedAlnum(a) && isCjkLetter(b))) tight++;
    if (b === ' ' && i + 1 < chars.length) {
      const c = chars[i + 1];
      if ((isCjkLetter(a) && isSpacedAlnum(c)) || (isSpacedAlnum(a) && isCjkLetter(c))) spaced++;
    }
  }
  return spaced > tight;
}
