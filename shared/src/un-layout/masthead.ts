import type { Masthead } from './types.js';

/**
 * The masthead lines of a UN document in each of its six languages: distribution ("Limited": a
 * draft), the date and the original language. Other languages fall back to English.
 */
const WORDING: Record<string, { distribution: string; original: string; locale: string; assembly: string }> = {
  en: { distribution: 'Distr.: Limited', original: 'Original: English', locale: 'en-GB', assembly: 'General Assembly' },
  fr: { distribution: 'Distr. limitée', original: 'Original : français', locale: 'fr-FR', assembly: 'Assemblée générale' },
  es: { distribution: 'Distr. limitada', original: 'Original: español', locale: 'es-ES', assembly: 'Asamblea General' },
  ru: { distribution: 'Ограниченное распространение', original: 'Подлинный текст: русский', locale: 'ru-RU', assembly: 'Генеральная Ассамблея' },
  zh: { distribution: 'Distr.: Limited', original: '原文：中文', locale: 'zh-CN', assembly: '大会' },
  ar: { distribution: 'Distr.: Limited', original: 'الأصل: بالعربية', locale: 'ar', assembly: 'الجمعية العامة' },
};

export function wordingFor(language: string) {
  return WORDING[language.slice(0, 2).toLowerCase()] ?? WORDING.en;
}

/** "4 December 2026", "2026年12月4日", "4 décembre 2026" (the UTC day of `at`, ms since the epoch). */
export function documentDate(at: number, language: string): string {
  const { locale } = wordingFor(language);
  // Arabic UN documents write dates with Western digits.
  const numbering = locale === 'ar' ? '-u-nu-latn' : '';
  return new Intl.DateTimeFormat(`${locale}${numbering}`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

export function masthead(symbol: string, language: string, at: number, revision: string): Masthead {
  const w = wordingFor(language);
  const organ = symbol.startsWith('A/') ? w.assembly : '';
  return { symbol, organ, distribution: w.distribution, date: documentDate(at, language), original: w.original, revision };
}
