import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainText, schema, type TextMeta } from '../../src/index.js';
import type { Proposal } from '../../src/brackets/index.js';
import { unLayout, type LayoutParagraph, type LayoutRun } from '../../src/un-layout/index.js';
import { readSeed, SEED_001 } from '../helpers.js';
import { as, del, doc, EU, ins, op, pp, t, US } from '../brackets/helpers.js';

const ENGLISH = readFileSync(new URL('../fixtures/english-draft.txt', import.meta.url), 'utf8');
const AT = Date.UTC(2026, 11, 4, 15);
const text = (p: { runs: LayoutRun[] }) => p.runs.map((r) => (r.footnote !== undefined ? `^${r.footnote}` : r.text)).join('');
const italics = (p: LayoutParagraph) => p.runs.filter((r) => r.italic && !r.annotation).map((r) => r.text).join('|');

describe('UN layout of a text', () => {
  it('English: masthead, kinds, numbers, hanging indents, italic opening words, footnotes', () => {
    const { doc: d, meta } = importPlainText(ENGLISH);
    const l = unLayout(d, meta, { mode: 'clean', at: AT });
    expect(l).toMatchObject({ language: 'en', rtl: false, page: { width: 21, height: 29.7 } });
    expect(l.masthead).toEqual({ symbol: 'A/C.3/74/L.11/Rev.1', organ: 'General Assembly', distribution: 'Distr.: Limited', date: '4 December 2026', original: 'Original: English', revision: '' });
    expect(l.paragraphs.map((p) => p.kind)).toEqual([
      'heading', 'heading', 'heading', 'agendaTitle', 'sponsors', 'title', 'chapeau',
      'preambular', 'preambular', 'preambular', 'preambular',
      'operative', 'operative', 'operative', 'operative', 'operative', 'operative', 'operative', 'operative', 'operative',
    ]);
    const title = l.paragraphs.find((p) => p.kind === 'title')!;
    expect(title.bold).toBe(true);
    const ops = l.paragraphs.filter((p) => p.kind === 'operative');
    expect(ops.map((p) => p.number)).toEqual(['1.', '2.', '3.', '(a)', '(b)', '(i)', '(ii)', '(c)', '4.']);
    expect(ops[0].indent.hanging).toBeGreaterThan(0);
    expect(ops[3].indent.start).toBeGreaterThan(ops[0].indent.start);
    expect(ops[5].indent.start).toBeGreaterThan(ops[3].indent.start);
    const pps = l.paragraphs.filter((p) => p.kind === 'preambular');
    expect(pps.map(italics)).toEqual(['Recalling', 'Noting with concern', 'Bearing in mind', 'Deeply concerned']);
    expect(ops.map(italics).slice(0, 4)).toEqual(['Takes note', 'Decides', 'Requests', '']);
    expect(italics(l.paragraphs.find((p) => p.kind === 'chapeau')!)).toBe('The General Assembly');
    expect(text(pps[0])).toMatch(/Global Challenges,\^1$/);
    expect(l.footnotes.map((f) => [f.marker, text(f)])).toEqual([['1', 'A/CONF.213/18, chap. I, resolution 1.'], ['2', 'A/74/130.']]);
    // Brackets stay bare in the clean text.
    expect(text(pps[1])).toContain('[increasing]');
  });

  it('seed 001 (Chinese): session/committee/agenda lines, sponsors, bold title, chapeau, no italics, SimSun', () => {
    const { doc: d, meta } = importPlainText(readSeed(SEED_001));
    const l = unLayout(d, meta, { mode: 'clean', at: AT });
    expect(l.paragraphs.slice(0, 7).map((p) => [p.kind, p.bold])).toEqual([
      ['heading', false], ['heading', false], ['heading', false], ['agendaTitle', true], ['sponsors', false], ['title', true], ['chapeau', false],
    ]);
    expect(l.paragraphs.some((p) => p.runs.some((r) => r.italic))).toBe(false);
    expect(l.fonts.eastAsia).toBe('SimSun');
    expect(l.masthead).toMatchObject({ date: '2026年12月4日', original: '原文：中文' });
    expect(l.footnotes).toHaveLength(5);
    expect(l.paragraphs.flatMap((p) => p.runs).filter((r) => r.footnote).map((r) => r.footnote)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('Arabic runs right to left with its numbers at the start (the right), in a font with the script', () => {
    const meta: TextMeta = { symbol: 'A/78/L.1', title: '', language: 'ar', revisionLabel: '' };
    const l = unLayout(doc(pp('p1', t('إذ تشير إلى قرارها،')), op('o1', t('تقرر إنشاء لجنة؛'))), meta, { mode: 'clean', at: AT });
    expect(l.rtl).toBe(true);
    expect(l.fonts.complex).toBe('Simplified Arabic');
    expect(l.masthead.organ).toBe('الجمعية العامة');
    expect(l.paragraphs[1]).toMatchObject({ number: '1.', indent: { hanging: 0.65 } });
    expect(l.paragraphs.some((p) => p.runs.some((r) => r.italic))).toBe(false);
  });

  it('compilation: open brackets with sponsors and positions (annotations), struck text struck; clean leaves out deleted paragraphs', () => {
    const proposals: Record<string, Proposal> = {
      n1: { id: 'n1', kind: 'insert', paragraphId: 'o1', sponsors: [as(EU)], supporters: [], opposers: [as(US)], status: 'open', createdAt: 1, updatedAt: 1 },
      n2: { id: 'n2', kind: 'delete', paragraphId: 'o2', sponsors: [as(US)], supporters: [], opposers: [], status: 'open', createdAt: 1, updatedAt: 1 },
    };
    const struck = schema.text('soon', [schema.marks.struck.create({ by: 'Chair', decision: 'd1' })]);
    const d = doc(op('o1', t('Urges States to '), ins('n1', 'sign and '), t('ratify;')), op('o2', t('Decides '), del('n2', 'unanimously '), struck, t(' to act;')));
    const meta: TextMeta = { symbol: '', title: '', language: 'en', revisionLabel: '' };
    const comp = unLayout(d, meta, { mode: 'compilation', at: AT, proposals });
    expect(text(comp.paragraphs[0])).toBe('Urges States to [sign and  - EU; US delete]ratify;');
    expect(comp.paragraphs[0].runs.find((r) => r.annotation)).toEqual({ text: 'EU; US delete', annotation: true, italic: true });
    expect(comp.paragraphs[1].runs.find((r) => r.strike)).toEqual({ text: 'soon', strike: true });
    expect(italics(comp.paragraphs[0])).toBe('Urges');
    const clean = unLayout(d, meta, { mode: 'clean', at: AT, paragraphs: { o2: { status: 'deleted' } } });
    expect(clean.paragraphs.map(text)).toEqual(['Urges States to [sign and ]ratify;']);
  });
});
