import { describe, expect, it } from 'vitest';
import { i18next } from '../../src/i18n';
import { directionOf, pickLanguage } from '../../src/i18n/languages';

describe('interface language', () => {
  it('prefers the stored choice, then the browser’s languages, then English', () => {
    expect(pickLanguage('ar', ['fr-FR'])).toBe('ar');
    expect(pickLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage('xx', ['zh-Hans-CN'])).toBe('zh');
    expect(pickLanguage(null, ['de', 'ja'])).toBe('en');
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ar-EG')).toBe('rtl');
    for (const l of ['en', 'fr', 'es', 'ru', 'zh']) expect(directionOf(l)).toBe('ltr');
  });

  it('picks the plural form each language needs', () => {
    const ar = i18next.getFixedT('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => ar('header.openBrackets', { count }))).toEqual([
      'لا أقواس مفتوحة',
      'قوس واحد مفتوح',
      'قوسان مفتوحان',
      '3 أقواس مفتوحة',
      '11 قوسًا مفتوحًا',
      '100 قوس مفتوح',
    ]);
    const ru = i18next.getFixedT('ru');
    expect([1, 3, 5, 21].map((count) => ru('header.openBrackets', { count }))).toEqual(['1 открытая', '3 открытые', '5 открытых', '21 открытая']);
  });
});
