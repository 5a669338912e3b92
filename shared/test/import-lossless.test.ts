import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPlainText, importPlainText, type ImportResult } from '../src/index.js';
import { isSubsequence, readSeed, SEED_000, SEED_001, significant } from './helpers.js';

/*
 * Losslessness, as defined on importPlainText: drop the lines the import reports as `removed`,
 * move the `footnoteLines` (in order) to the end, replace markdown links by their text on each
 * line; the non-whitespace characters of what remains, in order, must be a subsequence of an
 * interleaving of the non-whitespace characters of exportPlainText(doc) and of the compilation
 * grammar the import reports as `recognised` (each piece whole and in order), fullwidth ASCII
 * forms folded on both sides. Everything here is written independently of the importer, so the
 * property can really fail.
 */
const LINE_BREAK = /\r\n|[\n\r\f\v\u2028\u2029]/;
const LINK = /\[([^[\]\n]+)\]\((#[^()\s]*|https?:\/\/[^()\s]*)\)/g;

function expectedCharacters(input: string, result: ImportResult): string[] {
  const removed = new Set(result.removed.map((r) => r.line));
  const moved = new Set(result.footnoteLines);
  const lines = input.split(LINE_BREAK).map((l) => l.replace(LINK, '$1'));
  const body = lines.filter((_, i) => !removed.has(i) && !moved.has(i));
  const notes = result.footnoteLines.map((i) => lines[i]);
  return significant([...body, ...notes].join('\n'));
}

function checkLossless(input: string): void {
  const result = importPlainText(input);
  result.doc.check();
  const expected = expectedCharacters(input, result);
  const actual = significant(exportPlainText(result.doc));
  const { ok, at } = isSubsequence(expected, actual, result.recognised.map(significant));
  if (!ok) {
    throw new Error(
      `character ${at} "${expected[at]}" lost; near: ${expected.slice(Math.max(0, at - 10), at + 10).join('')}`,
    );
  }
  const ids: unknown[] = [];
  result.doc.forEach((b) => ids.push(b.attrs.id));
  expect(new Set(ids).size).toBe(ids.length);
}

const pieces = fc.constantFrom(
  '[', ']', '[]', '[日期]', '[xx/xxx]. ', '[A/AC.291/7](#)', '[x](#y)', '[[a][b]] c', '1. ', '2. ', '3. ', '7. ',
  '1.', '(a) ', '(b) ', '(h) ', '(i) ', '(ii) ', '（a）', '１．', '\n', '\n\n', '\n\n\n', ' ', '  ', '\t', '\r\n',
  '\u2028', '\f', '大会，', 'The General Assembly,', '回顾', '还回顾其 2019 年', '注意到', 'Recalling ', 'Noting ',
  'إذ تشير ', 'وإذ تلاحظ ', 'إن الجمعية العامة،', '__________________', '\n 1 见《》', '\n2 A/74/130。', '，1 ',
  '，2', '；5', '附件', '2019 年', '2000', '年', 'A/C.3/74/L.11/Rev.1', '19-18525 (C)', '3', '4/5', '。', '；', '，',
  '：订正决议草案', 'Decides', 'x', '\u0085', '\u00a0', '\ufeff', '\u3000',
  // The compilation grammar (PRODUCT.md): attributions, positions, alternatives, labels, notes.
  '[EU: ', '[G77 and China (Sudan), Norway: ', ' - US]', ' (EU)]', '[US: delete]', ' [delete - US]', '[EU, Japan retain]',
  '[G77 delete; EU retain]', '[Alt 1: ', '[Alt 2 - EU: ', '[Option 1: ', '[备选案文2：', ' / ', ' - EU / ', '5 bis. ', '3 bis.', 'PP3 bis ',
  '2 alt. ', '5 alt 2 ', ' (agreed)', ' (agreed ad ref)', '(agreed in informals, pending Japan)', '（暂时商定）', ' (convenu ad referendum)',
  '[欧盟：', '[美国：删除]', '[Note: ', 'Rev.2\n', "Facilitator's compilation text, Rev.3 (as at 16:00)\n", '[date]', '[…]',
);
const token = fc.oneof(
  { weight: 4, arbitrary: pieces },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const draft = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));

function seedSlice(seed: string) {
  return fc
    .tuple(fc.nat({ max: seed.length }), fc.nat({ max: seed.length }), fc.array(token, { maxLength: 5 }))
    .map(([a, b, noise]) => seed.slice(Math.min(a, b), Math.max(a, b)) + noise.join(''));
}

const RUNS = { seed: 20240809, numRuns: 200 };

describe('importPlainText is lossless (fast-check, fixed seed)', () => {
  it('keeps every character of both seeds', () => {
    checkLossless(readSeed(SEED_000));
    checkLossless(readSeed(SEED_001));
  });

  it('keeps every character of arbitrary drafts: brackets, numbers, Chinese, Arabic, rules, links', () => {
    fc.assert(fc.property(draft, checkLossless), RUNS);
  });

  it('keeps every character of arbitrary slices of the seeds with noise appended', () => {
    fc.assert(fc.property(seedSlice(readSeed(SEED_000) + readSeed(SEED_001)), checkLossless), RUNS);
  });

  it('keeps every character of arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkLossless), RUNS);
  });

  it('keeps every character of compilation texts: what is grammar is reported as recognised', () => {
    checkLossless(
      'Rev.2\n\n[Deeply] concerned [G77: by the rise] [EU: about the rise and diversity] of crime,\n\n' +
        '1. Decides [Alt 1: to act] [Alt 2 - EU: to consider] [US: delete] (agreed ad ref)\n\n' +
        '1 bis. [Canada: Requests [promoting sustainable - US / changing unsustainable - EU]] [G77 delete; EU retain]\n\n2. Text. [US: delete]',
    );
    const r = importPlainText('1. Decides [EU: x] [US: delete] (agreed)');
    expect(r.recognised).toEqual(['EU: ', ' ', '[US: delete]', ' (agreed)']);
  });

  it('the property can fail: grammar reported but not in the input is caught', () => {
    const input = '1. Decides [EU: x]';
    const result = importPlainText(input);
    const expected = expectedCharacters(input, result);
    const pieces = [...result.recognised, 'US: '].map(significant);
    expect(isSubsequence(expected, significant(exportPlainText(result.doc)), pieces).ok).toBe(false);
  });

  it('the property can fail: a dropped character is caught', () => {
    const input = '大会，\n\n回顾其决议，';
    const result = importPlainText(input);
    const expected = expectedCharacters(input + '丢', result);
    expect(isSubsequence(expected, significant(exportPlainText(result.doc))).ok).toBe(false);
  });
});
