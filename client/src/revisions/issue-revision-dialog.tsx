import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { documentDate } from './compare-url';
import { issueRevision, type Revision } from './revisions-api';
import { ModalDialog } from './modal-dialog';
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
  const [label, setLabel] = useState(props.suggestedLabel);
  const [date, setDate] = useState(() => documentDate(new Date()));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return setError('A revision needs a label, e.g. "Rev.2".');
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
    <ModalDialog title="Issue revision" onClose={props.onClose}>
      <form className="revision-form" onSubmit={submit}>
        <p className="muted">
          Freezes the whole text as it is now: brackets with their sponsors and status, paragraph statuses. New “bis” paragraphs get clean
          numbers, references to paragraphs (“paragraph 5 above”) follow them, and struck text is dropped from the live text.
        </p>
        <ReferenceCheck sessionId={props.sessionId} token={props.token} />
        <label>
          Label
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} autoFocus />
        </label>
        <label>
          Date
          <input value={date} onChange={(e) => setDate(e.target.value)} maxLength={100} />
        </label>
        <label>
          Note <span className="muted">(optional)</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} rows={3} placeholder="e.g. After the informals of 3 August" />
        </label>
        {error && <p className="error-text">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Issuing…' : 'Issue revision'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
