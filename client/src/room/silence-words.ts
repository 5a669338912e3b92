import type { DecisionEntry, Silence } from '@accord/shared/brackets/index';
import { i18next, interfaceLocale } from '../i18n';
import { formatDeadline } from './silence-time';

/** What a silence covers, as the room names it: "OP3 and OP5", or "the whole text" (`capital`: "The text"). */
export function silenceWhat(s: Pick<Silence, 'paragraphIds'>, label: (paragraphId: string) => string | undefined, capital = false): string {
  if (!s.paragraphIds) return i18next.t(capital ? 'silence.wholeTextCap' : 'silence.wholeText');
  const names = s.paragraphIds.map((id) => label(id) ?? id);
  return new Intl.ListFormat(interfaceLocale(), { type: 'conjunction' }).format(names);
}

/** How the decision log reads a step of a silence procedure (BR96), deadline in the reader's zone. */
export function silenceSentence(d: DecisionEntry, label: (paragraphId: string) => string | undefined): string {
  const s = d.silence;
  if (!s) return d.by;
  const deadline = formatDeadline(s.deadline, interfaceLocale());
  const what = silenceWhat(s, label);
  switch (s.action) {
    case 'start':
      return i18next.t('silence.logStart', { by: d.by, what, deadline });
    case 'break':
      return i18next.t('silence.logBreak', { name: s.name ?? d.by, statement: s.statement ?? '' });
    case 'lift':
      return i18next.t('silence.logLift', { by: d.by, what });
    case 'adopt':
      return i18next.t('silence.logAdopt', { what: silenceWhat(s, label, true), deadline });
  }
}
