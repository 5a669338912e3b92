import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignOffsets, alignPoint } from '../../src/import/word/align-offsets.js';

describe('alignOffsets / alignPoint', () => {
  it('maps each kept character to its place and a taken-off one to -1', () => {
    const to = Array.from(alignOffsets('1. to [to] to', 'to to to'));
    expect(to).toEqual([-1, -1, -1, 0, 1, 2, -1, 3, 4, -1, 5, 6, 7]);
  });

  it('matches the same words repeated close by with themselves, in order', () => {
    const source = 'the the the the';
    const to = alignOffsets(`(a) ${source}`, source);
    for (let i = 0; i < source.length; i++) expect(to[4 + i]).toBe(i);
  });

  it('puts a point after the kept character before it, else before the kept one after it, else at 0', () => {
    const to = alignOffsets('  ab] c', 'ab c');
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((p) => alignPoint(to, p))).toEqual([0, 0, 0, 1, 2, 2, 3, 4]);
    expect(alignPoint(alignOffsets('[]', ''), 1)).toBe(0);
  });

  it('is exact when the target is the source with characters taken out (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', ' ', '和', '['), fc.boolean()), { maxLength: 40 }), (chars) => {
        const source = chars.map(([c]) => c).join('');
        const target = chars.filter(([, keep]) => keep).map(([c]) => c).join('');
        const to = alignOffsets(source, target);
        // Kept characters go to increasing places with the same character, and all of the target is matched.
        const matched = Array.from(to).filter((t) => t >= 0);
        expect(matched).toEqual(Array.from(target, (_c, i) => i));
        to.forEach((t, i) => t >= 0 && expect(target[t]).toBe(source[i]));
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
