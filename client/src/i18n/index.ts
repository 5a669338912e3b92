import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';
import { directionOf, INTERFACE_LANGUAGES, isInterfaceLanguage, pickLanguage, type InterfaceLanguage } from './languages';

export { INTERFACE_LANGUAGES, LANGUAGE_AUTONYMS, directionOf, type InterfaceLanguage } from './languages';

/** The person's choice, per browser: the interface language is theirs, not the document's. */
export const LANGUAGE_KEY = 'accord.language';

function storedLanguage(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/** `<html lang dir>` follow the interface language, so the whole chrome mirrors in Arabic. */
function applyToDocument(language: string): void {
  if (typeof document === 'undefined') return; // unit tests render in Node
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

i18next.on('languageChanged', applyToDocument);

void i18next.use(initReactI18next).init({
  resources: { ar: { translation: ar }, en: { translation: en }, es: { translation: es }, fr: { translation: fr }, ru: { translation: ru }, zh: { translation: zh } },
  lng: pickLanguage(storedLanguage(), typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])),
  fallbackLng: 'en',
  supportedLngs: [...INTERFACE_LANGUAGES],
  // Resources are bundled: initialise synchronously so the first render is already translated.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** Switch the interface and remember the choice for this person (this browser). */
export function setInterfaceLanguage(language: InterfaceLanguage): void {
  if (!isInterfaceLanguage(language)) return;
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode without storage: the switch still applies to this page.
  }
  void i18next.changeLanguage(language);
}

/** The interface language now, for `Intl` formatters (dates, numbers, lists). */
export function interfaceLocale(): InterfaceLanguage {
  const current = i18next.resolvedLanguage ?? i18next.language;
  return isInterfaceLanguage(current) ? current : 'en';
}

export { i18next };
