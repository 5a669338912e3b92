import { useTranslation } from 'react-i18next';
import type { CollabSnapshot } from '../collab/collab-session';

/** connected · reconnecting · offline, plus how many local changes the server has not yet stored. */
export function ConnectionIndicator({ snapshot }: { snapshot: CollabSnapshot }) {
  const { connection, unsaved, acked, synced } = snapshot;
  const { t } = useTranslation();
  const label =
    connection === 'connected'
      ? synced
        ? t('connection.connected')
        : t('connection.loading')
      : connection === 'connecting'
        ? t('connection.connecting')
        : connection === 'reconnecting'
          ? t('connection.reconnecting')
          : t('connection.offline');
  const detail = unsaved > 0 && acked ? t('connection.unsynced', { count: unsaved }) : connection === 'connected' && acked ? t('connection.allSaved') : '';
  return (
    <div className={`connection connection-${connection}`} role="status" aria-live="polite" data-unsaved={unsaved}>
      <span className="connection-dot" />
      <span className="connection-label">{label}</span>
      {detail && <span className="connection-detail">{detail}</span>}
    </div>
  );
}
