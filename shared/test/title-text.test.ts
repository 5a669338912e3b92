import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlainText, renderInline, titleText } from '../src/index.js';
import { readSeed, SEED_000, SEED_001 } from './helpers.js';

const CONVENTION = '联合国打击网络犯罪（使用信息和通信技术系统实施的犯罪）公约';
const COUNTERING = 'Countering the use of information and communications technologies for criminal purposes';

/** The title line exactly as the text has it (the import keeps it whole). */
function titleLine(text: string): string {
  let line = '';
  importPlainText(text).doc.forEach((b) => {
    if (b.type.name === 'title' && !line) line = renderInline(b);
  });
  return line;
}

describe('titleText on the real texts', () => {
  it('seed 000: the [xx/xxx] placeholder is neither the title nor a symbol', () => {
    const line = titleLine(readSeed(SEED_000));
    expect(line).toBe(`[xx/xxx]. ${CONVENTION}`);
    expect(titleText(line)).toEqual({ symbol: '', title: CONVENTION });
  });

  it('seed 001: a plain title stays as it is', () => {
    expect(titleText(titleLine(readSeed(SEED_001)))).toEqual({ symbol: '', title: '打击为犯罪目的使用信息和通信技术行为' });
  });

  it('the English fixture: a plain title stays as it is', () => {
    const text = readFileSync(new URL('./fixtures/english-draft.txt', import.meta.url), 'utf8');
    expect(titleText(titleLine(text))).toEqual({ symbol: '', title: COUNTERING });
  });

  it('the import names the texts so: meta.title without the placeholder, the title line kept', () => {
    const seed000 = importPlainText(readSeed(SEED_000));
    expect(seed000.meta.title).toBe(CONVENTION);
    expect(seed000.meta.symbol).toBe('');
    const english = importPlainText(readFileSync(new URL('./fixtures/english-draft.txt', import.meta.url), 'utf8'));
    expect(english.meta).toMatchObject({ symbol: 'A/C.3/74/L.11/Rev.1', title: COUNTERING });
  });
});

describe('titleText placeholders', () => {
  it.each([
    [`[xx/xxx]. ${COUNTERING}`],
    [`[…] ${COUNTERING}`],
    [`[...]. ${COUNTERING}`],
    [`[ ] ${COUNTERING}`],
    [`[XX/XXX]: ${COUNTERING}`],
    [`［xx/xxx］．${COUNTERING}`],
    [`[__/___] ${COUNTERING}`],
  ])('%s', (line) => {
    expect(titleText(line)).toEqual({ symbol: '', title: COUNTERING });
  });

  it('a bracket with words is part of the title (a proposal), not a placeholder', () => {
    expect(titleText(`[Draft] ${COUNTERING}`)).toEqual({ symbol: '', title: `[Draft] ${COUNTERING}` });
    expect(titleText(`[日期] ${CONVENTION}`)).toEqual({ symbol: '', title: `[日期] ${CONVENTION}` });
  });

  it('a line that is only a placeholder has no title', () => {
    expect(titleText('[xx/xxx].')).toEqual({ symbol: '', title: '' });
  });
});

describe('titleText symbols and numbers', () => {
  it('a leading resolution number is the symbol', () => {
    expect(titleText(`78/243. ${COUNTERING}`)).toEqual({ symbol: '78/243', title: COUNTERING });
    expect(titleText(`74/247．${CONVENTION}`)).toEqual({ symbol: '', title: `74/247．${CONVENTION}` });
    expect(titleText(`74/247. ${CONVENTION}`)).toEqual({ symbol: '74/247', title: CONVENTION });
  });

  it('a leading UN document symbol is the symbol', () => {
    expect(titleText(`A/RES/78/243. ${COUNTERING}`)).toEqual({ symbol: 'A/RES/78/243', title: COUNTERING });
    expect(titleText(`A/C.3/74/L.11/Rev.1 — ${COUNTERING}`)).toEqual({ symbol: 'A/C.3/74/L.11/Rev.1', title: COUNTERING });
    expect(titleText('A/RES/78/243')).toEqual({ symbol: 'A/RES/78/243', title: '' });
  });

  it('words that only look like a symbol stay in the title', () => {
    expect(titleText('AIDS/HIV/TB programmes')).toEqual({ symbol: '', title: 'AIDS/HIV/TB programmes' });
    expect(titleText('The 2030 Agenda')).toEqual({ symbol: '', title: 'The 2030 Agenda' });
  });

  it('collapses the layout whitespace of a joined title line', () => {
    expect(titleText(`  [xx/xxx].\n  Countering   the use  `)).toEqual({ symbol: '', title: 'Countering the use' });
  });
});
