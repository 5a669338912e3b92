import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openingWordsLength } from '../../src/un-layout/opening-words.js';

const opening = (text: string, language: string, kind: 'preambular' | 'operative') => text.slice(0, openingWordsLength(text, language, kind));

describe('opening words set in italics (UN Editorial Manual)', () => {
  it('English PPs: the participle or adjective phrase with what continues it', () => {
    expect(opening('Recalling its resolution 74/247,', 'en', 'preambular')).toBe('Recalling');
    expect(opening('Recalling also its resolution 65/230,', 'en', 'preambular')).toBe('Recalling also');
    expect(opening('Also recalling its resolution 65/230,', 'en', 'preambular')).toBe('Also recalling');
    expect(opening('Noting with concern the increasing rate,', 'en', 'preambular')).toBe('Noting with concern');
    expect(opening('Noting with deep concern the rate,', 'en', 'preambular')).toBe('Noting with deep concern');
    expect(opening('Taking note with appreciation of the report,', 'en', 'preambular')).toBe('Taking note with appreciation');
    expect(opening('Deeply concerned that technologies may be misused,', 'en', 'preambular')).toBe('Deeply concerned');
    expect(opening('Bearing in mind the principles,', 'en', 'preambular')).toBe('Bearing in mind');
    expect(opening('the principles of the Charter,', 'en', 'preambular')).toBe('');
  });

  it('English OPs: the verb, with an adverb before it or "note"/"upon"/"its appreciation" after it', () => {
    expect(opening('Decides to establish an ad hoc committee;', 'en', 'operative')).toBe('Decides');
    expect(opening('Also decides that the committee shall meet;', 'en', 'operative')).toBe('Also decides');
    expect(opening('Takes note of the report of the Secretary-General;', 'en', 'operative')).toBe('Takes note');
    expect(opening('Calls upon all States to sign;', 'en', 'operative')).toBe('Calls upon');
    expect(opening('Expresses its appreciation to the Government;', 'en', 'operative')).toBe('Expresses its appreciation');
    expect(opening('Strongly condemns all acts;', 'en', 'operative')).toBe('Strongly condemns');
    expect(opening('To allocate the necessary resources;', 'en', 'operative')).toBe('');
    expect(opening('[Decides] to convene;', 'en', 'operative')).toBe('');
  });

  it('French and Spanish', () => {
    expect(opening('Rappelant sa résolution 74/247,', 'fr', 'preambular')).toBe('Rappelant');
    expect(opening('Notant avec préoccupation la hausse,', 'fr', 'preambular')).toBe('Notant avec préoccupation');
    expect(opening('Rappelant également sa résolution,', 'fr', 'preambular')).toBe('Rappelant également');
    expect(opening('Décide de créer un comité;', 'fr', 'operative')).toBe('Décide');
    expect(opening('Prend note du rapport;', 'fr', 'operative')).toBe('Prend note');
    expect(opening('Décide également que le comité;', 'fr', 'operative')).toBe('Décide également');
    expect(opening('Recordando su resolución 74/247,', 'es', 'preambular')).toBe('Recordando');
    expect(opening('Observando con preocupación el aumento,', 'es', 'preambular')).toBe('Observando con preocupación');
    expect(opening('Teniendo presente los principios,', 'es', 'preambular')).toBe('Teniendo presente');
    expect(opening('Decide también establecer un comité;', 'es', 'operative')).toBe('Decide también');
    expect(opening('Toma nota del informe;', 'es', 'operative')).toBe('Toma nota');
  });

  it('Chinese, Russian and Arabic set no italics', () => {
    expect(openingWordsLength('回顾其 2019 年 12 月 27 日第 74/247 号决议，', 'zh', 'preambular')).toBe(0);
    expect(openingWordsLength('Ссылаясь на свою резолюцию,', 'ru', 'preambular')).toBe(0);
    expect(openingWordsLength('إذ تشير إلى قرارها', 'ar', 'preambular')).toBe(0);
    expect(openingWordsLength('Decides to act;', 'zh', 'operative')).toBe(0);
  });

  it('the opening words are a prefix ending at a word boundary, for any text', () => {
    fc.assert(
      fc.property(fc.constantFrom('en', 'fr', 'es'), fc.constantFrom('preambular' as const, 'operative' as const), fc.string({ maxLength: 60 }), fc.constantFrom('', 'Recalling ', 'Decides ', 'Noting with ', 'Prend note ', 'Toma '), (lang, kind, tail, head) => {
        const text = head + tail;
        const n = openingWordsLength(text, lang, kind);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(text.length);
        if (n > 0 && n < text.length) expect(/[\p{L}\p{M}]/u.test(text[n]) && /[\p{L}\p{M}]/u.test(text[n - 1])).toBe(false);
      }),
      { seed: 10, numRuns: 500 },
    );
  });
});
