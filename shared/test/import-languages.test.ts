import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportPlainText, importPlainText } from '../src/index.js';
import { blocksOf, footnoteRefs, ofType, pendingBrackets, readSeed, SEED_001 } from './helpers.js';

/** A/C.3/74/L.11/Rev.1 (seed 001) in English, shortened, with brackets and sub-paragraphs added. */
const ENGLISH = readFileSync(new URL('./fixtures/english-draft.txt', import.meta.url), 'utf8');

describe('import of an English draft', () => {
  const result = importPlainText(ENGLISH);
  const { doc } = result;
  const blocks = blocksOf(doc);

  it('reads meta: symbol from the masthead line, language en, title', () => {
    expect(result.meta).toEqual({
      symbol: 'A/C.3/74/L.11/Rev.1',
      title: 'Countering the use of information and communications technologies for criminal purposes',
      language: 'en',
      revisionLabel: '',
    });
    expect(result.removed.map((r) => r.kind)).toEqual(['symbol-header', 'footnote-separator']);
  });

  it('recognises heading lines, the sponsor list joined with a space, chapeau, 4 PPs, 4 OPs, 3 (a)-level and 2 (i)-level', () => {
    expect(ofType(doc, 'headingLine').map((b) => b.text)).toEqual([
      'Seventy-fourth session',
      'Third Committee',
      'Agenda item 107',
      'Countering the use of information and communications technologies for criminal purposes',
      'Algeria, Angola, Azerbaijan, Belarus, Bolivia (Plurinational State of), Burundi, Cambodia, China and Zimbabwe: revised draft resolution',
    ]);
    expect(ofType(doc, 'note').map((b) => b.text)).toEqual(['The General Assembly,']);
    expect(ofType(doc, 'preambular').map((b) => b.text.split(' ')[0])).toEqual(['Recalling', 'Noting', 'Bearing', 'Deeply']);
    expect(ofType(doc, 'operative', 0)).toHaveLength(4);
    expect(ofType(doc, 'operative', 1).map((b) => b.text)).toEqual([
      'To allocate the necessary resources;',
      'To report on:',
      'To support the work of the committee;',
    ]);
    expect(ofType(doc, 'operative', 2).map((b) => b.text)).toEqual(['the activities of the committee;', 'the use of resources;']);
  });

  it('joins hard-wrapped English lines with a space', () => {
    expect(ofType(doc, 'preambular')[0].text).toBe(
      'Recalling its resolution 65/230 of 21 December 2010, in which it endorsed the Salvador Declaration on Comprehensive Strategies for Global Challenges,1',
    );
    expect(ofType(doc, 'operative', 0)[1].text).toBe(
      'Decides to establish an open-ended ad hoc intergovernmental committee of experts, to elaborate a comprehensive international convention;',
    );
  });

  it('makes nested and simple brackets pending marks and ties footnotes to markers', () => {
    const pps = ofType(doc, 'preambular');
    expect(pendingBrackets(pps[1].node).map((b) => b.text)).toEqual(['increasing']);
    expect(pendingBrackets(pps[2].node).map((b) => b.text)).toEqual([
      'Being guided byIn accordance with',
      'Being guided by',
      'In accordance with',
    ]);
    expect(pps[2].text).toBe('Bearing in mind [[Being guided by][In accordance with]] the principles of the Charter,');
    expect(footnoteRefs(pps[0].node)).toEqual(['1']);
    expect(footnoteRefs(ofType(doc, 'operative', 0)[0].node)).toEqual(['2']);
    expect(ofType(doc, 'footnote').map((f) => [f.marker, f.text])).toEqual([
      ['1', 'A/CONF.213/18, chap. I, resolution 1.'],
      ['2', 'A/74/130.'],
    ]);
    expect(blocks.length).toBe(22);
  });
});

const ARABIC = `الدورة الرابعة والسبعون
اللجنة الثالثة

مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية

إن الجمعية العامة،

إذ تشير إلى قرارها 65/230 المؤرخ 21 كانون الأول/ديسمبر 2010،

وإذ تلاحظ مع القلق [تزايد] معدل الجرائم،

وإذ تؤكد على دور الأمم المتحدة،

1. تحيط علما بتقرير الأمين العام؛

2. تقرر إنشاء لجنة حكومية دولية مخصصة مفتوحة العضوية؛
`;

describe('import of an Arabic draft', () => {
  const { doc, meta } = importPlainText(ARABIC);

  it('detects Arabic, the chapeau, PPs opening with إذ / وإذ and numbered OPs', () => {
    expect(meta.language).toBe('ar');
    expect(meta.title).toBe('مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية');
    expect(ofType(doc, 'headingLine').map((b) => b.text)).toEqual(['الدورة الرابعة والسبعون', 'اللجنة الثالثة']);
    expect(ofType(doc, 'note').map((b) => b.text)).toEqual(['إن الجمعية العامة،']);
    const pps = ofType(doc, 'preambular');
    expect(pps.map((p) => p.text.split(' ')[0])).toEqual(['إذ', 'وإذ', 'وإذ']);
    expect(pendingBrackets(pps[1].node).map((b) => b.text)).toEqual(['تزايد']);
    expect(ofType(doc, 'operative').map((o) => o.text)).toEqual([
      'تحيط علما بتقرير الأمين العام؛',
      'تقرر إنشاء لجنة حكومية دولية مخصصة مفتوحة العضوية؛',
    ]);
  });
});

describe('import of French, Spanish and Russian texts', () => {
  it.each([
    ['fr', "L'Assemblée générale,\n\nRappelant sa résolution 74/247 et les travaux du Comité,\n\nNotant avec préoccupation la hausse de la criminalité,\n\n1. Décide de convoquer une session du Comité;"],
    ['es', 'La Asamblea General,\n\nRecordando su resolución 74/247 y los trabajos del Comité,\n\nObservando con preocupación el aumento de la delincuencia,\n\n1. Decide convocar un período de sesiones;'],
    ['ru', 'Генеральная Ассамблея,\n\nСсылаясь на свою резолюцию 74/247,\n\nОтмечая с обеспокоенностью рост преступности,\n\n1. постановляет созвать сессию Комитета;'],
  ])('%s: detects the language and 2 PPs, 1 OP', (language, text) => {
    const { doc, meta } = importPlainText(text);
    expect(meta.language).toBe(language);
    expect(ofType(doc, 'preambular')).toHaveLength(2);
    expect(ofType(doc, 'operative')).toHaveLength(1);
    expect(ofType(doc, 'note')).toHaveLength(1);
  });
});

describe('import recognises numbering only in a plausible sequence', () => {
  it('keeps a stray "7." as text and starts OPs at 1.', () => {
    const { doc } = importPlainText('The General Assembly,\n\nRecalling x,\n\n7. Stray paragraph,\n\n1. Decides y;\n\n2. Requests z;\n\n4. Invites w.');
    expect(ofType(doc, 'preambular').map((b) => b.text)).toEqual(['Recalling x,', '7. Stray paragraph,']);
    expect(ofType(doc, 'operative').map((b) => b.text)).toEqual(['Decides y;', 'Requests z;']);
    expect(ofType(doc, 'note').map((b) => b.text)).toEqual(['The General Assembly,', '4. Invites w.']);
  });

  it('reads Chinese fullwidth （a） and treats (i) after (h) as a letter when (j) follows, roman when (ii) follows', () => {
    const letters = 'abcdefgh'.split('').map((l) => `(${l}) item ${l};`).join('\n\n');
    const text = `大会，\n\n1. 决定：\n\n（a）第一项；\n\n2. 请：\n\n${letters}\n\n(i) item i;\n\n(j) item j;\n\n3. 又请：\n\n(a) x:\n\n(i) one;\n\n(ii) two;`;
    const { doc } = importPlainText(text);
    const ops = ofType(doc, 'operative');
    expect(ops.map((o) => o.level)).toEqual([0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 2, 2]);
    expect(ops[1].text).toBe('第一项；');
    expect(ops[11].text).toBe('item i;');
  });

  it('keeps unmatched brackets as text and warns', () => {
    const { doc, warnings } = importPlainText('大会，\n\n回顾其决议 [a 和 b] c]，');
    const pp = ofType(doc, 'preambular')[0];
    expect(pp.text).toBe('回顾其决议 [a 和 b] c]，');
    expect(pendingBrackets(pp.node).map((b) => b.text)).toEqual(['a 和 b']);
    expect(warnings).toContain('1 unmatched or empty bracket character(s) kept as plain text');
  });

  it('keeps a text with no recognisable structure as notes, and an empty text as one empty note', () => {
    const { doc, warnings } = importPlainText('Just a memo.\n\nAnother line.');
    expect(blocksOf(doc).map((b) => [b.type, b.text])).toEqual([['note', 'Just a memo.'], ['note', 'Another line.']]);
    expect(warnings[0]).toMatch(/no PP or OP recognised/);
    expect(blocksOf(importPlainText('').doc).map((b) => b.type)).toEqual(['note']);
  });

  it('removes page numbers and job numbers only when clearly artifacts', () => {
    const text = 'The General Assembly,\n\nRecalling x,\n\n19-18525 (C)\n\n2\n\n1. Decides y;\n\n3\n\n2. Requests z;';
    const result = importPlainText(text);
    expect(result.removed.map((r) => [r.line, r.kind])).toEqual([[4, 'job-number'], [6, 'page-number'], [10, 'page-number']]);
    expect(ofType(result.doc, 'operative')).toHaveLength(2);
    const single = importPlainText('The General Assembly,\n\nRecalling x,\n\n2\n\n1. Decides y;');
    expect(single.removed).toEqual([]);
  });
});

describe('import line joining follows the text’s own conventions', () => {
  it('joins a number and a CJK letter without a space in a text written "2015年4月"', () => {
    const text = '大会，\n\n回顾其2019年12月27日第74/247号决议和2020\n年5月26日第75/282号决议，';
    expect(ofType(importPlainText(text).doc, 'preambular')[0].text).toBe(
      '回顾其2019年12月27日第74/247号决议和2020年5月26日第75/282号决议，',
    );
  });

  it('reads Windows line ends exactly like Unix ones', () => {
    const unix = importPlainText(readSeed(SEED_001));
    const windows = importPlainText(readSeed(SEED_001).replace(/\n/g, '\r\n'));
    expect(exportPlainText(windows.doc)).toBe(exportPlainText(unix.doc));
  });
});
