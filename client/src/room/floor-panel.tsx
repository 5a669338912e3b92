import { useState } from 'react';
import type { Command, FloorRequest, FloorState } from '@accord/shared/brackets/index';
import type { Identity } from '../collab/accord-messages';
import type { CaretPlace } from './use-caret-place';

/** User-facing words of the floor panel (one place, for the locale files to come). */
export const FLOOR_TEXT = {
  title: 'The floor',
  speakers: "Speakers' list",
  empty: 'Nobody has asked for the floor.',
  ask: 'Ask for the floor',
  askOn: 'on',
  onText: 'the text in general',
  onBracket: (who: string, where: string) => `the bracket of ${who} in ${where}`,
  withdraw: 'Withdraw my request',
  waiting: (n: number) => `You are number ${n} on the list.`,
  speakingYou: 'You have the floor.',
  give: 'Give the floor',
  giveNext: 'Give the floor to the next speaker',
  end: 'End',
  endTurn: (name: string) => `End ${name}'s turn`,
  up: 'Move up',
  down: 'Move down',
  remove: 'Remove',
  removeFrom: (name: string) => `Remove ${name} from the list`,
  asked: 'asked',
};

interface Props {
  floor: FloorState;
  me: Identity;
  /** Where this person's caret is: what a request may be about. */
  place: CaretPlace | null;
  label: (paragraphId: string) => string | undefined;
  run: (c: Command) => Promise<boolean>;
}

/**
 * The speakers' list (shared/SPEC.md BR80–BR85). A delegation asks for the floor, on the text,
 * its current paragraph or the bracket its caret is in, and withdraws its own request; the chair
 * gives the floor, ends a turn, orders and removes. The server enforces the same rules.
 */
export function FloorPanel({ floor, me, place, label, run }: Props) {
  const chair = me.role === 'chair';
  const delegation = me.role === 'delegation';
  const mine = floor.queue.findIndex((r) => r.id === me.id);
  const where = (r: Pick<FloorRequest, 'paragraphId'>) => (r.paragraphId ? label(r.paragraphId) : undefined);
  const move = (i: number, by: number) => {
    const order = floor.queue.map((r) => r.id);
    [order[i], order[i + by]] = [order[i + by], order[i]];
    void run({ type: 'floor.order', order });
  };
  return (
    <section className="panel floor-panel" aria-label={FLOOR_TEXT.title}>
      <h3>
        {FLOOR_TEXT.speakers} <span className="count">{floor.queue.length}</span>
      </h3>
      {floor.speaking && chair && (
        <div className="floor-speaking">
          <span>
            🎙 <strong>{floor.speaking.name}</strong>
            {where(floor.speaking) && <span className="muted"> · {where(floor.speaking)}</span>}
          </span>
          <button type="button" className="small" onClick={() => void run({ type: 'floor.end' })} title={FLOOR_TEXT.endTurn(floor.speaking.name)}>
            {FLOOR_TEXT.end}
          </button>
        </div>
      )}
      {floor.speaking?.id === me.id && <p className="floor-you">{FLOOR_TEXT.speakingYou}</p>}
      {floor.queue.length === 0 ? (
        <p className="muted small-text">{FLOOR_TEXT.empty}</p>
      ) : (
        <ol className="floor-queue">
          {floor.queue.map((r, i) => (
            <li key={r.id} className={r.id === me.id ? 'mine' : undefined} data-participant={r.id}>
              <span className="floor-name">
                <strong>{r.name}</strong>
                {where(r) && <span className="muted"> · {where(r)}</span>}
              </span>
              {chair && (
                <span className="floor-actions">
                  <button type="button" className="small primary" onClick={() => void run({ type: 'floor.give', participantId: r.id })} title={FLOOR_TEXT.give}>
                    {FLOOR_TEXT.give}
                  </button>
                  <button type="button" className="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${FLOOR_TEXT.up}: ${r.name}`}>
                    ↑
                  </button>
                  <button type="button" className="small" disabled={i === floor.queue.length - 1} onClick={() => move(i, 1)} aria-label={`${FLOOR_TEXT.down}: ${r.name}`}>
                    ↓
                  </button>
                  <button type="button" className="small" onClick={() => void run({ type: 'floor.remove', participantId: r.id })} aria-label={FLOOR_TEXT.removeFrom(r.name)}>
                    ✕
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {chair && floor.queue.length > 0 && (
        <button type="button" className="primary floor-next" onClick={() => void run({ type: 'floor.give' })}>
          {FLOOR_TEXT.giveNext}
        </button>
      )}
      {delegation && mine >= 0 && (
        <div className="floor-mine">
          <span className="small-text">{FLOOR_TEXT.waiting(mine + 1)}</span>
          <button type="button" className="small" onClick={() => void run({ type: 'floor.withdraw' })}>
            {FLOOR_TEXT.withdraw}
          </button>
        </div>
      )}
      {delegation && mine < 0 && floor.speaking?.id !== me.id && <AskForTheFloor place={place} label={label} run={run} />}
    </section>
  );
}

/** "Ask for the floor on [the text in general | OP3 | the bracket of EU in OP3]". */
function AskForTheFloor({ place, label, run }: Pick<Props, 'place' | 'label' | 'run'>) {
  const [on, setOn] = useState<'text' | 'paragraph' | 'bracket'>('paragraph');
  const paragraph = place?.paragraphId ? label(place.paragraphId) : undefined;
  const choice = on === 'bracket' && place?.proposalId ? 'bracket' : on !== 'text' && paragraph ? 'paragraph' : 'text';
  const ask = () => {
    const command: Command =
      choice === 'bracket' && place?.proposalId
        ? { type: 'floor.request', proposalId: place.proposalId }
        : choice === 'paragraph' && place?.paragraphId
          ? { type: 'floor.request', paragraphId: place.paragraphId }
          : { type: 'floor.request' };
    void run(command);
  };
  return (
    <div className="floor-ask">
      <button type="button" className="primary" onClick={ask}>
        {FLOOR_TEXT.ask}
      </button>
      <label className="small-text">
        {FLOOR_TEXT.askOn}{' '}
        <select value={choice} onChange={(e) => setOn(e.target.value as typeof on)} aria-label={FLOOR_TEXT.askOn}>
          <option value="text">{FLOOR_TEXT.onText}</option>
          {paragraph && <option value="paragraph">{paragraph}</option>}
          {paragraph && place?.proposalId && <option value="bracket">{FLOOR_TEXT.onBracket(place.proposalLabel ?? '', paragraph)}</option>}
        </select>
      </label>
    </div>
  );
}
