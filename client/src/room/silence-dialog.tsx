import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STATEMENT, type Command } from '@accord/shared/brackets/index';
import { interfaceLocale } from '../i18n';
import { DialogButtons, ModalDialog } from '../revisions/modal-dialog';
import { formatDeadline, isoWithOffset, ownTimeZone, timeZones, wallTime, zonedToEpoch } from './silence-time';

/** A paragraph the chair may put under silence: its id and label ("OP3"). */
export interface SilenceCandidate {
  id: string;
  label: string;
  /** Open brackets in it: silence adopts settled text only, so such a paragraph is not offered (BR90). */
  openBrackets: number;
}

/**
 * The chair puts the whole text, or chosen paragraphs, under silence until a date and time in a
 * time zone (its own by default); the dialog shows the deadline as the chair will read it, and
 * sends it as ISO 8601 with that zone's offset (shared/SPEC.md BR90).
 */
export function SilenceDialog(props: { paragraphs: SilenceCandidate[]; bracketed: string[]; preselected?: string; run: (c: Command) => Promise<boolean>; onClose: () => void }) {
  const { t } = useTranslation();
  const own = ownTimeZone();
  const zones = useMemo(() => timeZones([own]), [own]);
  // Tomorrow at noon, in the chair's zone: a common choice, and always in the future.
  const [initial] = useState(() => wallTime(Date.now() + 24 * 3_600_000, own));
  const [whole, setWhole] = useState(!props.preselected);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(props.preselected ? [props.preselected] : []));
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState('12:00');
  const [zone, setZone] = useState(own);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const deadline = zonedToEpoch(date, time, zone);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (deadline === null || deadline <= Date.now()) return setError(t('silence.badDate'));
    if (!whole && chosen.size === 0) return setError(t('silence.choose'));
    setBusy(true);
    const ids = props.paragraphs.map((p) => p.id).filter((id) => chosen.has(id));
    const ok = await props.run({
      type: 'silence.start',
      deadline: isoWithOffset(deadline, zone),
      ...(whole ? {} : { paragraphIds: ids }),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (ok) props.onClose();
  };
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <ModalDialog title={t('silence.dialogTitle')} onClose={props.onClose}>
      <form className="revision-form silence-form" onSubmit={(e) => void submit(e)}>
        <fieldset className="silence-scope">
          <label>
            <input type="radio" name="silence-scope" checked={whole} onChange={() => setWhole(true)} /> {t('silence.scopeWhole')}
          </label>
          <label>
            <input type="radio" name="silence-scope" checked={!whole} onChange={() => setWhole(false)} /> {t('silence.scopeParagraphs')}
          </label>
        </fieldset>
        {whole && props.bracketed.length > 0 && (
          <p className="error-text" data-testid="silence-bracketed">
            {t('silence.wholeBracketed', { paragraphs: props.bracketed.join(', ') })}
          </p>
        )}
        {!whole && (
          <fieldset className="silence-paragraphs" aria-label={t('silence.paragraphsLabel')}>
            {props.paragraphs.map((p) => (
              <label key={p.id} className={p.openBrackets ? 'muted' : undefined}>
                <input type="checkbox" checked={chosen.has(p.id)} disabled={p.openBrackets > 0} onChange={() => toggle(p.id)} /> {p.label}
                {p.openBrackets > 0 && <span className="small-text"> ({t('silence.openBrackets', { count: p.openBrackets })})</span>}
              </label>
            ))}
          </fieldset>
        )}
        <div className="silence-when">
          <label>
            {t('silence.date')}
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
          </label>
          <label>
            {t('silence.time')}
            <input type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
          </label>
          <label>
            {t('silence.timeZone')}
            <select value={zone} onChange={(e) => setZone(e.target.value)}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </label>
        </div>
        {deadline !== null && <p className="muted small-text" data-testid="silence-preview">{t('silence.deadlineYou', { deadline: formatDeadline(deadline, interfaceLocale()) })}</p>}
        <label>
          {t('silence.note')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={MAX_STATEMENT} rows={2} dir="auto" />
        </label>
        {error && <p className="error-text">{error}</p>}
        <DialogButtons label={t('silence.start')} busy={busy} disabled={whole && props.bracketed.length > 0} onCancel={props.onClose} />
      </form>
    </ModalDialog>
  );
}
