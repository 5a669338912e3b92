import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, Silence } from '@accord/shared/brackets/index';
import { interfaceLocale } from '../i18n';
import { SilenceDialog, type SilenceCandidate } from './silence-dialog';
import { formatDeadline } from './silence-time';
import { silenceWhat } from './silence-words';

/** The chair's panel of the silence procedure: what runs now, and "Put under silence…" (the dialog). */
export function SilencePanel(props: {
  silences: Silence[];
  /** Read when the dialog opens (a pass over the text), not on every caret move. */
  candidates: () => SilenceCandidate[];
  /** The blocks with open brackets, named, in text order. */
  bracketed: () => string[];
  /** The paragraph the chair's caret is in: the dialog offers it first. */
  here: string | null;
  label: (paragraphId: string) => string | undefined;
  run: (c: Command) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const running = props.silences.filter((s) => s.state === 'open');
  return (
    <section className="panel silence-panel" aria-label={t('silence.panelTitle')}>
      <h3>{t('silence.panelTitle')}</h3>
      {running.map((s) => (
        <p key={s.id} className="small-text">
          {t('silence.bannerUntil', { deadline: formatDeadline(s.deadline, interfaceLocale()), what: silenceWhat(s, props.label) })}
        </p>
      ))}
      <button type="button" className="small" onClick={() => setOpen(true)}>
        {t('silence.putUnder')}
      </button>
      {open && <SilenceDialog paragraphs={props.candidates()} bracketed={props.bracketed()} preselected={props.here ?? undefined} run={props.run} onClose={() => setOpen(false)} />}
    </section>
  );
}
