import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCompilationText, importPlainText } from '../../src/index.js';
import { summary } from './summary.js';

/*
 * CG10: import(exportCompilationText(import(x))) says what import(x) says: the same proposals
 * (kind, sponsors, supporters, opposers, alternatives and their groups, text), paragraph types,
 * labels and statuses, and the revision label. x is a random compilation text built from every
 * form of the grammar, in English, French and Chinese.
 */

const SPONSORS = ['EU', 'US', 'Norway', 'Japan', 'G77 and China (Sudan)', 'Canada', 'Suisse', '欧盟', 'États-Unis', 'Russian Federation'];
const sponsors = fc.uniqueArray(fc.constantFrom(...SPONSORS), { minLength: 1, maxLength: 2 }).map((s) => s.join(', '));
const WORDS = ['to act', 'the rise', 'of crime', '采取行动', 'd’agir', 'swiftly', 'all States', 'in 2030'];
const word = fc.constantFrom(...WORDS);
const DELETE = ['delete', 'supprimer', '删除'];
const RETAIN = ['retain', 'maintenir', '保留'];

const positions = fc
  .tuple(sponsors, fc.constantFrom(...DELETE, ...RETAIN), fc.option(fc.tuple(sponsors, fc.constantFrom(...DELETE, ...RETAIN)), { nil: undefined }), fc.nat(2))
  .map(([s, w, more, form]) => {
    const first = form === 0 ? `${s}: ${w}` : form === 1 ? `${w} - ${s}` : `${s} ${w}`;
    return ` [${first}${more ? `; ${more[0]} ${more[1]}` : ''}]`;
  });

const attributed = fc.tuple(sponsors, word, fc.nat(2)).map(([s, w, form]) => (form === 0 ? `[${s}: ${w}]` : form === 1 ? `[${w} - ${s}]` : `[${w} (${s})]`));
const placeholder = fc.constantFrom('[date]', '[日期]', '[xx/xxx]', '[…]', '[Deeply]');
const nested = fc.tuple(sponsors, word, word, placeholder).map(([s, a, b, p]) => `[${s}: ${a} ${p} ${b}]`);
const alternatives = fc
  .tuple(fc.constantFrom('Alt', 'Option', 'Variante', '备选案文'), fc.array(fc.option(sponsors, { nil: undefined }), { minLength: 2, maxLength: 3 }), fc.array(word, { minLength: 3, maxLength: 3 }))
  .map(([kw, who, texts]) => who.map((s, i) => `[${kw} ${i + 1}: ${s ? `${s}: ` : ''}${texts[i]}]`).join(' '));
const slash = fc.tuple(sponsors, word, sponsors, word).map(([s1, a, s2, b]) => `[${a} - ${s1} / ${b} - ${s2}]`);

const bracket = fc.tuple(fc.oneof(attributed, placeholder, nested, alternatives, slash), fc.option(positions, { nil: undefined })).map(([b, p]) => b + (p ?? ''));
const segment = fc.oneof({ weight: 2, arbitrary: word }, { weight: 3, arbitrary: bracket });
const STATUS = ['', '', ' (agreed)', ' (agreed ad ref)', ' (agreed in informals)', ' (agreed in informals, pending Japan)', ' (convenu ad referendum)', '（暂时商定）', ' (adopted under silence procedure)', '（按默许程序通过）'];
/** "[US: delete]" after a paragraph's text: a paragraph deletion (or, on a proposed paragraph, positions on it). */
const deletion = fc
  .tuple(sponsors, fc.constantFrom(...DELETE), fc.option(fc.tuple(sponsors, fc.constantFrom(...DELETE, ...RETAIN)), { nil: undefined }))
  .map(([s, w, more]) => ` [${s}: ${w}${more ? `; ${more[0]} ${more[1]}` : ''}]`);
const body = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.option(deletion, { nil: undefined }), fc.constantFrom(...STATUS))
  .map(([segs, deletion, status]) => ({ text: `${segs.join(' ')};`, end: `${deletion ?? ''}${status}` }));

/** OP n, then optionally "n bis." / "n ter." / "n alt." paragraphs, some wholly bracketed with a sponsor. */
const proposed = fc.tuple(fc.constantFrom('bis', 'ter', 'alt', 'alt 2'), fc.option(sponsors, { nil: undefined }), body);
const op = fc.tuple(body, fc.array(proposed, { maxLength: 2 }));
const pp = fc.tuple(body, fc.option(fc.tuple(sponsors, word), { nil: undefined }));

const compilation = fc
  .tuple(fc.constantFrom('', 'Rev.2\n\n', "Facilitator's compilation text, Rev.3 (as at 16:00)\n\n"), fc.array(pp, { maxLength: 2 }), fc.array(op, { minLength: 1, maxLength: 4 }))
  .map(([header, pps, ops]) => {
    const out: string[] = ['The General Assembly,'];
    pps.forEach(([text, bis], i) => {
      out.push(`Recalling ${text.text}${text.end}`);
      if (bis) out.push(`PP${i + 1} bis [${bis[0]}: Noting ${bis[1]},]`);
    });
    ops.forEach(([text, extra], i) => {
      out.push(`${i + 1}. Decides ${text.text}${text.end}`);
      for (const [suffix, who, t] of extra) out.push(`${i + 1} ${suffix}. ${who ? `[${who}: Requests ${t.text}]` : `Requests ${t.text}`}${t.end}`);
    });
    return header + out.join('\n\n');
  });

const RUNS = { seed: 20261204, numRuns: 150 };

describe('compilation text round trip (CG10)', () => {
  it('[CG10] import(export(import(x))) gives the same proposals, sponsors, positions, statuses and labels (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(compilation, (text) => {
        const first = importPlainText(text);
        // Every generated form is grammar the import understands: no warning with a place.
        expect(first.warnings.filter((w) => w.includes(', at character'))).toEqual([]);
        const written = exportCompilationText(first, first.meta);
        const second = importPlainText(written);
        expect(summary(second)).toEqual(summary(first));
        // And export is a fixed point after one round.
        expect(exportCompilationText(second, second.meta)).toBe(written);
      }),
      RUNS,
    );
  });

  it('[CG10] the export reads as a compilation text, in the language of the text', () => {
    const en = importPlainText('Rev.2\n\nThe General Assembly,\n\n1. Decides [Alt 1: to act] [Alt 2 (EU): to wait] [US: delete] (agreed ad ref)\n\n1 bis. [Canada: Requests a report] [Japan retain]\n\n2. Invites States. [US: delete]');
    expect(exportCompilationText(en, en.meta)).toBe(
      'Rev.2\n\nThe General Assembly,\n\n1. Decides [Alt 1: to act] [Alt 2 - EU: to wait] [US delete] (agreed ad ref)\n\n1 bis. [Canada: Requests a report] [Japan retain]\n\n2. Invites States. [US: delete]\n',
    );
    const zh = importPlainText('大会，\n\n1. 决定[欧盟：采取行动][美国：删除]（暂时商定）');
    expect(exportCompilationText(zh, zh.meta)).toBe('大会，\n\n1. 决定[欧盟: 采取行动] [美国 删除] (暂时商定)\n');
    const fr = importPlainText("L'Assemblée générale,\n\n1. Décide [Variante 1 : d’agir] [Variante 2 : Suisse : d’attendre] (convenu)");
    expect(exportCompilationText(fr, { ...fr.meta, language: 'fr' })).toContain('1. Décide [Variante 1: d’agir] [Variante 2 - Suisse: d’attendre] (convenu)');
    expect(exportCompilationText(fr, fr.meta)).toContain('[Alt 2 - Suisse: d’attendre] (agreed)');
  });
});
