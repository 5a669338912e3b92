import { describe, expect, it } from 'vitest';
import { importPlainText } from '../src/index.js';
import { blockOpeningWords, openingWords, type OpeningKind } from '../src/opening-words.js';
import { readSeed, SEED_000, SEED_001 } from './helpers.js';

/** The italic words of `text`, or null. */
function italic(text: string, kind: OpeningKind, language: string): string | null {
  const r = openingWords(text, kind, language);
  return r ? text.slice(r.start, r.end) : null;
}

describe('openingWords (UN Editorial Manual: italic PP openings and OP verbs)', () => {
  it.each([
    ['Recalling its resolution 73/187 of 17 December 2018,', 'Recalling'],
    ['Noting with concern the increasing rate and diversity of crimes,', 'Noting with concern'],
    ['Deeply concerned by the rise of crime in the digital world,', 'Deeply concerned'],
    ['Also recalling the report of the Group of Governmental Experts,', 'Also recalling'],
    ['Recalling also its resolution 65/230,', 'Recalling also'],
    ['Bearing in mind that information and communications technologies…', 'Bearing in mind'],
    ['Taking note with appreciation of the work of the expert group,', 'Taking note with appreciation'],
    ['Having considered the report of the Secretary-General,', 'Having considered'],
    ['Guided by the purposes and principles of the Charter,', 'Guided by'],
    ['Convinced that…', 'Convinced'],
    ['Reaffirming the importance of respect for human rights,', 'Reaffirming'],
    ['  Stressing the need', 'Stressing'],
  ])('English PP: %s', (text, words) => {
    expect(italic(text, 'PP', 'en')).toBe(words);
  });

  it.each([
    ['Decides to establish an open-ended ad hoc intergovernmental committee of experts;', 'Decides'],
    ['Requests the Secretary-General to allocate the necessary resources;', 'Requests'],
    ['Also decides that the Ad Hoc Committee shall convene a three-day organizational session;', 'Also decides'],
    ['Calls upon all States to cooperate;', 'Calls upon'],
    ['Calls on all States to cooperate;', 'Calls on'],
    ['Decides on the modalities;', 'Decides'],
    ['Takes note of the report of the Secretary-General;', 'Takes note'],
    ['Takes note with appreciation of the work;', 'Takes note with appreciation'],
    ['Strongly condemns all acts;', 'Strongly condemns'],
    ['Invites donor countries to provide assistance;', 'Invites'],
    ['Decides to include in the provisional agenda of its seventy-fifth session the item;', 'Decides'],
  ])('English OP: %s', (text, words) => {
    expect(italic(text, 'OP', 'en')).toBe(words);
  });

  it.each([
    ['PP', 'Rappelant sa résolution 73/187 du 17 décembre 2018,', 'Rappelant'],
    ['PP', 'Rappelant également le rapport du Groupe d’experts gouvernementaux,', 'Rappelant également'],
    ['PP', 'Notant avec préoccupation l’augmentation de la criminalité,', 'Notant avec préoccupation'],
    ['PP', 'Profondément préoccupée par la hausse de la criminalité,', 'Profondément préoccupée'],
    ['PP', 'Prenant note de la résolution 26/4,', 'Prenant note'],
    ['PP', 'Se félicitant des travaux du Groupe d’experts,', 'Se félicitant'],
    ['PP', 'Consciente de l’importance du respect des droits de l’homme,', 'Consciente'],
    ['PP', 'Ayant examiné le rapport du Secrétaire général,', 'Ayant examiné'],
    ['OP', 'Décide de créer un comité intergouvernemental spécial d’experts;', 'Décide'],
    ['OP', 'Prie le Secrétaire général d’allouer les ressources nécessaires;', 'Prie'],
    ['OP', 'Décide également que le Comité spécial tiendra une session d’organisation;', 'Décide également'],
    ['OP', 'Prend note avec satisfaction du rapport;', 'Prend note avec satisfaction'],
    ['OP', "S'inquiète de la hausse de la criminalité;", "S'inquiète"],
  ] as const)('French %s: %s', (kind, text, words) => {
    expect(italic(text, kind, 'fr')).toBe(words);
  });

  it.each([
    ['PP', 'Recordando su resolución 73/187, de 17 de diciembre de 2018,', 'Recordando'],
    ['PP', 'Recordando también el informe del Grupo de Expertos Gubernamentales,', 'Recordando también'],
    ['PP', 'Observando con preocupación el aumento de la delincuencia,', 'Observando con preocupación'],
    ['PP', 'Profundamente preocupada por el aumento de la delincuencia,', 'Profundamente preocupada'],
    ['PP', 'Teniendo presente que…', 'Teniendo presente'],
    ['PP', 'Tomando nota de la resolución 26/4,', 'Tomando nota'],
    ['PP', 'Habiendo examinado el informe del Secretario General,', 'Habiendo examinado'],
    ['OP', 'Decide establecer un comité intergubernamental especial de expertos;', 'Decide'],
    ['OP', 'Solicita al Secretario General que asigne los recursos necesarios;', 'Solicita'],
    ['OP', 'Decide también que el Comité Especial celebre un período de sesiones;', 'Decide también'],
    ['OP', 'Acoge con beneplácito la labor;', 'Acoge con beneplácito'],
    ['OP', 'Toma nota del informe del Secretario General;', 'Toma nota'],
  ] as const)('Spanish %s: %s', (kind, text, words) => {
    expect(italic(text, kind, 'es')).toBe(words);
  });

  it('only whole words and a capital first letter count', () => {
    expect(italic('Recallingly, it was', 'PP', 'en')).toBeNull();
    expect(italic('recalling its resolution', 'PP', 'en')).toBeNull();
    expect(italic('The General Assembly,', 'PP', 'en')).toBeNull();
    expect(italic('to submit a report;', 'OP', 'en')).toBeNull();
    expect(italic('Noting with', 'PP', 'en')).toBe('Noting');
    expect(italic('', 'PP', 'en')).toBeNull();
  });

  it('a region subtag is ignored; Chinese, Russian and Arabic (and unknown languages) set no italics', () => {
    expect(italic('Recalling its resolution', 'PP', 'en-GB')).toBe('Recalling');
    expect(italic('Rappelant sa résolution', 'PP', 'FR')).toBe('Rappelant');
    for (const lang of ['zh', 'ru', 'ar', 'de', '']) {
      expect(openingWords('Recalling its resolution', 'PP', lang)).toBeNull();
      expect(openingWords('Decides to establish', 'OP', lang)).toBeNull();
    }
    expect(openingWords('Ссылаясь на свою резолюцию', 'PP', 'ru')).toBeNull();
    expect(openingWords('إذ تشير إلى قرارها', 'PP', 'ar')).toBeNull();
  });

  it('blockOpeningWords: PPs and top-level OPs only', () => {
    expect(blockOpeningWords('preambular', 0, 'Recalling x', 'en')).toEqual({ start: 0, end: 9 });
    expect(blockOpeningWords('operative', 0, 'Decides x', 'en')).toEqual({ start: 0, end: 7 });
    expect(blockOpeningWords('operative', 1, 'Decides x', 'en')).toBeNull();
    expect(blockOpeningWords('note', 0, 'Recalling x', 'en')).toBeNull();
    expect(blockOpeningWords('title', 0, 'Recalling x', 'en')).toBeNull();
  });

  it.each([SEED_000, SEED_001])('seed %s (Chinese) gets no italics, in its own language or read as English', (seed) => {
    const { doc, meta } = importPlainText(readSeed(seed));
    expect(meta.language).toBe('zh');
    let paragraphs = 0;
    doc.forEach((b) => {
      if (b.type.name !== 'preambular' && b.type.name !== 'operative') return;
      paragraphs++;
      for (const lang of [meta.language, 'en', 'fr', 'es']) expect(blockOpeningWords(b.type.name, Number(b.attrs.level ?? 0), b.textContent, lang)).toBeNull();
    });
    expect(paragraphs).toBeGreaterThan(10);
  });

  it('seed 001 in English (A/C.3/74/L.11/Rev.1): every PP opening and OP verb', () => {
    const text = [
      'The General Assembly,',
      'Noting that, while information and communications technologies have enormous potential for the development of States, they create new opportunities for perpetrators,',
      'Noting with concern the increasing rate and complexity of crimes,',
      'Expressing concern at the increasing rate and diversity of crimes committed in the digital world,',
      'Recognizing that criminals of all kinds, including traffickers, are using information and communications technologies,',
      'Stressing the need to enhance coordination and cooperation among States,',
      '1. Takes note of the report of the Secretary-General;',
      '2. Decides to establish an open-ended ad hoc intergovernmental committee of experts;',
      '3. Also decides that the Ad Hoc Committee shall convene a three-day organizational session;',
      '4. Requests the Secretary-General to allocate the necessary resources;',
      '5. Invites donor countries to provide assistance to the United Nations;',
      '6. Decides to consider the matter at its seventy-fifth session.',
    ].join('\n\n');
    const { doc } = importPlainText(text);
    const got: string[] = [];
    doc.forEach((b) => {
      const r = blockOpeningWords(b.type.name, Number(b.attrs.level ?? 0), b.textContent, 'en');
      if (r) got.push(`${b.type.name === 'preambular' ? 'PP' : 'OP'} ${b.textContent.slice(r.start, r.end)}`);
    });
    expect(got).toEqual([
      'PP Noting',
      'PP Noting with concern',
      'PP Expressing',
      'PP Recognizing',
      'PP Stressing',
      'OP Takes note',
      'OP Decides',
      'OP Also decides',
      'OP Requests',
      'OP Invites',
      'OP Decides',
    ]);
  });
});
