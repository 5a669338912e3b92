import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyComparison, compareVersions, opsText, paragraphTexts, renderComparisonHtml, type MarkJSON, type NodeJSON, type ParagraphComparison } from '../../src/diff/index.js';
import { bold, br, italic, op, struck, t, version } from './builders.js';

/** The wording a comparison says changed: inserted and deleted text, in order. */
const wording = (e: ParagraphComparison) => ({
  inserted: e.ops.filter((o) => o.op === 'insert').map((o) => o.text).join('|'),
  deleted: e.ops.filter((o) => o.op === 'delete').map((o) => o.text).join('|'),
});
const joined = (e: ParagraphComparison) => ({
  inserted: e.ops.filter((o) => o.op === 'insert').map((o) => o.text).join(''),
  deleted: e.ops.filter((o) => o.op === 'delete').map((o) => o.text).join(''),
});

describe('compare: struck text is wording, not formatting', () => {
  // Reproduction 8: the chair accepts a deletion of 尽快 (bracketed → struck).
  const a = version('A', [op('op3', '促请所有国家', t('尽快', br('b1', 'delete')), '签署和批准《公约》')]);
  const b = version('B', [op('op3', '促请所有国家', t('尽快', struck('d1')), '签署和批准《公约》')]);

  it('an accepted deletion is a text change, and hiding formatting keeps it', () => {
    for (const ignoreFormatting of [false, true]) {
      const c = compareVersions(a, b, { ignoreFormatting, ignoreWhitespace: ignoreFormatting });
      const [e] = c.paragraphs;
      expect(e).toMatchObject({ status: 'changed', textChanged: true, formatOnly: false });
      expect(e.ops).toContainEqual({ op: 'delete', text: '尽快', marks: [br('b1', 'delete')], struck: true });
      expect(c.stats.formatOnly).toBe(0);
      // Each side still reads as its version does (struck characters are in both texts).
      expect(opsText(e.ops, 'a')).toBe('促请所有国家尽快签署和批准《公约》');
      expect(opsText(e.ops, 'b')).toBe('促请所有国家尽快签署和批准《公约》');
      expect(applyComparison(paragraphTexts(a), c)).toEqual(paragraphTexts(b));
      expect(renderComparisonHtml(c)).toMatch(/<del>[^<]*(<[^>]+>)*尽快/);
    }
  });

  it('a struck deletion taken back (text unstruck) is an insertion of wording', () => {
    const [e] = compareVersions(b, a, { ignoreFormatting: true }).paragraphs;
    expect(e.textChanged).toBe(true);
    expect(joined(e)).toEqual({ inserted: '尽快', deleted: '' });
  });

  it('hiding formatting never changes the words inserted or deleted (random docs, marks and edits)', () => {
    const MARKS: Array<MarkJSON[]> = [[], [], [italic], [bold], [struck('d1')], [br('x', 'insert')], [br('y', 'delete')], [br('y', 'delete'), struck('d2')]];
    const WORDS = ['the ', 'States ', 'shall ', '坚信', '国际', '合作', '，', '尽快', 'إذ ', 'e\u0301', ' '];
    const run = fc.record({ text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join('')), marks: fc.nat(MARKS.length - 1) });
    const para = fc.array(run, { minLength: 1, maxLength: 6 });
    const edit = fc.record({ at: fc.nat(), marks: fc.nat(MARKS.length - 1), text: fc.option(fc.constantFrom(...WORDS)), drop: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.tuple(para, fc.array(edit, { maxLength: 4 })), { minLength: 1, maxLength: 4 }), (ps) => {
        const nodes = (runs: Array<{ text: string; marks: number }>): NodeJSON[] => runs.map((r) => t(r.text, ...MARKS[r.marks]));
        const A = ps.map(([runs], i) => op(`p${i}`, ...nodes(runs)));
        const B = ps.map(([runs, edits], i) => {
          const next = runs.map((r) => ({ ...r }));
          for (const e of edits) {
            const k = e.at % next.length;
            if (e.drop && next.length > 1) next.splice(k, 1);
            else next[k] = { text: e.text ?? next[k].text, marks: e.marks };
          }
          return op(`p${i}`, ...nodes(next));
        });
        const va = version('A', A);
        const vb = version('B', B);
        const shown = compareVersions(va, vb).paragraphs;
        const hidden = compareVersions(va, vb, { ignoreFormatting: true }).paragraphs;
        expect(hidden.map(joined)).toEqual(shown.map(joined));
        expect(hidden.map((e) => e.textChanged)).toEqual(shown.map((e) => e.textChanged));
        // Where only marks changed, the words deleted are exactly those newly struck.
        ps.forEach((_, i) => {
          const chars = (n: NodeJSON) => (n.content ?? []).flatMap((x) => [...(x.text ?? '')].map((ch) => ({ ch, s: (x.marks ?? []).some((m) => m.type === 'struck') })));
          const ca = chars(A[i]);
          const cb = chars(B[i]);
          if (ca.map((c) => c.ch).join('') !== cb.map((c) => c.ch).join('')) return;
          const newlyStruck = cb.filter((c, k) => c.s && !ca[k].s).map((c) => c.ch).join('');
          expect(joined(hidden[i]).deleted).toBe(newlyStruck);
        });
        // Striking is never formatting only.
        for (const e of shown) if (e.formatOnly) expect(wording(e)).toEqual({ inserted: '', deleted: '' });
        expect(applyComparison(paragraphTexts(va), compareVersions(va, vb, { ignoreFormatting: true }))).toEqual(paragraphTexts(vb));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
