import type { Command, RoomRecords } from '@accord/shared/brackets/index';
import type { CollabSession } from '../collab/collab-session';
import { usePresence } from '../collab/use-collab';

/** User-facing words of the chair's screen controls (one place, for the locale files to come). */
export const SCREEN_TEXT = {
  title: 'Room screen',
  open: 'Open the room screen',
  openHint: 'Opens the projector view in a new window, signed in as you. To hand out a read-only link, invite an observer named "Room screen" and add /screen to its link.',
  hold: (where: string) => `Hold the screen on ${where}`,
  holdHint: 'The screen stays on this paragraph while you move about the text',
  release: (where: string) => `Release the screen (held on ${where})`,
  follows: 'The screen follows',
  chair: 'the chair',
  carets: "Delegations see each other's carets",
  caretsHint: "The chair and the secretariat always see everyone's caret; delegations always see the chair's and the secretariat's",
};

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
  const present = usePresence(props.collab);
  const held = room.screen.held;
  const followable = present.filter((u) => u.id && (u.role === 'secretariat' || u.role === 'chair') && !u.self);
  const unique = [...new Map(followable.map((u) => [u.id, u])).values()];
  return (
    <section className="panel screen-controls" aria-label={SCREEN_TEXT.title}>
      <h3>
        {SCREEN_TEXT.title} <span className="spacer" />
        <a className="small-link" href={`/s/${encodeURIComponent(props.sessionId)}/screen`} target="_blank" rel="noreferrer" title={SCREEN_TEXT.openHint}>
          {SCREEN_TEXT.open} ↗
        </a>
      </h3>
      <div className="screen-hold">
        {held ? (
          <button type="button" className="primary" onClick={() => void run({ type: 'screen.release' })}>
            {SCREEN_TEXT.release(props.label(held) ?? '…')}
          </button>
        ) : (
          <button type="button" disabled={!here} title={SCREEN_TEXT.holdHint} onClick={() => here && void run({ type: 'screen.hold', paragraphId: here.id })}>
            {SCREEN_TEXT.hold(here?.label ?? '…')}
          </button>
        )}
      </div>
      <label className="small-text screen-follow">
        {SCREEN_TEXT.follows}{' '}
        <select value={room.screen.follow ?? ''} onChange={(e) => void run({ type: 'screen.follow', participantId: e.target.value || null })}>
          <option value="">{SCREEN_TEXT.chair}</option>
          {unique.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
          {room.screen.follow && !unique.some((u) => u.id === room.screen.follow) && <option value={room.screen.follow}>{room.screen.follow}</option>}
        </select>
      </label>
      <label className="small-text screen-carets" title={SCREEN_TEXT.caretsHint}>
        <input type="checkbox" checked={room.settings.delegationCarets} onChange={(e) => void run({ type: 'settings.carets', delegations: e.target.checked })} /> {SCREEN_TEXT.carets}
      </label>
    </section>
  );
}
