import type { FloorState } from '@accord/shared/brackets/index';

/** User-facing words of the speaker line (one place, for the locale files to come). */
export const SPEAKING_TEXT = {
  speaking: 'Speaking:',
  on: 'on',
  nobody: 'Nobody has the floor',
};

/** "Speaking: Kenya on OP3", for every participant and the room screen. */
export function SpeakingLine(props: { floor: FloorState; label: (paragraphId: string) => string | undefined; className?: string; showNobody?: boolean }) {
  const { speaking } = props.floor;
  if (!speaking) return props.showNobody ? <div className={`speaking-line speaking-none ${props.className ?? ''}`}>{SPEAKING_TEXT.nobody}</div> : null;
  const where = speaking.paragraphId ? props.label(speaking.paragraphId) : undefined;
  return (
    <div className={`speaking-line ${props.className ?? ''}`} role="status" aria-live="polite" data-testid="speaking-line">
      <span className="speaking-mic" aria-hidden="true">
        🎙
      </span>{' '}
      {SPEAKING_TEXT.speaking} <strong>{speaking.name}</strong>
      {where && (
        <>
          {' '}
          {SPEAKING_TEXT.on} <strong>{where}</strong>
        </>
      )}
    </div>
  );
}
