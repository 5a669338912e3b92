import type { Node as PMNode } from '@tiptap/pm/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPlainText, importPlainText, paragraphLabels, schema } from '../src/index.js';
import { blocksOf, readSeed, SEED_000, SEED_001 } from './helpers.js';

/** What a round trip must preserve: types, levels, styles, markers, rendered texts and labels. */
function structure(doc: PMNode) {
  const labels = paragraphLabels(doc);
  return blocksOf(doc).map((b) => ({
    type: b.type,
    level: b.level,
    style: b.style,
    marker: b.marker,
    text: b.text,
    label: labels.get(b.id ?? '')?.label ?? null,
  }));
}

describe('exportPlainText', () => {
  it('writes seed 000 as UN-style text: notes, title with [xx/xxx], PPs, numbered OPs with [日期]', () => {
    const text = exportPlainText(importPlainText(readSeed(SEED_000)).doc);
    const paras = text.trimEnd().split('\n\n');
    expect(paras).toHaveLength(27);
    expect(paras[0]).toBe('拟订一项关于打击为犯罪目的使用信息和通信技术行为的全面国际公约特设委员会');
    expect(paras[5].startsWith('1. 为筹备')).toBe(true);
    expect(paras[10]).toBe('[xx/xxx]. 联合国打击网络犯罪（使用信息和通信技术系统实施的犯罪）公约');
    expect(paras[11]).toBe('大会，');
    expect(paras[12].startsWith('回顾其 2019 年 12 月 27 日')).toBe(true);
    expect(paras[16].startsWith('1. 注意到拟订')).toBe(true);
    expect(paras[17]).toContain('并直至[日期]在纽约');
    expect(paras[26].startsWith('11. 决定，为了提高')).toBe(true);
    expect(text).not.toContain('](#)');
  });

  it('writes seed 001 with footnote markers inline and footnotes at the end after a rule', () => {
    const text = exportPlainText(importPlainText(readSeed(SEED_001)).doc);
    expect(text).toContain('第 22/8 号决议，1 其中委员会欢迎');
    expect(text).toContain('\n\n1. 表示注意到根据第 73/187 号决议编写的秘书长报告；5\n\n2. 决定设立');
    expect(text.endsWith(
      '__________\n\n1 见《经济及社会理事会正式记录，2013 年，补编第 10 号》(E/2013/30)，第一章，D 节。\n\n2 第 70/174 号决议，附件。\n\n3 A/65/201、A/68/98 和 A/70/174。\n\n4 见《经济及社会理事会正式记录，2017 年，补编第 10 号》(E/2017/30)，第一章，D 节。\n\n5 A/74/130。\n',
    )).toBe(true);
  });

  it.each([SEED_000, SEED_001])('round-trips %s: import(export(doc)) has the same structure and export is stable', (name) => {
    const first = importPlainText(readSeed(name));
    const text = exportPlainText(first.doc);
    const second = importPlainText(text);
    expect(structure(second.doc)).toEqual(structure(first.doc));
    expect(second.meta).toEqual(first.meta);
    expect(exportPlainText(second.doc)).toBe(text);
  });

  it('writes sub-paragraphs and bis labels, omits struck text, brackets every bracket role, nests brackets', () => {
    const bracket = (id: string, role = 'insert') => schema.marks.bracket.create({ id, role });
    const struck = schema.marks.struck.create({ by: 'chair' });
    const doc = schema.node('doc', null, [
      schema.node('operative', { id: 'o1' }, [schema.text('Decides:')]),
      schema.node('operative', { id: 'o1a', level: 1 }, [
        schema.text('to '),
        schema.text('old ', [struck]),
        schema.text('act', [bracket('p1')]),
        schema.text(' now'),
      ]),
      schema.node('operative', { id: 'o1ai', level: 2 }, [
        schema.text('Being guided by', [bracket('outer', 'pending'), bracket('alt1', 'alt')]),
        schema.text('In accordance with', [bracket('outer', 'pending'), bracket('alt2', 'alt')]),
        schema.text(' the principles'),
      ]),
      schema.node('operative', { id: 'o1b', added: 'p9' }, [schema.text('Requests')]),
    ]);
    expect(exportPlainText(doc)).toBe(
      '1. Decides:\n\n(a) to [act] now\n\n(i) [[Being guided by][In accordance with]] the principles\n\n1 bis. Requests\n',
    );
  });

  it.each([SEED_000, SEED_001])('is a fixed point after one round trip on any slice of %s (fast-check, fixed seed)', (name) => {
    const seed = readSeed(name);
    const slice = fc
      .tuple(fc.nat({ max: seed.length }), fc.nat({ max: seed.length }))
      .map(([a, b]) => seed.slice(Math.min(a, b), Math.max(a, b)));
    fc.assert(
      fc.property(slice, (text) => {
        const once = exportPlainText(importPlainText(text).doc);
        expect(exportPlainText(importPlainText(once).doc)).toBe(once);
      }),
      { seed: 20191218, numRuns: 200 },
    );
  });
});
