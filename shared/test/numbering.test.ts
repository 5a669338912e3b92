import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { ensureUniqueIds, latinOrdinalSuffix, paragraphLabels, schema, toLetters, toRoman } from '../src/index.js';

type Spec = [type: string, attrs?: Record<string, unknown>];

function docOf(specs: Spec[]): PMNode {
  return schema.node(
    'doc',
    null,
    specs.map(([type, attrs], i) => schema.node(type, { id: `b${i}`, ...attrs }, [schema.text(`text ${i}`)])),
  );
}

function labelsOf(doc: PMNode): Array<string | null> {
  const labels = paragraphLabels(doc);
  const out: Array<string | null> = [];
  doc.forEach((b) => out.push(labels.get(b.attrs.id as string)?.label ?? null));
  return out;
}

function shortsOf(doc: PMNode): Array<string | null> {
  const labels = paragraphLabels(doc);
  const out: Array<string | null> = [];
  doc.forEach((b) => out.push(labels.get(b.attrs.id as string)?.short ?? null));
  return out;
}

describe('paragraphLabels', () => {
  it('numbers PPs PP1, PP2…, OPs 1, 2…, and gives headings, title and notes no label', () => {
    const doc = docOf([['headingLine'], ['title'], ['note'], ['preambular'], ['preambular'], ['operative'], ['operative']]);
    expect(labelsOf(doc)).toEqual([null, null, null, 'PP1', 'PP2', '1', '2']);
    expect(shortsOf(doc)).toEqual([null, null, null, 'PP1', 'PP2', 'OP1', 'OP2']);
  });

  it('letters sub-paragraphs (a), (b)… restarting in each OP, and (i), (ii)… restarting in each letter', () => {
    const doc = docOf([
      ['operative'],
      ['operative', { level: 1 }],
      ['operative', { level: 2 }],
      ['operative', { level: 2 }],
      ['operative', { level: 2 }],
      ['operative', { level: 2 }],
      ['operative', { level: 1 }],
      ['operative', { level: 2 }],
      ['operative'],
      ['operative', { level: 1 }],
    ]);
    expect(labelsOf(doc)).toEqual(['1', '(a)', '(i)', '(ii)', '(iii)', '(iv)', '(b)', '(i)', '2', '(a)']);
    expect(shortsOf(doc)).toEqual([
      'OP1', 'OP1(a)', 'OP1(a)(i)', 'OP1(a)(ii)', 'OP1(a)(iii)', 'OP1(a)(iv)', 'OP1(b)', 'OP1(b)(i)', 'OP2', 'OP2(a)',
    ]);
  });

  it('labels added paragraphs after the previous counted one: 5 bis, 5 ter, 5 quater, 5 quinquies, 5 sexies', () => {
    const specs: Spec[] = [1, 2, 3, 4, 5].map(() => ['operative']);
    for (let i = 0; i < 5; i++) specs.push(['operative', { added: `prop${i}` }]);
    specs.push(['operative']);
    expect(labelsOf(docOf(specs))).toEqual([
      '1', '2', '3', '4', '5', '5 bis', '5 ter', '5 quater', '5 quinquies', '5 sexies', '6',
    ]);
  });

  it('labels added PPs "PP3 bis" and added sub-paragraphs "(b) bis", and does not shift later numbers', () => {
    const doc = docOf([
      ['preambular'], ['preambular'], ['preambular'], ['preambular', { added: 'x' }], ['preambular'],
      ['operative'], ['operative', { level: 1 }], ['operative', { level: 1 }], ['operative', { level: 1, added: 'y' }],
      ['operative', { level: 1 }], ['operative', { added: 'z' }], ['operative', { level: 1 }],
    ]);
    expect(labelsOf(doc)).toEqual([
      'PP1', 'PP2', 'PP3', 'PP3 bis', 'PP4', '1', '(a)', '(b)', '(b) bis', '(c)', '1 bis', '(a)',
    ]);
    expect(shortsOf(doc)[8]).toBe('OP1(b) bis');
    expect(shortsOf(doc)[10]).toBe('OP1 bis');
  });

  it('labels a paragraph added before any counted one "0 bis"', () => {
    expect(labelsOf(docOf([['operative', { added: 'x' }], ['operative']]))).toEqual(['0 bis', '1']);
  });

  it('labels footnotes by their marker', () => {
    const doc = docOf([['preambular'], ['footnote', { marker: '1' }], ['footnote', { marker: '2' }]]);
    expect(labelsOf(doc)).toEqual(['PP1', '1', '2']);
    expect(shortsOf(doc)).toEqual(['PP1', 'fn1', 'fn2']);
  });
});

describe('label formats', () => {
  it('formats Latin ordinal suffixes bis … vicies, then the number', () => {
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10].map(latinOrdinalSuffix)).toEqual([
      'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies',
    ]);
    expect(latinOrdinalSuffix(20)).toBe('vicies');
    expect(latinOrdinalSuffix(21)).toBe('(21)');
    expect(() => latinOrdinalSuffix(1)).toThrow(RangeError);
  });

  it('writes letters a…z, aa, bb and roman numerals', () => {
    expect([1, 2, 26, 27, 28].map(toLetters)).toEqual(['a', 'b', 'z', 'aa', 'bb']);
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl']);
  });
});

describe('ensureUniqueIds', () => {
  it('lists blocks with a missing or repeated id, with fresh ids, and leaves the first of a repeated id alone', () => {
    const a = schema.node('preambular', { id: 'same' }, [schema.text('a')]);
    const b = schema.node('preambular', { id: 'same' }, [schema.text('b')]);
    const c = schema.node('note', { id: null });
    const d = schema.node('operative', { id: 'other' }, [schema.text('d')]);
    const doc = schema.node('doc', null, [a, b, c, d]);
    const fixes = ensureUniqueIds(doc);
    expect(fixes.map((f) => f.pos)).toEqual([a.nodeSize, a.nodeSize + b.nodeSize]);
    expect(new Set(fixes.map((f) => f.id)).size).toBe(2);
    expect(fixes.every((f) => f.id !== 'same' && f.id !== 'other')).toBe(true);
    expect(doc.nodeAt(fixes[0].pos)?.textContent).toBe('b');
  });

  it('returns nothing for a document whose ids are already unique', () => {
    expect(ensureUniqueIds(docOf([['preambular'], ['operative']]))).toEqual([]);
  });
});
