import { toRoman } from '../label-formats.js';

/**
 * Number prefixes of paragraphs: "1. " (OP or a note's own number) and "(a) " / "（a）" / "(ii) "
 * (sub-paragraphs). Whether a prefix is really a label is decided by the sequence it is part of
 * (classify-blocks.ts), never by the prefix alone.
 */
const NUMBER = /^([0-9０-９]{1,3})\s*[.．](?![0-9０-９])\s*/;
const SUB = /^[(（]([a-z]{1,3})[)）]\s*/;
const ROMAN = /^[ivxl]+$/;

export interface NumberPrefix {
  n: number;
  /** Characters of the prefix, including the space after it. */
  length: number;
}

export function numberPrefix(text: string): NumberPrefix | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const digits = m[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  return { n: Number(digits), length: m[0].length };
}

export interface SubPrefix {
  /** Position as a letter item (a = 1, b = 2, … aa = 27), or 0 if not a letter sequence item. */
  letter: number;
  /** Value as a lower-case roman numeral, or 0 if not one. */
  roman: number;
  length: number;
}

export function subParagraphPrefix(text: string): SubPrefix | null {
  const m = SUB.exec(text);
  if (!m) return null;
  const s = m[1];
  return { letter: letterValue(s), roman: ROMAN.test(s) ? romanValue(s) : 0, length: m[0].length };
}

/** a…z, then aa, bb, … (the UN's style after z). */
function letterValue(s: string): number {
  if (!/^([a-z])\1*$/.test(s)) return 0;
  return (s.length - 1) * 26 + (s.charCodeAt(0) - 96);
}

function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]];
    const next = v[s[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return toRoman(total) === s ? total : 0;
}
