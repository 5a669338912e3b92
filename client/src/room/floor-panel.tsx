import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, FloorRequest, FloorState } from '@accord/shared/brackets/index';
import type { Identity } from '../collab/accord-messages';
import type { CaretPlace } from './use-caret-place';

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
  const { t } = useTranslation();
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
    <section className="panel floor-panel" aria-label={t('floor.title')}>
      <h3>
        {t('floor.speakers')} <span className="count">{floor.queue.length}</span>
      </h3>
      {floor.speaking && chair && (
        <div className="floor-speaking">
          <span>
            🎙 <strong>{floor.speaking.name}</strong>
            {where(floor.speaking) && <span className="muted"> · {where(floor.speaking)}</span>}
          </span>
          <button type="button" className="small" onClick={() => void run({ type: 'floor.end' })} title={t('floor.endTurn', { name: floor.speaking.name })}>
            {t('floor.end')}
          </button>
        </div>
      )}
      {floor.speaking?.id === me.id && <p className="floor-you">{t('floor.speakingYou')}</p>}
      {floor.queue.length === 0 ? (
        <p className="muted small-text">{t('floor.empty')}</p>
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
                  <button type="button" className="small primary" onClick={() => void run({ type: 'floor.give', participantId: r.id })} title={t('floor.give')}>
                    {t('floor.give')}
                  </button>
                  <button type="button" className="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('floor.up', { name: r.name })}>
                    ↑
                  </button>
                  <button type="button" className="small" disabled={i === floor.queue.length - 1} onClick={() => move(i, 1)} aria-label={t('floor.down', { name: r.name })}>
                    ↓
                  </button>
                  <button type="button" className="small" onClick={() => void run({ type: 'floor.remove', participantId: r.id })} aria-label={t('floor.removeFrom', { name: r.name })}>
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
          {t('floor.giveNext')}
        </button>
      )}
      {delegation && mine >= 0 && (
        <div className="floor-mine">
          <span className="small-text">{t('floor.waiting', { position: mine + 1 })}</span>
          <button type="button" className="small" onClick={() => void run({ type: 'floor.withdraw' })}>
            {t('floor.withdraw')}
          </button>
        </div>
      )}
      {delegation && mine < 0 && floor.speaking?.id !== me.id && <AskForTheFloor place={place} label={label} run={run} />}
    </section>
  );
}

/** "Ask for the floor on [the text in general | OP3 | the bracket of EU in OP3]". */
function AskForTheFloor({ place, label, run }: Pick<Props, 'place' | 'label' | 'run'>) {
  const { t } = useTranslation();
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
        {t('floor.ask')}
      </button>
      <label className="small-text">
        {t('floor.askOn')}{' '}
        <select value={choice} onChange={(e) => setOn(e.target.value as typeof on)} aria-label={t('floor.askOn')}>
          <option value="text">{t('floor.onText')}</option>
          {paragraph && <option value="paragraph">{paragraph}</option>}
          {paragraph && place?.proposalId && <option value="bracket">{t('floor.onBracket', { who: place.proposalLabel ?? '', where: paragraph })}</option>}
        </select>
      </label>
    </div>
  );
}
