import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { AKN_NAMESPACE, exportAkn } from '../../src/akn/export-akn.js';
import { cleanText } from '../../src/akn/clean-text.js';
import { importPlainText } from '../../src/import/import-plain-text.js';
import type { TextMeta } from '../../src/schema.js';
import { schema } from '../../src/schema.js';
import { doc, fn, ins, op, pp, t } from '../brackets/helpers.js';
import { action, type Action } from '../brackets/random-commands.js';
import { footnote, play, withNotes } from './random-state.js';

const OPTIONS = { date: '2026-12-04', name: 's1' };
const meta = (extra: Partial<TextMeta> = {}): TextMeta => ({ symbol: '', title: '', language: 'en', revisionLabel: '', ...extra });

/** Parses as XML, failing on anything the parser reports. */
function parse(xml: string): Document {
  const fail = (level: string) => (msg: string) => {
    throw new Error(`${level}: ${msg}`);
  };
  return new DOMParser({ errorHandler: { warning: fail('warning'), error: fail('error'), fatalError: fail('fatal') } }).parseFromString(xml, 'text/xml') as unknown as Document;
}

/** Characters XML 1.0 has no place for, and surrogates not in a pair. */
// eslint-disable-next-line no-control-regex -- finding exactly these is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const TEXT = [
  'A/C.3/79/L.15',
  '',
  'Cooperation & "trust" <online>',
  '',
  'The General Assembly,',
  '',
  'Recalling its resolution 74/247,1 and the work done,',
  '',
  '1. Adopts the Convention;',
  '',
  '2. Invites all States:',
  '',
  '(a) To sign it;',
  '',
  '(i) At the earliest date;',
  '',
  '(b) To ratify it;',
  '',
  'Further notes',
  '',
  '__________',
  '',
  '1 See A/74/247.',
].join('\n');

describe('exportAkn on examples', () => {
  it('writes preface, preamble with recitals, numbered paragraphs with (a) and (i), later notes as hcontainer, footnotes in place', () => {
    const imported = importPlainText(TEXT);
    const xml = exportAkn(imported.doc, imported.meta, {}, OPTIONS);
    parse(xml);
    expect(xml).toContain('<preface><p><docNumber>A/C.3/79/L.15</docNumber></p><p><docTitle>Cooperation &amp; &quot;trust&quot; &lt;online&gt;</docTitle></p></preface>');
    expect(xml).toContain(
      '<preamble><p>The General Assembly,</p><recitals><recital eId="rec_pp1"><p>Recalling its resolution 74/247,<authorialNote marker="1" placement="bottom" eId="fnt_1"><p>See A/74/247.</p></authorialNote>and the work done,</p></recital></recitals></preamble>',
    );
    expect(xml).toContain(
      '<body><paragraph eId="para_1"><num>1.</num><content><p>Adopts the Convention;</p></content></paragraph>' +
        '<paragraph eId="para_2"><num>2.</num><intro><p>Invites all States:</p></intro>' +
        '<subparagraph eId="para_2__subpara_a"><num>(a)</num><intro><p>To sign it;</p></intro>' +
        '<point eId="para_2__subpara_a__point_i"><num>(i)</num><content><p>At the earliest date;</p></content></point></subparagraph>' +
        '<subparagraph eId="para_2__subpara_b"><num>(b)</num><content><p>To ratify it;</p></content></subparagraph></paragraph>' +
        '<hcontainer name="note" eId="hcontainer_note"><content><p>Further notes</p></content></hcontainer></body>',
    );
    expect(xml).toContain('<FRBRthis value="/akn/un/bill/2026-12-04/s1/main"/><FRBRuri value="/akn/un/bill/2026-12-04/s1"/><FRBRdate date="2026-12-04" name="generation"/>');
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
  });

  it('leaves open proposals out, keeps italic and bold, names the language, takes the title from the metadata when the text has none', () => {
    const d = doc(
      pp('pp1', t('Recalling', schema.marks.italic.create()), ' its ', t('resolution', schema.marks.bold.create()), ins('n1', ' PROPOSED'), ','),
      op('op1', '决定', ins('n2', '立即'), '采取行动；'),
    );
    const xml = exportAkn(d, meta({ title: 'Title <from> meta', language: 'zh' }), {}, { date: '2026-12-04', name: 'a b/c' });
    parse(xml);
    expect(xml).not.toContain('PROPOSED');
    expect(xml).not.toContain('立即');
    expect(xml).toContain('<recital eId="rec_pp1"><p><i>Recalling</i> its <b>resolution</b>,</p></recital>');
    expect(xml).toContain('<paragraph eId="para_1"><num>1.</num><content><p>决定采取行动；</p></content></paragraph>');
    expect(xml).toContain('<p><docTitle>Title &lt;from&gt; meta</docTitle></p>');
    expect(xml).toContain('<FRBRlanguage language="zho"/>');
    expect(xml).toContain('/akn/un/bill/2026-12-04/a%20b%2Fc/zho@.akn');
    expect(exportAkn(d, meta({ language: 'xx' }), {}, OPTIONS)).toContain('<FRBRlanguage language="und"/>');
  });

  it('keeps eIds unique (a marker cited twice, equal labels) and gives a text without OPs a body', () => {
    const d = doc(pp('pp1', 'Noting', fn('1'), ' and', fn('1'), ','), footnote('1', 'A & B'));
    const xml = exportAkn(d, meta(), {}, OPTIONS);
    const parsed = parse(xml);
    expect(xml).toContain('eId="fnt_1"');
    expect(xml).toContain('eId="fnt_1_2"');
    expect(xml).toContain('<body><hcontainer name="note" eId="hcontainer_note"><content><p/></content></hcontainer></body>');
    const ids = Array.from(parsed.getElementsByTagName('*')).map((e) => e.getAttribute('eId')).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes markup characters and leaves out characters XML cannot carry', () => {
    const d = doc(op('op1', 'a < b & c > "d" \'e\' ]]> <!-- x --> \u0001\u000b\ufffe\uffff 😀 \ud83d \r\n\t end;', fn('1\t"x"')), footnote('1\t"x"', 'n'));
    const xml = exportAkn(d, meta({ symbol: 'A/<79>&"L"' }), {}, OPTIONS);
    expect(xml).not.toMatch(NOT_XML);
    const parsed = parse(xml);
    expect(parsed.getElementsByTagName('content')[0].textContent).toBe('a < b & c > "d" \'e\' ]]> <!-- x -->  😀 \ufffd \r\n\t end;n');
    expect(parsed.getElementsByTagName('authorialNote')[0].getAttribute('marker')).toBe('1\t"x"');
    expect(parsed.getElementsByTagName('docNumber')[0].textContent).toBe('A/<79>&"L"');
  });
});

/* ---- the property: well-formed XML holding every character of the clean text */

/** Characters XML can carry, surrogates aside (a pair split by an edit is written U+FFFD). */
const carried = (s: string) => s.replace(new RegExp(NOT_XML.source, 'g'), '').replace(/[\ud800-\udfff\ufffd]/g, '');

/** The text of a block of the clean text as it reads in AKN: footnote references replaced by the footnote's text. */
function readsAs(block: PMNode, notes: Map<string, string>): string {
  let s = '';
  block.forEach((c) => (s += c.isText ? c.text! : (notes.get(String(c.attrs.marker)) ?? '')));
  return carried(s);
}

/** The convergence test's text with markup characters and characters XML cannot carry in it. */
const awkward = doc(
  ...(withNotes.content.content as PMNode[]).map((b, i) => (i === 0 ? b.type.create(b.attrs, [...(b.content.content as PMNode[]), schema.text(' & <b>"x"</b> ]]> \u0007\ufffe')]) : b)),
  op('op9', "L'Assemblée & <générale> ", fn('3')),
  footnote('3', 'A/<74>&247 "see" \u0002'),
);
const text = fc.string({ unit: 'binary', maxLength: 8 });
/** The secretariat's pen types anything (proposals are checked for control characters, direct edits are not). */
const anyActions = fc.array(fc.tuple(action, text), { minLength: 5, maxLength: 40 }).map((xs) => xs.map(([a, s]): Action => (a.a === 'peerEdit' && s ? { ...a, text: s } : a)));

describe('exportAkn property (fast-check, fixed seed)', () => {
  it('is well-formed XML in the AKN namespace, with unique eIds, and holds every character of the clean text that XML can carry', () => {
    fc.assert(
      fc.property(anyActions, text, fc.constantFrom('en', 'fr', 'zh', 'ar', 'xx'), (acts, title, language) => {
        const s = play(acts, awkward);
        const m = meta({ symbol: `A/${title}`, title, language });
        const xml = exportAkn(s.doc, m, s.proposals, OPTIONS);
        expect(xml).not.toMatch(NOT_XML);
        const parsed = parse(xml);
        expect(parsed.documentElement.localName).toBe('akomaNtoso');
        expect(parsed.documentElement.namespaceURI).toBe(AKN_NAMESPACE);
        const ids = Array.from(parsed.getElementsByTagName('*')).map((e) => e.getAttribute('eId')).filter(Boolean);
        expect(new Set(ids).size).toBe(ids.length);
        const bill = parsed.getElementsByTagName('bill')[0];
        const content = carried(['preface', 'preamble', 'body'].map((tag) => bill.getElementsByTagName(tag)[0]?.textContent ?? '').join('\n'));
        const clean = cleanText(s.doc, s.proposals);
        const notes = new Map<string, string>();
        clean.forEach((b) => b.type.name === 'footnote' && notes.set(String(b.attrs.marker), readsAs(b, new Map())));
        clean.forEach((b) => {
          if (b.type.name !== 'footnote') expect(content).toContain(readsAs(b, notes));
        });
        expect(carried(parsed.getElementsByTagName('docNumber')[0].textContent!)).toBe(carried(`A/${title}`));
      }),
      { seed: 20261204, numRuns: 200 },
    );
  });
});
