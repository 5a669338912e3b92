import { useTranslation } from 'react-i18next';
import type { Silence } from '@accord/shared/brackets/index';
import { interfaceLocale } from '../i18n';
import { formatDeadline } from './silence-time';
import { silenceWhat } from './silence-words';

/** The room screen's line while a silence runs: until when (in the projector's own zone), and on what. */
export function SilenceLine({ silences, label }: { silences: Silence[]; label: (paragraphId: string) => string | undefined }) {
  const { t } = useTranslation();
  const open = silences.filter((s) => s.state === 'open');
  if (!open.length) return null;
  return (
    <div className="screen-silence" data-testid="screen-silence" role="status">
      {open.map((s) => (
        <div key={s.id}>{t('silence.bannerUntil', { deadline: formatDeadline(s.deadline, interfaceLocale()), what: silenceWhat(s, label) })}</div>
      ))}
    </div>
  );
}
