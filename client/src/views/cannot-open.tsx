import { useTranslation } from 'react-i18next';

/** The page shown when a text or comparison cannot be opened from this browser, with the reason. */
export function CannotOpen({ what, reason }: { what: 'text' | 'comparison' | 'screen'; reason: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-message">
      <h1>{t(`cannotOpen.${what}`)}</h1>
      <p>{reason}</p>
      <a href="/">{t('cannotOpen.back')}</a>
    </div>
  );
}
