import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { DialogButtons, ModalDialog } from './modal-dialog';
import { restoreVersion } from './revisions-api';

/** Restoring replaces everyone's live text, so the chair confirms; the server keeps the old one as a history point. */
export function RestoreDialog(props: { sessionId: string; token: string; version: { ref: string; label: string }; onRestored: () => void; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();
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
    <ModalDialog title={t('restore.title')} onClose={props.onClose}>
      <p>
        <Trans i18nKey="restore.confirm" values={{ version: props.version.label }} components={{ strong: <strong /> }} />
      </p>
      {error && <p className="error-text">{error}</p>}
      <DialogButtons label={busy ? t('restore.busy') : t('restore.button')} busy={busy} danger onCancel={props.onClose} onConfirm={() => void restore()} />
    </ModalDialog>
  );
}
