import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findParagraphReferences } from '../../src/references/index.js';

/** Each reference as [the phrase, its direction, its items' keys with ".." for a range's start]. */
const read = (text: string) =>
  findParagraphReferences(text).map((r) => [text.slice(r.from, r.to), r.direction, r.items.map((i) => i.key + (i.throughNext ? '..' : ''))]);

describe('findParagraphReferences: every form, in the six UN languages', () => {
  it.each([
    // English
    ['Requests the Secretary-General, pursuant to paragraph 5 above, to report', [['paragraph 5 above', 'above', ['5']]]],
    ['in accordance with paragraphs 5 and 6,', [['paragraphs 5 and 6', null, ['5', '6']]]],
    ['the measures referred to in paragraph 5 (a)', [['paragraph 5 (a)', null, ['5(a)']]]],
    ['as set out in paragraph 5 (a) (ii) below', [['paragraph 5 (a) (ii) below', 'below', ['5(a)(ii)']]]],
    ['referred to in paragraphs 3 to 5', [['paragraphs 3 to 5', null, ['3..', '5']]]],
    ['in paragraphs 3, 4 and 7 of the present resolution', [['paragraphs 3, 4 and 7', null, ['3', '4', '7']]]],
    ['as requested in paragraph 5 bis above', [['paragraph 5 bis above', 'above', ['5 bis']]]],
    ['recalled in preambular paragraph 3', [['preambular paragraph 3', null, ['PP3']]]],
    ['Paragraph 2 above and subparagraph 4 (b) below', [['Paragraph 2 above', 'above', ['2']], ['subparagraph 4 (b) below', 'below', ['4(b)']]]],
    // Chinese
    ['同时根据上文第 5 和第 6 段支持特设委员会的工作', [['上文第 5 和第 6 段', 'above', ['5', '6']]]],
    ['第 5(a) 段所述', [['第 5(a) 段', null, ['5(a)']]]],
    ['本决议第 3 至 5 段', [['本决议第 3 至 5 段', null, ['3..', '5']]]],
    ['下文第 7 段', [['下文第 7 段', 'below', ['7']]]],
    ['上文第5、第6和第8段', [['上文第5、第6和第8段', 'above', ['5', '6', '8']]]],
    // French
    ['conformément au paragraphe 5 ci-dessus', [['paragraphe 5 ci-dessus', 'above', ['5']]]],
    ['visés aux paragraphes 5 et 6', [['paragraphes 5 et 6', null, ['5', '6']]]],
    ['aux paragraphes 3 à 5 de la présente résolution', [['paragraphes 3 à 5', null, ['3..', '5']]]],
    ['au paragraphe 5 a) ci-après', [['paragraphe 5 a) ci-après', 'below', ['5(a)']]]],
    // Spanish
    ['de conformidad con el párrafo 5 supra', [['párrafo 5 supra', 'above', ['5']]]],
    ['en los párrafos 5 y 6', [['párrafos 5 y 6', null, ['5', '6']]]],
    ['en los párrafos 3 a 5 infra', [['párrafos 3 a 5 infra', 'below', ['3..', '5']]]],
    ['en el parrafo 4 (c)', [['parrafo 4 (c)', null, ['4(c)']]]],
    ['en el párrafo 4 b) supra', [['párrafo 4 b) supra', 'above', ['4(b)']]]],
    // Russian
    ['в соответствии с пунктом 5 выше', [['пунктом 5 выше', 'above', ['5']]]],
    ['указанных в пунктах 5 и 6', [['пунктах 5 и 6', null, ['5', '6']]]],
    ['в пунктах 3–5 ниже', [['пунктах 3–5 ниже', 'below', ['3..', '5']]]],
    ['в подпункте 5(a) выше', [['подпункте 5(a) выше', 'above', ['5(a)']]]],
    // Arabic, Western and Arabic-Indic digits, Arabic sub-paragraph letters
    ['وفقا للفقرة 5 أعلاه', [['للفقرة 5 أعلاه', 'above', ['5']]]],
    ['المشار إليها في الفقرتين ٥ و ٦ أعلاه', [['الفقرتين ٥ و ٦ أعلاه', 'above', ['5', '6']]]],
    ['في الفقرة ۷ (ب) أدناه', [['الفقرة ۷ (ب) أدناه', 'below', ['7(b)']]]],
    ['في الفقرات من 3 إلى 5', [['الفقرات من 3 إلى 5', null, ['3..', '5']]]],
    ['الفقرة 4 (هـ)', [['الفقرة 4 (هـ)', null, ['4(e)']]]],
    // Fullwidth digits
    ['第５段', [['第５段', null, ['5']]]],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    'paragraph 5 of resolution 74/247',
    'paragraph 5 of its resolution 74/247',
    'Paragraph 5.2 of the report',
    'the 5th paragraph',
    '大会第 78/549 号决定',
    '第 74/247 号决议第 5 段',
    '公约第 56 条第 2 段',
    '《2030年可持续发展议程》第 12 段',
    '第七十八届会议',
    'paragraphe 5 de la résolution 74/247',
    'párrafo 5 de la resolución 74/247',
    'пункт 5 резолюции 74/247',
    'пункт 5 своей резолюции 74/247',
    'الفقرة 5 من القرار 74/247',
    'paragraphs about trade',
  ])('does not read a reference to another document or no number: %s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('gives the spans of the number, the letter and the numeral as written', () => {
    const text = 'see paragraph 12 bis (b) (iii) above';
    const [ref] = findParagraphReferences(text);
    const [item] = ref.items;
    expect(text.slice(item.number.from, item.number.to)).toBe('12 bis');
    expect(text.slice(item.sub!.from, item.sub!.to)).toBe('b');
    expect(text.slice(item.subsub!.from, item.subsub!.to)).toBe('iii');
    expect(item.key).toBe('12 bis(b)(iii)');
  });

  it('on any text: never throws; references in order, apart, each holding its numbers (fast-check, fixed seed)', () => {
    const unit = fc.constantFrom('paragraph', 'paragraphs ', 'párrafo ', 'пункт ', 'الفقرة ', '上文第', '第', '段', ' ', '5', '٥', '12', ' and ', ' to ', '和', '至', ' bis', '(a)', ' b)', '(ب)', ' above', '.', '/', ',', 'x');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        let last = 0;
        for (const r of findParagraphReferences(text)) {
          expect(r.from).toBeGreaterThanOrEqual(last);
          expect(r.to).toBeGreaterThan(r.from);
          last = r.to;
          for (const item of r.items) {
            expect(item.number.from).toBeGreaterThanOrEqual(r.from);
            expect((item.subsub ?? item.sub ?? item.number).to).toBeLessThanOrEqual(r.to);
            expect(item.key).toMatch(/^(PP)?\d+/);
          }
        }
      }),
      { seed: 20261206, numRuns: 1000 },
    );
  });
});
