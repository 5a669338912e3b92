import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogButtons } from '../revisions/modal-dialog';
import { MAX_STATEMENT, type Command, type Silence } from '@accord/shared/brackets/index';
import type { Identity } from '../collab/accord-messages';
import { interfaceLocale } from '../i18n';
import { formatClock, formatDeadline } from './silence-time';
import { silenceWhat } from './silence-words';

/** Ended silences are announced this long after they ended (a page opened later still reads what happened). */
const RECENT_MS = 12 * 60 * 60 * 1000;

const dismissedKey = (sessionId: string) => `accord.silence.seen.${sessionId}`;

function readDismissed(sessionId: string): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(dismissedKey(sessionId)) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

interface Props {
  sessionId: string;
  silences: Silence[];
  me: Identity;
  label: (paragraphId: string) => string | undefined;
  run: (c: Command) => Promise<boolean>;
  /** The group this delegation speaks for now ('' = itself), as everywhere else on the page. */
  onBehalfOf: string;
}

/**
 * Every participant's banner of the silence procedure (shared/SPEC.md BR90–BR94), live from the
 * room map: while a silence runs, its deadline in the reader's own time zone and what it covers,
 * "Break silence" (with a written statement) for delegations and "Lift" for the chair; once it
 * ends, who broke it and what they said, or that the text was adopted — until the reader closes it.
 */
export function SilenceBanner({ sessionId, silences, me, label, run, onBehalfOf }: Props) {
  const { t } = useTranslation();
  const locale = interfaceLocale();
  const [breaking, setBreaking] = useState<string | null>(null);
  const [statement, setStatement] = useState('');
  const [busy, setBusy] = useState(false);
  const [dismissed, setDismissed] = useState(() => readDismissed(sessionId));
  // Read once per render: "recent" needs no live clock, it only decides what a reload shows.
  const [openedAt] = useState(() => Date.now());
  const open = silences.filter((s) => s.state === 'open');
  const ended = silences
    .filter((s) => s.state !== 'open' && s.endedAt !== undefined && s.endedAt > openedAt - RECENT_MS && !dismissed.includes(s.id))
    .slice(-3)
    .reverse();
  if (!open.length && !ended.length) return null;

  const dismiss = (id: string) => {
    const next = [...dismissed, id].slice(-50);
    setDismissed(next);
    try {
      localStorage.setItem(dismissedKey(sessionId), JSON.stringify(next));
    } catch {
      // Without storage the notice comes back on reload: harmless.
    }
  };
  const send = async (s: Silence) => {
    setBusy(true);
    const done = await run({ type: 'silence.break', silenceId: s.id, statement, ...(onBehalfOf ? { onBehalfOf } : {}) });
    setBusy(false);
    if (done) {
      setBreaking(null);
      setStatement('');
    }
  };

  return (
    <div className="silence-banners" data-testid="silence-banners">
      {open.map((s) => (
        <div key={s.id} className="banner silence-banner" role="status" data-silence={s.id}>
          <div className="silence-line">
            <strong>{t('silence.bannerUntil', { deadline: formatDeadline(s.deadline, locale), what: silenceWhat(s, label) })}</strong>
            {me.role === 'delegation' && breaking !== s.id && (
              <button type="button" className="small" onClick={() => setBreaking(s.id)}>
                {t('silence.breakButton')}
              </button>
            )}
            {me.role === 'chair' && (
              <button type="button" className="small" onClick={() => void run({ type: 'silence.lift', silenceId: s.id })}>
                {t('silence.lift')}
              </button>
            )}
          </div>
          <div className="silence-hint small-text">{t('silence.bannerHint')}</div>
          {s.note && <div className="silence-note small-text" dir="auto">{t('silence.noteFrom', { name: s.name, note: s.note })}</div>}
          {breaking === s.id && (
            <form
              className="silence-break-form"
              onSubmit={(e) => {
                e.preventDefault();
                void send(s);
              }}
            >
              <label>
                {t('silence.statementLabel')}
                {onBehalfOf && <span className="muted small-text"> · {t('silence.breakAs', { name: onBehalfOf })}</span>}
                <textarea
                  value={statement}
                  onChange={(e) => setStatement(e.target.value)}
                  maxLength={MAX_STATEMENT}
                  rows={3}
                  dir="auto"
                  placeholder={t('silence.statementPlaceholder')}
                  autoFocus
                />
              </label>
              <DialogButtons label={t('silence.sendBreak')} busy={busy} disabled={!statement.trim()} onCancel={() => setBreaking(null)} />
            </form>
          )}
        </div>
      ))}
      {ended.map((s) => (
        <div key={s.id} className={`banner silence-ended silence-${s.state}`} role="alert" data-silence={s.id}>
          <span dir="auto">
            {s.state === 'broken' && s.break
              ? t('silence.broken', { name: s.break.name, time: formatClock(s.break.at, locale), statement: s.break.statement })
              : s.state === 'adopted'
                ? t('silence.adopted', { what: silenceWhat(s, label, true), time: formatClock(s.endedAt!, locale) })
                : t('silence.lifted', { time: formatClock(s.endedAt!, locale) })}
          </span>
          <button type="button" className="small" onClick={() => dismiss(s.id)}>
            {t('silence.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
