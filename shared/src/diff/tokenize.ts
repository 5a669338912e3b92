/**
 * Word tokens for the diff. Intl.Segmenter gives dictionary words for Chinese and Japanese and
 * words, spaces and punctuation for space-separated languages. A token boundary is always a
 * grapheme boundary: a word boundary that would cut a grapheme (a combining mark, an emoji
 * sequence) is dropped. Without Intl.Segmenter a Unicode regex does a coarser job.
 */

const wordSegmenters = new Map<string, Intl.Segmenter>();
const graphemeSegmenters = new Map<string, Intl.Segmenter>();

function segmenter(cache: Map<string, Intl.Segmenter>, locale: string, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  let s = cache.get(locale);
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity });
    } catch {
      s = new Intl.Segmenter('en', { granularity });
    }
    cache.set(locale, s);
  }
  return s;
}

const hasSegmenter = typeof Intl !== 'undefined' && typeof (Intl as { Segmenter?: unknown }).Segmenter === 'function';

/** Fallback: runs of letters/digits (Han, kana one by one) with their marks, whitespace runs, other characters. */
const FALLBACK =
  /(\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}](?:\p{M}|\u200d|\ufe0f)*|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|\u200d)*|\P{M}(?:\p{M}|\u200d|\ufe0f)*|[\s\S])/gu;

/** Token boundaries: the start offset of every token, then text.length. */
export function tokenBoundaries(text: string, locale = 'en'): number[] {
  const bounds: number[] = [];
  if (text === '') return [0];
  if (!hasSegmenter) {
    for (const m of text.matchAll(FALLBACK)) bounds.push(m.index);
    bounds.push(text.length);
    return bounds;
  }
  for (const seg of segmenter(wordSegmenters, locale, 'word').segment(text)) bounds.push(seg.index);
  bounds.push(text.length);
  if (!needsGraphemeCheck(text)) return bounds;
  const graphemes = new Set<number>();
  for (const seg of segmenter(graphemeSegmenters, locale, 'grapheme').segment(text)) graphemes.add(seg.index);
  graphemes.add(text.length);
  return bounds.filter((b) => graphemes.has(b));
}

/**
 * In text made only of these characters (Latin, Greek and Cyrillic letters without combining
 * marks, general and CJK punctuation, CJK ideographs, fullwidth forms) every code unit is its own
 * grapheme, so every word boundary is a grapheme boundary and the second pass can be skipped.
 */
const SIMPLE = /^[\t\n\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u2000-\u200a\u2010-\u2027\u202f-\u205f\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d]*$/;

function needsGraphemeCheck(text: string): boolean {
  return !SIMPLE.test(text);
}

/** The tokens themselves. */
export function tokenize(text: string, locale = 'en'): string[] {
  const b = tokenBoundaries(text, locale);
  const out: string[] = [];
  for (let i = 0; i + 1 < b.length; i++) out.push(text.slice(b[i], b[i + 1]));
  return out;
}

export function isWhitespace(s: string): boolean {
  return /^\s+$/u.test(s);
}
