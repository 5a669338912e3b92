import { describe, expect, it } from 'vitest';
import { applyComparison, compareVersions, generateTreatyText, paragraphTexts } from '../../src/diff/index.js';

describe('generateTreatyText', () => {
  it('is deterministic for a seed', () => {
    expect(generateTreatyText(3, { paragraphs: 50, chars: 20_000 })).toEqual(generateTreatyText(3, { paragraphs: 50, chars: 20_000 }));
  });

  for (const language of ['en', 'zh'] as const) {
    it(`${language}: a pair whose comparison applies back (edits, inserts, deletes, moves, decisions)`, () => {
      const { a, b } = generateTreatyText(5, { paragraphs: 400, chars: 200_000, language });
      const total = paragraphTexts(a).reduce((n, p) => n + p.text.length, 0);
      expect(total).toBeGreaterThan(150_000);
      const c = compareVersions(a, b);
      expect(applyComparison(paragraphTexts(a), c)).toEqual(paragraphTexts(b));
      expect(c.stats.changed).toBeGreaterThan(10);
      expect(c.stats.added).toBeGreaterThan(0);
      expect(c.stats.deleted).toBeGreaterThan(0);
      expect(c.stats.moved).toBeGreaterThan(0);
      expect(c.brackets.totals.accepted + c.brackets.totals.rejected).toBeGreaterThan(0);
    });
  }
});
