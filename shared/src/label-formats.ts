/** How UN texts write paragraph labels: (a)…(z), (aa)…; (i), (ii)…; 5 bis, 5 ter… */

/** 1 → a, 26 → z, 27 → aa, 28 → bb (the UN's style after z). */
export function toLetters(n: number): string {
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Lower-case roman numeral: 4 → iv. */
export function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

const LATIN = [
  '', '', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies',
  'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies',
  'octodecies', 'novodecies', 'vicies',
];

/**
 * The Latin multiplicative adverb used for inserted paragraphs: the n-th paragraph carrying the
 * same number, so 2 → "bis" (the first insertion after OP 5 is "5 bis"), 3 → "ter", 4 → "quater",
 * 5 → "quinquies", 6 → "sexies" … 20 → "vicies". Beyond 20 (never seen in practice) the number
 * itself is written in parentheses, "(21)", so labels stay unique.
 */
export function latinOrdinalSuffix(n: number): string {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`no Latin suffix for ${n}`);
  return LATIN[n] ?? `(${n})`;
}
