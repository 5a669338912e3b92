import { diffSequences } from '../../diff/myers.js';

const codes = (s: string): Uint16Array => {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

/**
 * Where each character of `source` went in `target`, a text made from it by taking characters
 * out and putting a few in (the plain-text import takes off labels, bracket characters and
 * leading spaces, joins lines): `target` offset, or -1 for a character that is not there.
 * A longest common subsequence (Myers), so that the same words repeated close by are each
 * matched with themselves, in order, which searching for them could not promise.
 */
export function alignOffsets(source: string, target: string): Int32Array {
  const to = new Int32Array(source.length).fill(-1);
  for (const s of diffSequences(codes(source), codes(target))) {
    if (s.eq) for (let k = 0; k < s.a1 - s.a0; k++) to[s.a0 + k] = s.b0 + k;
  }
  return to;
}

/**
 * A point between characters of `source` (before `source[at]`) in `target`: just after the
 * nearest character before it that `target` kept (a footnote reference follows the text it
 * annotates), else before the nearest kept character after it, else 0.
 */
export function alignPoint(to: Int32Array, at: number): number {
  for (let i = Math.min(at, to.length) - 1; i >= 0; i--) if (to[i] >= 0) return to[i] + 1;
  for (let i = at; i < to.length; i++) if (to[i] >= 0) return to[i];
  return 0;
}
