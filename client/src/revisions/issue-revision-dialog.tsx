import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { documentDate } from './compare-url';
import { issueRevision, type Revision } from './revisions-api';
import { DialogButtons, ModalDialog } from './modal-dialog';
import { ReferenceCheck } from './reference-check';

/**
 * The chair freezes the text as a named revision; the server renumbers bis/ter paragraphs and the
 * paragraph references that name them, and the dialog shows first the references it cannot follow.
 */
export function IssueRevisionDialog(props: {
  sessionId: string;
  token: string;
  suggestedLabel: string;
  onIssued: (r: Revision) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(props.suggestedLabel);
  const [date, setDate] = useState(() => documentDate(new Date()));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return setError(t('issue.needsLabel'));
    setBusy(true);
    setError(null);
    try {
      props.onIssued(await issueRevision(props.sessionId, { label: label.trim(), date: date.trim() || undefined, note: note.trim() || undefined }, props.token));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={t('issue.title')} onClose={props.onClose}>
      <form className="revision-form" onSubmit={submit}>
        <p className="muted">{t('issue.explain')}</p>
        <ReferenceCheck sessionId={props.sessionId} token={props.token} />
        <label>
          {t('issue.label')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} autoFocus />
        </label>
        <label>
          {t('issue.date')}
          <input value={date} onChange={(e) => setDate(e.target.value)} maxLength={100} />
        </label>
        <label>
          {t('issue.note')} <span className="muted">{t('common.optional')}</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} rows={3} placeholder={t('issue.noteHint')} />
        </label>
        {error && <p className="error-text">{error}</p>}
        <DialogButtons label={busy ? t('issue.busy') : t('issue.title')} busy={busy} onCancel={props.onClose} />
      </form>
    </ModalDialog>
  );
}
