import { useTranslation } from 'react-i18next';
import { INTERFACE_LANGUAGES, LANGUAGE_AUTONYMS, interfaceLocale, setInterfaceLanguage } from '.';
import { isInterfaceLanguage } from './languages';

/** The interface language, each named in itself; the person's choice, kept in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = isInterfaceLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : interfaceLocale();
  return (
    <select
      className="language-switcher"
      aria-label={t('language.switcherLabel')}
      title={t('language.switcherLabel')}
      value={current}
      data-testid="language-switcher"
      onChange={(e) => {
        if (isInterfaceLanguage(e.target.value)) setInterfaceLanguage(e.target.value);
      }}
    >
      {INTERFACE_LANGUAGES.map((lang) => (
        <option key={lang} value={lang} lang={lang}>
          {LANGUAGE_AUTONYMS[lang]}
        </option>
      ))}
    </select>
  );
}
