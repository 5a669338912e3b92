/** The six official languages of the UN, each named in itself (how a switcher must show them). */
export const INTERFACE_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

export const LANGUAGE_AUTONYMS: Record<InterfaceLanguage, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

const RTL = new Set<string>(['ar', 'he', 'fa', 'ur']);

/** Writing direction of a language tag ("ar", "ar-EG"): for the interface and, separately, a document's text. */
export function directionOf(language: string | undefined): 'rtl' | 'ltr' {
  return language && RTL.has(language.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The interface language: the person's stored choice, else the first of the browser's languages
 * we have ("fr-CA" counts as "fr"), else English.
 */
export function pickLanguage(stored: string | null | undefined, preferred: readonly string[]): InterfaceLanguage {
  if (isInterfaceLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isInterfaceLanguage(base)) return base;
  }
  return 'en';
}
