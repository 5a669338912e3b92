import type { Editor } from '@tiptap/react';
import type { Command, RoomRecords } from '@accord/shared/brackets/index';
import type { Identity } from '../collab/accord-messages';
import type { CollabSession } from '../collab/collab-session';
import type { BracketView } from '../brackets/bracket-state';
import { FloorPanel } from './floor-panel';
import { ScreenControls } from './screen-controls';
import { useCaretPlace } from './use-caret-place';
import './room.css';

/** The sidebar's room panels: the speakers' list for everyone, the room screen's controls for the chair. */
export function RoomPanels(props: {
  sessionId: string;
  editor: Editor;
  view: BracketView;
  collab: CollabSession;
  room: RoomRecords;
  me: Identity;
  label: (paragraphId: string) => string | undefined;
  run: (c: Command) => Promise<boolean>;
}) {
  const { view, me, label, run } = props;
  // Read here, not in the workspace: the caret moves with every click, the workspace need not re-render.
  const place = useCaretPlace(props.editor, view.proposals);
  const here = place ? { id: place.paragraphId, label: label(place.paragraphId) ?? '' } : null;
  return (
    <>
      <FloorPanel floor={props.room.floor} me={me} place={place} label={label} run={run} />
      {me.role === 'chair' && <ScreenControls sessionId={props.sessionId} room={props.room} here={here} label={label} collab={props.collab} run={run} />}
    </>
  );
}
