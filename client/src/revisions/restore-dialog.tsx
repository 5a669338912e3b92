import { useState } from 'react';
import { ApiError } from '../api/http';
import { ModalDialog } from './modal-dialog';
import { restoreVersion } from './revisions-api';

/** Restoring replaces everyone's live text, so the chair confirms; the server keeps the old one as a history point. */
export function RestoreDialog(props: { sessionId: string; token: string; version: { ref: string; label: string }; onRestored: () => void; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await restoreVersion(props.sessionId, props.version.ref, props.token);
      props.onRestored();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <ModalDialog title="Restore this version" onClose={props.onClose}>
      <p>
        Replace the live text with <strong>{props.version.label}</strong>? Every participant sees the restored text at once. The current live
        text is kept as a history point first, so nothing is lost.
      </p>
      {error && <p className="error-text">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={props.onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="primary danger" onClick={() => void restore()} disabled={busy}>
          {busy ? 'Restoring…' : 'Restore'}
        </button>
      </div>
    </ModalDialog>
  );
}
