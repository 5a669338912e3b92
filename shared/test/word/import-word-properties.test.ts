import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPlainText } from '../../src/export-text.js';
import { importWord } from '../../src/import/word/import-word.js';
import type { WordChange, WordDocument, WordInline, WordParagraph, WordTable } from '../../src/import/word/word-document.js';
import { isSubsequence, significant } from '../helpers.js';
import { inlineView, note, para, run, wordDoc } from './helpers.js';

const RUNS = { seed: 20261204, numRuns: 300 };
const AUTHORS: WordChange[] = [
  { kind: 'insert', author: 'Canada' },
  { kind: 'delete', author: 'EU' },
  { kind: 'insert', author: 'Canada' },
  { kind: 'insert', author: 'Norway' },
];
/** Word writes a w:ins/w:del inside one paragraph: each paragraph has its own four changes. */
const changesFor = (paragraphs: number): WordChange[] => Array.from({ length: paragraphs }, () => AUTHORS).flat();

/* ---- every character of every Word paragraph is kept */

const piece = fc.constantFrom(
  'Recalling', 'Decides', ' the', ' rise', ' of', ' the rise', ',', ';', '.', ' ', '  ', '\t', '\n', '[', ']', '[also]', '[日期]', '[[a] b]',
  'art.1', ',1 ', '2019', '1. ', '(a) ', '大会，', '回顾', '和平', '，', '。', 'The General Assembly,', '__________', '19-18525 (C)',
  'A/C.3/74/L.11', '[x](#y)', '（a）', '１．', '\u00a0', '\u3000', '\u2028', '\f', 'x',
);
const text = fc.oneof({ weight: 5, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const inline = (paragraph: number): fc.Arbitrary<WordInline> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ text, italic: fc.boolean(), change: fc.option(fc.nat(3), { nil: undefined }) }).map(({ change, ...r }) => (change === undefined ? r : { ...r, change: paragraph * 4 + change })) },
    { weight: 1, arbitrary: fc.nat(3).map((note) => ({ note })) },
  );
const label = fc.option(fc.constantFrom('1.', '2.', '3.', '(a)', '(b)', '(i)', 'I.', 'a)'), { nil: undefined });
const table: fc.Arbitrary<WordTable> = fc.array(fc.array(text, { maxLength: 3 }), { maxLength: 3 }).map((rows) => ({ kind: 'table', rows }));
const anyDocument: fc.Arbitrary<WordDocument> = fc
  .tuple(fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant('p' as const) }, { weight: 1, arbitrary: table }), { maxLength: 12 }), fc.array(text, { maxLength: 4 }))
  .chain(([shape, footnotes]) =>
    fc
      .tuple(...shape.map((s, i) => (s === 'p' ? fc.tuple(label, fc.array(inline(i), { maxLength: 6 })).map(([l, items]) => para(l, ...items)) : fc.constant(s))))
      .map((blocks) => ({ blocks, footnotes, changes: changesFor(shape.length), warnings: [] })),
  );

/** A Word paragraph as the plain text import reads it (label, runs with tabs and breaks as spaces). */
const lineOf = (p: WordParagraph) => `${p.label ? `${p.label} ` : ''}${p.inline.map((i) => ('text' in i ? i.text.replace(/[\n\r\t\f\v\u2028\u2029]+/g, ' ') : '')).join('')}`.trim();
const LINK = /\[([^[\]\n]+)\]\((#[^()\s]*|https?:\/\/[^()\s]*)\)/g;

function checkNothingLost(word: WordDocument, r = importWord(word)): void {
  r.doc.check();
  const hay = significant(exportPlainText(r.doc));
  const added: string[] = [];
  r.doc.forEach((b) => b.attrs.added && added.push(String(b.attrs.added)));
  const required: string[][] = [];
  for (const b of word.blocks) {
    const lines = b.kind === 'table' ? b.rows.map((row) => row.join(' ')) : [lineOf(b)];
    for (const line of lines) {
      // A paragraph the import took for page layout (a job number, a rule) is named in a warning.
      if (r.warnings.some((w) => w.includes(`"${line.trim()}"`))) continue;
      const chars = significant(line.replace(LINK, '$1'));
      // A paragraph proposed as new is numbered as one ("1 bis") and the OPs after it keep the
      // numbers they had before it: with one, a label's few characters at a paragraph's start may change.
      const label = added.length ? [0, 1, 2, 3, 4, 5].find((k) => isSubsequence(chars.slice(k), hay).ok) : undefined;
      required.push(chars.slice(label ?? 0));
    }
  }
  const referenced = new Set(word.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.inline.flatMap((i) => ('note' in i ? [i.note] : [])) : [])));
  word.footnotes.forEach((f, i) => {
    if (referenced.has(i)) required.push(significant(f));
    else expect(r.warnings).toContain(`footnote ${i + 1} of the file is never referred to in the text: left out`);
  });
  // Each paragraph's characters in order, but for what the compilation grammar read as grammar
  // (an attribution, a keyword: `recognised`), which is not text.
  const pieces = r.recognised.map(significant).filter((p) => p.length > 0);
  const withoutRecognised = (chars: string[]): string[] => {
    let left = chars;
    for (const p of pieces) {
      const i = left.findIndex((_, k) => p.every((c, n) => left[k + n] === c));
      if (i >= 0) left = [...left.slice(0, i), ...left.slice(i + p.length)];
    }
    return left;
  };
  for (const all of required) {
    const chars = isSubsequence(all, hay).ok ? all : withoutRecognised(all);
    const { ok, at } = isSubsequence(chars, hay);
    if (!ok) throw new Error(`character ${at} of "${chars.join('')}" lost from ${JSON.stringify(exportPlainText(r.doc))}`);
  }
  // All of them together no more often than the text has them (labels may change when a paragraph is proposed as new).
  const count = (cs: string[]) => cs.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
  const have = count(hay);
  if (!added.length && !pieces.length) for (const [c, n] of count(required.flat())) expect(have.get(c) ?? 0, `"${c}"`).toBeGreaterThanOrEqual(n);
  // Every proposal brackets text of its change, by the change's author (a pending bracket typed in
  // the text, "[also]", is the compilation grammar's record, not a change's).
  const authors = new Set(word.changes.map((c) => c.author));
  const grammarRead = (x: (typeof r.proposals)[string]) => x.kind === 'pending' || (pieces.length > 0 && !authors.has(x.sponsors[0]?.name));
  for (const p of Object.values(r.proposals).filter((x) => !grammarRead(x))) {
    expect(p.kind === 'delete' ? p.anchorText : p.text).toBeTruthy();
    expect(['Canada', 'EU', 'Norway']).toContain(p.sponsors[0].name);
  }
}

/* ---- formatting lands on exactly the characters that carried it */

const word = fc.constantFrom('the', ' the', ' rise', ' of', ' rise of the', ' States', '和平', '的', ' ', 'a');
const cleanInline = (paragraph: number): fc.Arbitrary<WordInline> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ text: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('')), italic: fc.boolean(), change: fc.option(fc.nat(3), { nil: undefined }) }).map(({ change, ...r }) => (change === undefined ? r : { ...r, change: paragraph * 4 + change })) },
    { weight: 1, arbitrary: fc.nat(2).map((note) => ({ note })) },
  );
/** PPs whose words repeat close by, each ending with a clause's punctuation so that none is joined to the next. */
const formatted = fc.array(fc.tuple(fc.array(cleanInline(0), { maxLength: 7 }), fc.constantFrom(',', ';')), { minLength: 1, maxLength: 6 });

/** What inlineView must show for a paragraph, worked out from the Word runs alone. */
function expectedView(p: WordParagraph, changes: WordChange[], markerOf: Map<number, string>): string {
  type Token = { ch: string; tags: string } | { ref: string };
  const tokens: Token[] = [];
  for (const i of p.inline) {
    if ('note' in i) {
      if (!markerOf.has(i.note)) markerOf.set(i.note, String(markerOf.size + 1));
      tokens.push({ ref: markerOf.get(i.note)! });
      continue;
    }
    const tags = [i.italic ? 'i' : '', i.change === undefined ? '' : `${changes[i.change].kind}:${changes[i.change].author}`].filter(Boolean).join('+');
    for (const ch of i.text) tokens.push({ ch, tags });
  }
  // The import trims the paragraph; references at its ends stay at the ends.
  const chars = tokens.flatMap((t, k) => ('ch' in t && t.ch.trim() ? [k] : []));
  const kept = tokens.filter((t, k) => !('ch' in t) || (chars.length > 0 && k >= chars[0] && k <= chars[chars.length - 1]));
  let out = '';
  for (let k = 0; k < kept.length; ) {
    const t = kept[k];
    if ('ref' in t) {
      out += `^${t.ref}`;
      k++;
      continue;
    }
    let s = '';
    for (; k < kept.length && 'ch' in kept[k] && (kept[k] as { tags: string }).tags === t.tags; k++) s += (kept[k] as { ch: string }).ch;
    out += t.tags ? `${t.tags}{${s}}` : s;
  }
  return out;
}

function checkExactPlaces(paragraphs: [WordInline[], string][]): void {
  const ps = paragraphs.map(([items, end], i) =>
    para(undefined, run('Noting '), ...items.map((it) => ('change' in it && it.change !== undefined ? { ...it, change: i * 4 + (it.change % 4) } : it)), run(end)),
  );
  const word = wordDoc(ps, { changes: changesFor(ps.length), footnotes: ['A.', 'B.', 'C.'] });
  const r = importWord(word);
  const markerOf = new Map<number, string>();
  const blocks: string[] = [];
  r.doc.forEach((b) => blocks.push(b.type.name === 'footnote' ? '' : inlineView(b, r.proposals)));
  expect(blocks.slice(2, 2 + ps.length)).toEqual(ps.map((p) => expectedView(p, word.changes, markerOf)));
  // A whole paragraph inserted by one author is a proposed new paragraph, anything else is not.
  for (const p of Object.values(r.proposals)) {
    let block = null as null | { added: unknown; type: string };
    r.doc.forEach((b) => {
      if (b.attrs.id === p.paragraphId) block = { added: b.attrs.added, type: b.type.name };
    });
    expect(block).not.toBeNull();
    expect(p.kind === 'newParagraph').toBe(block!.added === p.id);
  }
  expect(r.warnings.filter((w) => !w.endsWith('never referred to in the text: left out'))).toEqual([]);
}

describe('importWord properties (fast-check, fixed seed)', () => {
  it('never loses a character: every Word paragraph, table cell and cited footnote is in the text, or named in a warning', () => {
    fc.assert(fc.property(anyDocument, (w) => checkNothingLost(w)), RUNS);
  });

  it('the check can fail: a character or a cited footnote the import would drop is caught', () => {
    const word = wordDoc([para('1.', run('Decides to act'), note(0), run(';'))], { footnotes: ['See A/74/247.'] });
    expect(() => checkNothingLost(word)).not.toThrow();
    expect(() => checkNothingLost(word, importWord(wordDoc([para('1.', run('Decides to ac'), note(0), run(';'))], { footnotes: ['See A/74/247.'] })))).toThrow(/lost/);
    expect(() => checkNothingLost(word, importWord(wordDoc([para('1.', run('Decides to act;'))])))).toThrow(/lost/);
  });

  it('puts italics, tracked changes and footnote markers on exactly the characters and places they had in Word, repeated words included', () => {
    fc.assert(fc.property(formatted, checkExactPlaces), RUNS);
  });
});
