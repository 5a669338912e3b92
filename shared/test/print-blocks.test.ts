import { describe, expect, it } from 'vitest';
import type { Proposal } from '../src/brackets/types.js';
import { importPlainText, schema } from '../src/index.js';
import { cssString, printBlocks, printDate, type PrintBlock, type PrintRun } from '../src/print/index.js';
import { alt, del, doc, fn, ins, op, pend, pp, struck, t } from './brackets/helpers.js';
import { readSeed, SEED_001 } from './helpers.js';

/** A block as a string: the italic opening words in *…*, brackets, tags in {…}, markers in ^…. */
function show(b: PrintBlock): string {
  const run = (r: PrintRun): string => {
    if (r.kind === 'text') return r.opening ? `*${r.text}*` : r.text;
    if (r.kind === 'ref') return `^${r.marker}`;
    if (r.kind === 'open') return r.alt ? `{${r.alt}}[` : '[';
    return r.tag ? `]{${r.tag}}` : ']';
  };
  return `${b.number ? `${b.number} ` : ''}${b.runs.map(run).join('').replace(/\*\*/g, '')}`;
}

const proposal = (id: string, kind: Proposal['kind'], sponsor: string, extra: Partial<Proposal> = {}): Proposal => ({
  id,
  kind,
  paragraphId: 'op1',
  sponsors: [{ name: sponsor }],
  supporters: [],
  opposers: [],
  comments: [],
  status: 'open',
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

describe('printBlocks (the print view in UN layout)', () => {
  it('seed 001: six numbered OPs, seventeen PPs, five footnotes apart, no italics in Chinese', () => {
    const { doc: d, meta } = importPlainText(readSeed(SEED_001));
    const printed = printBlocks(d, { language: meta.language });
    const ops = printed.body.filter((b) => b.type === 'operative');
    expect(ops.map((b) => b.number)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    expect(printed.body.filter((b) => b.type === 'preambular')).toHaveLength(17);
    expect(printed.footnotes.map((b) => b.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(printed.body.flatMap((b) => b.runs).some((r) => r.kind !== 'close' && r.kind !== 'open' && r.opening)).toBe(false);
    expect(show(ops[0])).toBe('1. 表示注意到根据第 73/187 号决议编写的秘书长报告；^5');
  });

  it('English: italic opening words across marks and brackets; open brackets with their sponsors as the editor shows them', () => {
    const d = doc(
      pp('pp1', t('Recalling'), ' its resolution', fn('1'), ' of 2019,'),
      pp('pp2', ins('p1', 'Deeply'), ' concerned by the rise ', pend('p0', 'date')),
      op('op1', 'Decides to ', del('p2', 'urgently '), 'establish ', alt('p3', 1, 'a committee'), alt('p4', 2, 'a working group'), struck('d1', ' gone'), ';'),
      schema.nodes.operative.create({ id: 'op1a', level: 1 }, [t('Requests that;')]),
      schema.nodes.footnote.create({ id: 'f1', marker: '1' }, [t('A/74/130.')]),
    );
    const proposals = {
      p1: proposal('p1', 'insert', 'EU'),
      p2: proposal('p2', 'delete', 'US', { opposers: [{ name: 'G77' }] }),
      p3: proposal('p3', 'alternative', 'Norway', { alt: 1, group: 'g' }),
      p4: proposal('p4', 'alternative', 'US', { alt: 2, group: 'g' }),
      p0: proposal('p0', 'pending', ''),
    };
    const printed = printBlocks(d, { language: 'en', proposals });
    expect(printed.body.map(show)).toEqual([
      '*Recalling* its resolution^1 of 2019,',
      '[*Deeply*]{EU}* concerned* by the rise [date]',
      '1. *Decides* to [urgently ]{US delete; G77 retain}establish {Alt 1}[a committee]{Norway}{Alt 2}[a working group]{US};',
      '(a) Requests that;',
    ]);
    expect(printed.footnotes.map(show)).toEqual(['1 A/74/130.']);
    // The clean print: bare brackets.
    expect(printBlocks(d, { language: 'en', proposals, sponsors: false }).body.map(show)[2]).toBe('1. *Decides* to [urgently ]establish [a committee][a working group];');
    // A decided proposal's record is no longer open: no tag.
    expect(printBlocks(d, { language: 'en', proposals: { ...proposals, p1: { ...proposals.p1, status: 'accepted' } } }).body.map(show)[1]).toBe('[*Deeply*]* concerned* by the rise [date]');
  });

  it('cssString and printDate', () => {
    expect(cssString('A/C.3/74/L.11/Rev.1')).toBe('"A/C.3/74/L.11/Rev.1"');
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
    expect(printDate('2026-12-04T18:00:00.000Z')).toBe('4 December 2026');
    expect(printDate('yesterday')).toBe('yesterday');
  });

  it('French and Spanish openings; Arabic none', () => {
    const d = doc(pp('p', t('Rappelant également sa résolution,')), op('o', t('Prie le Secrétaire général;')));
    expect(printBlocks(d, { language: 'fr' }).body.map(show)).toEqual(['*Rappelant également* sa résolution,', '1. *Prie* le Secrétaire général;']);
    const es = doc(pp('p', t('Recordando su resolución,')), op('o', t('Decide establecer;')));
    expect(printBlocks(es, { language: 'es' }).body.map(show)).toEqual(['*Recordando* su resolución,', '1. *Decide* establecer;']);
    expect(printBlocks(es, { language: 'ar' }).body.map(show)).toEqual(['Recordando su resolución,', '1. Decide establecer;']);
  });
});
