import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n';
import type { Command, ParagraphState, ParagraphStatus } from '@accord/shared/brackets/index';

export const STATUS_NAMES: Record<ParagraphStatus, string> = {
  open: 'open',
  informals: 'agreed in informals',
  adref: 'agreed ad ref',
  agreed: 'agreed',
  deleted: 'deleted',
  // Set only by a silence procedure (BR94): read in the interface language when shown.
  get adopted() {
    return i18next.t('silence.adoptedStatus');
  },
};

/** What the chair may choose (`adopted` comes only from a silence procedure), plus the current status. */
const choices = (current: ParagraphStatus) => (Object.keys(STATUS_NAMES) as ParagraphStatus[]).filter((s) => s !== 'adopted' || current === 'adopted');

/** "agreed in informals [pending US]", as the chair's statement records it. */
export function statusName(state: ParagraphState | null | undefined): string {
  const status = state?.status ?? 'open';
  return status === 'informals' && state?.pending ? `${STATUS_NAMES[status]} [pending ${state.pending}]` : STATUS_NAMES[status];
}

/** The chair sets a paragraph's status; "agreed in informals" may be pending a delegation. */
export function ParagraphStatusControl(props: { paragraphId: string; state: ParagraphState | undefined; run: (c: Command) => Promise<boolean> }) {
  const status = props.state?.status ?? 'open';
  const { t } = useTranslation();
  const [pending, setPending] = useState(props.state?.pending ?? '');
  const set = (next: ParagraphStatus) =>
    void props.run({ type: 'setParagraphStatus', paragraphId: props.paragraphId, status: next, ...(next === 'informals' && pending.trim() ? { pending: pending.trim() } : {}) });
  return (
    <span className="paragraph-status-control" onClick={(e) => e.stopPropagation()}>
      <select value={status} onChange={(e) => set(e.target.value as ParagraphStatus)} aria-label="Paragraph status">
        {choices(status).map((s) => (
          <option key={s} value={s} disabled={s === 'adopted'}>
            {s === 'adopted' ? t('silence.adoptedStatus') : STATUS_NAMES[s]}
          </option>
        ))}
      </select>
      {status === 'informals' && (
        <input
          className="pending-input"
          value={pending}
          placeholder="pending…"
          aria-label="Pending delegation"
          onChange={(e) => setPending(e.target.value)}
          onBlur={() => pending.trim() !== (props.state?.pending ?? '') && set('informals')}
        />
      )}
    </span>
  );
}
