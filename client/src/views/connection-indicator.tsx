import type { CollabSnapshot } from '../collab/collab-session';

/** connected · reconnecting · offline, plus how many local changes the server has not yet stored. */
export function ConnectionIndicator({ snapshot }: { snapshot: CollabSnapshot }) {
  const { connection, unsaved, acked, synced } = snapshot;
  const label =
    connection === 'connected'
      ? synced
        ? 'connected'
        : 'loading…'
      : connection === 'connecting'
        ? 'connecting…'
        : connection === 'reconnecting'
          ? 'reconnecting…'
          : 'offline';
  const detail =
    unsaved > 0 && acked
      ? `${unsaved} unsynced change${unsaved === 1 ? '' : 's'}`
      : connection === 'connected' && acked
        ? 'all changes saved'
        : '';
  return (
    <div className={`connection connection-${connection}`} role="status" aria-live="polite" data-unsaved={unsaved}>
      <span className="connection-dot" />
      <span className="connection-label">{label}</span>
      {detail && <span className="connection-detail">{detail}</span>}
    </div>
  );
}
