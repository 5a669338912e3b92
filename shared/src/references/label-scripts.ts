/**
 * Paragraph numbers and sub-paragraph letters as the six languages write them in references:
 * digits in ASCII, Arabic-Indic (٥), Eastern Arabic-Indic (۵) or fullwidth (５); letters in Latin
 * "(a)" or, in Arabic texts, the abjad order "(أ)", "(ب)", "(ج)"… A rewritten reference keeps the
 * script it was written in.
 */

/** First code point of each run of ten digits we read; index 0 is ASCII. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0xff10];

export const DIGIT_CLASS = '0-9\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19';

/** Which digit script a number is written in (the zero's code point). */
export function digitScript(written: string): number {
  const c = written.codePointAt(0) ?? 0x30;
  return DIGIT_ZEROS.find((z) => c >= z && c <= z + 9) ?? 0x30;
}

/** "٥" → "5", "１２" → "12"; other characters are kept. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (d) => {
    const c = d.codePointAt(0)!;
    return String(c - DIGIT_ZEROS.find((z) => c >= z && c <= z + 9)!);
  });
}

/** "12 bis" written with the digits of `script` (digitScript's result). */
export function inDigitScript(s: string, script: number): string {
  return script === 0x30 ? s : s.replace(/[0-9]/g, (d) => String.fromCodePoint(script + Number(d)));
}

/** The abjad order UN Arabic texts letter their sub-paragraphs in: (أ), (ب), (ج), (د), (هـ)… */
const ARABIC_LETTERS = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ'];

/** A sub-paragraph letter as written inside parentheses: Latin a–z (or aa, bb…) or Arabic. */
export const SUB_LETTER = `[a-z](?:[a-z])?|\u0647\u0640?|[${ARABIC_LETTERS.filter((l) => l.length === 1).join('')}]`;

export const isArabicLetter = (s: string) => /[\u0600-\u06FF]/.test(s);

/** "أ" → "a", "هـ" / "ه" → "e"; Latin letters are returned as they are. */
export function latinLetter(written: string): string {
  if (!isArabicLetter(written)) return written;
  const i = ARABIC_LETTERS.indexOf(written === 'ه' ? 'هـ' : written);
  return i < 0 ? written : String.fromCharCode(97 + i);
}

/** "b" in the script of `like`: "ب" when `like` is Arabic. Beyond the 28 Arabic letters, Latin. */
export function letterLike(latin: string, like: string): string {
  if (!isArabicLetter(like) || latin.length !== 1) return latin;
  return ARABIC_LETTERS[latin.charCodeAt(0) - 97] ?? latin;
}
