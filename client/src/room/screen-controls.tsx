import { useTranslation } from 'react-i18next';
import type { Command, RoomRecords } from '@accord/shared/brackets/index';
import type { CollabSession } from '../collab/collab-session';
import { usePresence } from '../collab/use-collab';

/**
 * The chair steers the room screen (shared/SPEC.md BR87–BR88): holds it on the paragraph its caret
 * is in and releases it, chooses whose position it follows, and whether delegations see each
 * other's carets. Everything goes through commands, so the screen and the server follow at once.
 */
export function ScreenControls(props: {
  sessionId: string;
  room: RoomRecords;
  /** The paragraph the chair's caret is in, and its label. */
  here: { id: string; label: string } | null;
  label: (paragraphId: string) => string | undefined;
  collab: CollabSession;
  run: (c: Command) => Promise<boolean>;
}) {
  const { room, here, run } = props;
  const { t } = useTranslation();
  const present = usePresence(props.collab);
  const held = room.screen.held;
  const followable = present.filter((u) => u.id && (u.role === 'secretariat' || u.role === 'chair') && !u.self);
  const unique = [...new Map(followable.map((u) => [u.id, u])).values()];
  return (
    <section className="panel screen-controls" aria-label={t('screen.title')}>
      <h3>
        {t('screen.title')} <span className="spacer" />
        <a className="small-link" href={`/s/${encodeURIComponent(props.sessionId)}/screen`} target="_blank" rel="noreferrer" title={t('screen.openHint')}>
          {t('screen.open')} ↗
        </a>
      </h3>
      <div className="screen-hold">
        {held ? (
          <button type="button" className="primary" onClick={() => void run({ type: 'screen.release' })}>
            {t('screen.release', { where: props.label(held) ?? '…' })}
          </button>
        ) : (
          <button type="button" disabled={!here} title={t('screen.holdHint')} onClick={() => here && void run({ type: 'screen.hold', paragraphId: here.id })}>
            {t('screen.hold', { where: here?.label ?? '…' })}
          </button>
        )}
      </div>
      <label className="small-text screen-follow">
        {t('screen.follows')}{' '}
        <select value={room.screen.follow ?? ''} onChange={(e) => void run({ type: 'screen.follow', participantId: e.target.value || null })}>
          <option value="">{t('screen.chair')}</option>
          {unique.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
          {room.screen.follow && !unique.some((u) => u.id === room.screen.follow) && <option value={room.screen.follow}>{room.screen.follow}</option>}
        </select>
      </label>
      <label className="small-text screen-carets" title={t('screen.caretsHint')}>
        <input type="checkbox" checked={room.settings.delegationCarets} onChange={(e) => void run({ type: 'settings.carets', delegations: e.target.checked })} /> {t('screen.carets')}
      </label>
    </section>
  );
}
