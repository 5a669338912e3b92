import { Trans, useTranslation } from 'react-i18next';
import type { FloorState } from '@accord/shared/brackets/index';

/** "Speaking: Kenya on OP3", for every participant and the room screen. */
export function SpeakingLine(props: { floor: FloorState; label: (paragraphId: string) => string | undefined; className?: string; showNobody?: boolean }) {
  const { speaking } = props.floor;
  const { t } = useTranslation();
  if (!speaking) return props.showNobody ? <div className={`speaking-line speaking-none ${props.className ?? ''}`}>{t('floor.nobody')}</div> : null;
  const where = speaking.paragraphId ? props.label(speaking.paragraphId) : undefined;
  return (
    <div className={`speaking-line ${props.className ?? ''}`} role="status" aria-live="polite" data-testid="speaking-line">
      <span className="speaking-mic" aria-hidden="true">
        🎙
      </span>{' '}
      {where ? (
        <Trans i18nKey="floor.speakingOn" values={{ name: speaking.name, where }} components={{ strong: <strong /> }} />
      ) : (
        <Trans i18nKey="floor.speaking" values={{ name: speaking.name }} components={{ strong: <strong /> }} />
      )}
    </div>
  );
}
