import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, ParagraphState, ParagraphStatus } from '@accord/shared/brackets/index';

/** What the chair may choose (`adopted` comes only from a silence procedure, BR94), plus the current status. */
const STATUSES: ParagraphStatus[] = ['open', 'informals', 'adref', 'agreed', 'deleted', 'adopted'];
const choices = (current: ParagraphStatus) => STATUSES.filter((s) => s !== 'adopted' || current === 'adopted');

/** The chair sets a paragraph's status; "agreed in informals" may be pending a delegation. */
export function ParagraphStatusControl(props: { paragraphId: string; state: ParagraphState | undefined; run: (c: Command) => Promise<boolean> }) {
  const status = props.state?.status ?? 'open';
  const { t } = useTranslation();
  const [pending, setPending] = useState(props.state?.pending ?? '');
  const set = (next: ParagraphStatus) =>
    void props.run({ type: 'setParagraphStatus', paragraphId: props.paragraphId, status: next, ...(next === 'informals' && pending.trim() ? { pending: pending.trim() } : {}) });
  return (
    <span className="paragraph-status-control" onClick={(e) => e.stopPropagation()}>
      <select value={status} onChange={(e) => set(e.target.value as ParagraphStatus)} aria-label={t('paragraphStatus.label')}>
        {choices(status).map((s) => (
          <option key={s} value={s} disabled={s === 'adopted'}>
            {t(`paragraphStatus.${s}`)}
          </option>
        ))}
      </select>
      {status === 'informals' && (
        <input
          className="pending-input"
          value={pending}
          placeholder={t('paragraphStatus.pendingHint')}
          aria-label={t('paragraphStatus.pendingDelegation')}
          onChange={(e) => setPending(e.target.value)}
          onBlur={() => pending.trim() !== (props.state?.pending ?? '') && set('informals')}
        />
      )}
    </span>
  );
}
