import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyComparison,
  compareVersions,
  opsText,
  paragraphTexts,
  type Comparison,
  type NodeJSON,
  type ParagraphComparison,
} from '../../src/diff/index.js';
import { bold, br, italic, op, pp, t, version } from './builders.js';

const FRAGMENTS = [
  'the ', 'States ', 'shall ', 'Parties ', 'cooperation', ', ', '; ', '.', ' ', '  ', '\n',
  '坚信', '深信', '国际', '合作', '网络', '犯罪', '，', '。', '的',
  'إذ ', 'تشير ', 'الجمعية', 'e\u0301', 'n\u0303', '👍🏽', '👨‍👩‍👧', '🇨🇳', '한', '日本', 'です',
];
const fragmentsArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 });

/** A version as fragment lists (so edits never cut a grapheme or a surrogate pair). */
interface Para {
  id: string;
  frags: string[];
}

const toVersion = (label: string, ps: Para[]) =>
  version(
    label,
    ps.map((p) => op(p.id, p.frags.join(''))),
  );

/** A random A, and B made from it by edits, deletions, insertions and moves. */
const pairArb = fc
  .record({
    a: fc.array(fragmentsArb, { minLength: 1, maxLength: 10 }),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('edit', 'delete', 'insert', 'move', 'keep', 'keep'),
        at: fc.nat(),
        to: fc.nat(),
        frags: fragmentsArb,
        cut: fc.nat(),
        len: fc.nat({ max: 6 }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ a, edits }) => {
    const A: Para[] = a.map((frags, i) => ({ id: `p${i}`, frags }));
    const B: Para[] = A.map((p) => ({ id: p.id, frags: [...p.frags] }));
    let fresh = 0;
    for (const e of edits) {
      if (B.length === 0) break;
      const i = e.at % B.length;
      if (e.kind === 'edit') {
        const f = B[i].frags;
        const cut = f.length ? e.cut % (f.length + 1) : 0;
        f.splice(cut, e.len, ...e.frags.slice(0, 4));
      } else if (e.kind === 'delete') B.splice(i, 1);
      else if (e.kind === 'insert') B.splice(i, 0, { id: `n${fresh++}`, frags: e.frags });
      else if (e.kind === 'move') {
        const [m] = B.splice(i, 1);
        B.splice(e.to % (B.length + 1), 0, m);
      }
    }
    return { A, B };
  });

function sideA(c: Comparison): Array<{ id: string; text: string }> {
  return c.paragraphs
    .filter((e): e is ParagraphComparison & { a: NonNullable<ParagraphComparison['a']> } => e.a !== undefined)
    .sort((x, y) => x.a.index - y.a.index)
    .map((e) => ({ id: e.a.id, text: e.status === 'added' ? '' : opsText(e.ops, 'a') }));
}

const graphemeStarts = (s: string): Set<number> => {
  const out = new Set<number>([s.length]);
  for (const g of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)) out.add(g.index);
  return out;
};

describe('compareVersions: properties', () => {
  it('applying the diff ops to A yields B (texts and order), and the ops also spell out A', () => {
    fc.assert(
      fc.property(pairArb, fc.constantFrom('en', 'zh', 'ar'), ({ A, B }, locale) => {
        const a = toVersion('A', A);
        const b = toVersion('B', B);
        const c = compareVersions(a, b, { locale });
        expect(applyComparison(paragraphTexts(a), c)).toEqual(paragraphTexts(b));
        expect(sideA(c)).toEqual(paragraphTexts(a));
        const idsA = new Set(A.map((p) => p.id));
        const idsB = new Set(B.map((p) => p.id));
        for (const e of c.paragraphs) {
          if (!idsA.has(e.id)) expect(e.status).toBe('added');
          if (!idsB.has(e.id)) expect(e.status).toBe('deleted');
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('cuts ops only at grapheme boundaries', () => {
    fc.assert(
      fc.property(pairArb, ({ A, B }) => {
        const c = compareVersions(toVersion('A', A), toVersion('B', B), { locale: 'zh' });
        for (const e of c.paragraphs) {
          for (const s of ['a', 'b'] as const) {
            const text = opsText(e.ops, s);
            const g = graphemeStarts(text);
            let pos = 0;
            for (const o of e.ops) {
              if (o.op === (s === 'a' ? 'insert' : 'delete')) continue;
              pos += o.text.length;
              expect(g.has(pos)).toBe(true);
            }
          }
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('identical inputs give no changes', () => {
    fc.assert(
      fc.property(pairArb, ({ A }) => {
        const c = compareVersions(toVersion('A', A), toVersion('A again', A));
        expect(c.paragraphs.every((e) => e.status === 'same' && e.ops.every((o) => o.op === 'equal'))).toBe(true);
        expect(c.stats).toMatchObject({ changed: 0, added: 0, deleted: 0, moved: 0, insertedChars: 0, deletedChars: 0 });
        expect(c.brackets.events).toEqual([]);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('recognises moved paragraphs (order change by LCS on ids)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 30 }), fc.nat(), fc.nat(), (n, from, to) => {
        const A: Para[] = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, frags: [`Paragraph ${i} text.`] }));
        const B = [...A];
        const [m] = B.splice(from % n, 1);
        B.splice(to % n, 0, m);
        const c = compareVersions(toVersion('A', A), toVersion('B', B));
        const moved = c.paragraphs.filter((e) => e.status === 'moved');
        if (from % n === to % n) expect(moved).toEqual([]);
        else {
          // One paragraph moved (LCS may name either of two swapped neighbours).
          expect(moved).toHaveLength(1);
          expect(c.stats).toMatchObject({ same: n - 1, changed: 0, added: 0, deleted: 0 });
        }
        expect(c.paragraphs.map((e) => e.id)).toEqual(B.map((p) => p.id));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

const changes = (e: ParagraphComparison) => e.ops.filter((o) => o.op !== 'equal');

describe('compareVersions: examples', () => {
  it('English: word-level, a two-word replacement reads as one change', () => {
    const a = version('Rev.1', [op('o1', 'Strongly condemns the use of information and communications technologies for criminal purposes;')]);
    const b = version('Rev.2', [op('o1', 'Firmly rejects the use of information and communications technologies for criminal purposes, including ransomware;')]);
    const [e] = compareVersions(a, b).paragraphs;
    expect(e.status).toBe('changed');
    expect(changes(e)).toEqual([
      { op: 'delete', text: 'Strongly condemns' },
      { op: 'insert', text: 'Firmly rejects' },
      { op: 'insert', text: ', including ransomware' },
    ]);
  });

  it('Chinese: 坚信 → 深信 inside a PP is one small change, not a whole-paragraph change', () => {
    const text = '坚信必须加强国际合作，以便预防和打击为犯罪目的使用信息和通信技术行为，';
    const a = version('Rev.1', [pp('pp3', text)], { language: 'zh' });
    const b = version('Rev.2', [pp('pp3', text.replace('坚信', '深信'))], { language: 'zh' });
    const [e] = compareVersions(a, b).paragraphs;
    expect(changes(e)).toEqual([
      { op: 'delete', text: '坚信' },
      { op: 'insert', text: '深信' },
    ]);
    expect(e.ops[e.ops.length - 1]).toEqual({ op: 'equal', text: text.slice(2) });
  });

  it('Chinese: an inserted word stays whole and nothing is re-spaced', () => {
    const a = version('A', [op('o1', '请秘书长向大会报告。')], { language: 'zh' });
    const b = version('B', [op('o1', '请秘书长向大会第八十届会议报告。')], { language: 'zh' });
    const [e] = compareVersions(a, b).paragraphs;
    expect(changes(e)).toEqual([{ op: 'insert', text: '第八十届会议' }]);
    expect(opsText(e.ops, 'b')).toBe('请秘书长向大会第八十届会议报告。');
  });

  it('Arabic: word-level change, paragraph rendered right to left', () => {
    const a = version('A', [pp('p1', 'إذ تشير إلى قرارها 74/247 المؤرخ 27 كانون الأول/ديسمبر 2019،')], { language: 'ar' });
    const b = version('B', [pp('p1', 'إذ تشير أيضا إلى قرارها 74/247 المؤرخ 27 كانون الأول/ديسمبر 2019،')], { language: 'ar' });
    const c = compareVersions(a, b);
    expect(c.locale).toBe('ar');
    expect(changes(c.paragraphs[0])).toEqual([{ op: 'insert', text: 'أيضا ' }]);
  });

  it('formatting-only change is a format op, and can be hidden', () => {
    const a = version('A', [pp('p1', t('Recalling', italic), ' its resolution 74/247,')]);
    const b = version('B', [pp('p1', t('Recalling', bold), ' its resolution ', t('74/247', br('x1', 'pending')), ',')]);
    const [e] = compareVersions(a, b).paragraphs;
    expect(e.status).toBe('changed');
    expect(e.formatOnly).toBe(true);
    expect(e.textChanged).toBe(false);
    expect(e.ops).toEqual([
      { op: 'format', text: 'Recalling', from: [italic], to: [bold] },
      { op: 'equal', text: ' its resolution ' },
      { op: 'format', text: '74/247', from: [], to: [br('x1', 'pending')] },
      { op: 'equal', text: ',' },
    ]);
    const hidden = compareVersions(a, b, { ignoreFormatting: true }).paragraphs[0];
    expect(hidden.status).toBe('same');
    expect(hidden.ops.every((o) => o.op === 'equal')).toBe(true);
  });

  it('a format change inside an edited paragraph sits beside the word changes', () => {
    const a = version('A', [op('o1', 'Decides to ', t('establish'), ' an ad hoc committee')]);
    const b = version('B', [op('o1', 'Decides to ', t('establish', italic), ' an open-ended ad hoc committee')]);
    const [e] = compareVersions(a, b).paragraphs;
    expect(e.ops).toEqual([
      { op: 'equal', text: 'Decides to ' },
      { op: 'format', text: 'establish', from: [], to: [italic] },
      { op: 'equal', text: ' an ' },
      { op: 'insert', text: 'open-ended ' },
      { op: 'equal', text: 'ad hoc committee' },
    ]);
  });

  it('whitespace-only changes are flagged, and can be hidden', () => {
    const a = version('A', [op('o1', 'Requests the Secretary-General  to report;')]);
    const b = version('B', [op('o1', 'Requests the Secretary-General to report ;')]);
    const [e] = compareVersions(a, b).paragraphs;
    expect(e.whitespaceOnly).toBe(true);
    expect(changes(e).every((o) => (o.op === 'insert' || o.op === 'delete') && o.whitespace)).toBe(true);
    const hidden = compareVersions(a, b, { ignoreWhitespace: true }).paragraphs[0];
    expect(hidden.status).toBe('same');
    expect(opsText(hidden.ops, 'b')).toBe('Requests the Secretary-General to report ;');
  });

  it('aligns by id, not position: inserted, deleted and moved paragraphs', () => {
    const a = version('A', [pp('pp1', 'Recalling A,'), op('o1', 'One.'), op('o2', 'Two.'), op('o3', 'Three.'), op('o4', 'Four.')]);
    const b = version('B', [pp('pp1', 'Recalling A,'), op('o3', 'Three.'), op('o1', 'One.'), op('new', 'New.'), op('o4', 'Four!')]);
    const c = compareVersions(a, b);
    const status = Object.fromEntries(c.paragraphs.map((e) => [e.id, e.status]));
    // o1 and o3 swapped: the LCS keeps one of them in place, the other moved.
    expect([status.o1, status.o3].sort()).toEqual(['moved', 'same']);
    expect(status).toMatchObject({ pp1: 'same', o2: 'deleted', new: 'added', o4: 'changed' });
    expect(c.paragraphs.filter((e) => e.b).map((e) => e.id)).toEqual(['pp1', 'o3', 'o1', 'new', 'o4']);
    expect(c.paragraphs.find((e) => e.id === 'o3')).toMatchObject({ labelFrom: 'OP3', labelTo: 'OP1' });
  });

  it('a paragraph re-created under a new id is shown as replacing the deleted one', () => {
    const text = 'Encourages Member States to strengthen technical assistance and capacity-building for developing countries';
    const a = version('A', [op('o1', 'One.'), op('old', `${text};`)]);
    const b = version('B', [op('o1', 'One.'), op('fresh', `${text}, upon request;`)]);
    const c = compareVersions(a, b);
    const fresh = c.paragraphs.find((e) => e.id === 'fresh')!;
    expect(fresh).toMatchObject({ status: 'added', replaces: 'old' });
    expect(changes(fresh)).toEqual([{ op: 'insert', text: ', upon request' }]);
    expect(c.paragraphs.find((e) => e.id === 'old')).toMatchObject({ status: 'deleted', mergedInto: 'fresh' });
    expect(applyComparison(paragraphTexts(a), c)).toEqual(paragraphTexts(b));
  });

  it('a footnote reference is one object character with its marker', () => {
    const ref = (marker: string): NodeJSON => ({ type: 'footnoteRef', attrs: { marker } });
    const a = version('A', [op('o1', 'See the report', ref('1'), '.')]);
    const b = version('B', [op('o1', 'See the report', ref('2'), '.')]);
    const [e] = compareVersions(a, b).paragraphs;
    expect(e.formatOnly).toBe(true);
    expect(e.ops[1]).toMatchObject({ op: 'format', text: '\uFFFC' });
  });
});
