import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenBoundaries, tokenize } from '../../src/diff/index.js';

const graphemeStarts = (s: string): Set<number> => {
  const out = new Set<number>([s.length]);
  for (const g of new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(s)) out.add(g.index);
  return out;
};

/** CJK words, emoji sequences, combining marks (also stray ones), regional indicators, Hangul jamo, Arabic. */
const UNITS = [
  '坚信', '深信', '国际', '合作', '网络', '犯罪', '的', '，', '。', '、', '（', '）', '打击', '联合国',
  'e\u0301', '\u0301', '\u0308', 'a', 'Z', ' ', '  ', '\n', '\r\n',
  '👍', '👍🏽', '👨‍👩‍👧', '\u200d', '🇨🇳', '🇫', '❤️', '\ufe0f',
  '한', '\u1100\u1161\u11a8', 'ق', 'رار', '\u064e', '\u0600', '日本語', 'です', 'カタカナ', '𠀋',
];
const textArb = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((xs) => xs.join(''));

describe('tokenize', () => {
  it('never splits a grapheme and loses nothing (CJK, emoji, combining marks)', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom('zh', 'ja', 'en', 'ar'), (s, locale) => {
        const bounds = tokenBoundaries(s, locale);
        const g = graphemeStarts(s);
        for (const b of bounds) expect(g.has(b)).toBe(true);
        expect(tokenize(s, locale).join('')).toBe(s);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('gives dictionary words for Chinese', () => {
    const tokens = tokenize('坚信必须加强国际合作，以预防和打击网络犯罪', 'zh');
    expect(tokens).toContain('坚信');
    expect(tokens).toContain('国际');
    expect(tokens).toContain('，');
    expect(tokens.join('')).toBe('坚信必须加强国际合作，以预防和打击网络犯罪');
  });

  it('gives words, spaces and punctuation for English', () => {
    expect(tokenize('Recalling its resolution 74/247, of 27 December', 'en')).toEqual([
      'Recalling', ' ', 'its', ' ', 'resolution', ' ', '74', '/', '247', ',', ' ', 'of', ' ', '27', ' ', 'December',
    ]);
  });

  it('keeps a letter with its combining mark', () => {
    expect(tokenize('cafe\u0301 x', 'fr')).toEqual(['cafe\u0301', ' ', 'x']);
  });
});
