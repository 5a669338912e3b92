import { describe, expect, it } from 'vitest';
import { WordListCounter, type WordListLevel, type WordNumbering } from '../../src/import/word/word-numbering.js';

const lvl = (format: string, text: string, start = 1): WordListLevel => ({ format, text, start });
/** The UN layout: OPs "1.", sub-paragraphs "(a)", points "(i)". */
const UN = { 0: lvl('decimal', '%1.'), 1: lvl('lowerLetter', '(%2)'), 2: lvl('lowerRoman', '(%3)') };

function counter(numbering: Partial<WordNumbering>): WordListCounter {
  return new WordListCounter({ abstract: {}, nums: {}, ...numbering });
}
const labels = (c: WordListCounter, seq: [string, number][]) => seq.map(([num, ilvl]) => c.next(num, ilvl));

describe('WordListCounter: Word automatic numbering as labels', () => {
  it('counts decimal OPs, lettered sub-paragraphs and roman points, each level restarting when a shallower one advances', () => {
    const c = counter({ abstract: { 0: UN }, nums: { 1: { abstractId: '0', startOverride: {} } } });
    expect(labels(c, [['1', 0], ['1', 1], ['1', 1], ['1', 2], ['1', 2], ['1', 2], ['1', 2], ['1', 1], ['1', 0], ['1', 1], ['1', 0]])).toEqual([
      '1.', '(a)', '(b)', '(i)', '(ii)', '(iii)', '(iv)', '(c)', '2.', '(a)', '3.',
    ]);
  });

  it('writes upper-case letters and roman numerals, letters after z as aa, and "none" as nothing', () => {
    const c = counter({
      abstract: { 0: { 0: lvl('upperLetter', '%1)'), 1: lvl('upperRoman', '%2.'), 2: lvl('none', '') } },
      nums: { 1: { abstractId: '0', startOverride: {} } },
    });
    expect(labels(c, [['1', 0], ['1', 1], ['1', 1], ['1', 1], ['1', 1], ['1', 2]])).toEqual(['A)', 'I.', 'II.', 'III.', 'IV.', '']);
    const letters = counter({ abstract: { 0: { 0: lvl('lowerLetter', '(%1)', 26) } }, nums: { 1: { abstractId: '0', startOverride: {} } } });
    expect(labels(letters, [['1', 0], ['1', 0]])).toEqual(['(z)', '(aa)']);
  });

  it('starts a level at its w:start value', () => {
    const c = counter({ abstract: { 0: { 0: lvl('decimal', '%1.', 5), 1: lvl('lowerLetter', '(%2)', 3) } }, nums: { 1: { abstractId: '0', startOverride: {} } } });
    expect(labels(c, [['1', 0], ['1', 1], ['1', 1], ['1', 0], ['1', 1]])).toEqual(['5.', '(c)', '(d)', '6.', '(c)']);
  });

  it('writes several levels in one label ("%1.%2") and takes a missing shallower level at its start', () => {
    const c = counter({ abstract: { 0: { 0: lvl('decimal', '%1.'), 1: lvl('decimal', '%1.%2') } }, nums: { 1: { abstractId: '0', startOverride: {} } } });
    expect(labels(c, [['1', 1], ['1', 0], ['1', 1], ['1', 1], ['1', 0], ['1', 1]])).toEqual(['1.1', '1.', '1.1', '1.2', '2.', '2.1']);
  });

  it('lists sharing one definition continue each other; a startOverride restarts a list the first time it is used', () => {
    const c = counter({
      abstract: { 0: UN },
      nums: { 1: { abstractId: '0', startOverride: {} }, 2: { abstractId: '0', startOverride: {} }, 3: { abstractId: '0', startOverride: { 0: 1 } } },
    });
    expect(labels(c, [['1', 0], ['1', 0], ['2', 0], ['3', 0], ['3', 0], ['3', 0], ['1', 0]])).toEqual(['1.', '2.', '3.', '1.', '2.', '3.', '4.']);
    // An override of a deeper level is that level's start in the list: it restarts there under each OP.
    const d = counter({ abstract: { 0: UN }, nums: { 3: { abstractId: '0', startOverride: { 0: 10, 1: 2 } } } });
    expect(labels(d, [['3', 0], ['3', 1], ['3', 1], ['3', 0], ['3', 1]])).toEqual(['10.', '(b)', '(c)', '11.', '(b)']);
  });

  it('separate definitions count separately', () => {
    const c = counter({
      abstract: { 0: UN, 1: { 0: lvl('decimal', '%1.') } },
      nums: { 1: { abstractId: '0', startOverride: {} }, 2: { abstractId: '1', startOverride: {} } },
    });
    expect(labels(c, [['1', 0], ['2', 0], ['1', 0], ['2', 0]])).toEqual(['1.', '1.', '2.', '2.']);
  });

  it('shows no label for bullets, unknown lists or levels, and still counts a bulleted level', () => {
    const c = counter({
      abstract: { 0: { 0: lvl('decimal', '%1.'), 1: lvl('bullet', '•') } },
      nums: { 1: { abstractId: '0', startOverride: {} }, 9: { abstractId: 'gone', startOverride: {} } },
    });
    expect(labels(c, [['1', 0], ['1', 1], ['7', 0], ['9', 0], ['1', 4], ['1', 0]])).toEqual(['1.', null, null, null, null, '2.']);
  });
});
