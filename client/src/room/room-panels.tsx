import type { Editor } from '@tiptap/react';
import type { Command, RoomRecords } from '@accord/shared/brackets/index';
import type { Identity } from '../collab/accord-messages';
import type { CollabSession } from '../collab/collab-session';
import { paragraphName, type BracketView } from '../brackets/bracket-state';
import { FloorPanel } from './floor-panel';
import { ScreenControls } from './screen-controls';
import type { SilenceCandidate } from './silence-dialog';
import { SilencePanel } from './silence-panel';
import { useCaretPlace } from './use-caret-place';
import './room.css';

/** Paragraphs that may go under silence: PPs and OPs (sub-paragraphs included), with their labels and open brackets, in order. */
function candidates(view: BracketView): SilenceCandidate[] {
  const out: SilenceCandidate[] = [];
  view.doc.forEach((b) => {
    const id = b.attrs.id as string | undefined;
    const label = id ? view.labels.get(id)?.short : undefined;
    const status = id ? view.paragraphs[id]?.status : undefined;
    if (id && label && status !== 'deleted' && status !== 'adopted' && (b.type.name === 'preambular' || b.type.name === 'operative')) out.push({ id, label, openBrackets: view.counts.byParagraph[id] ?? 0 });
  });
  return out;
}

/** Every block with an open bracket ("Title", "OP2"): none may be left for a whole-text silence (BR90). */
function bracketedNames(view: BracketView): string[] {
  return [...view.order.keys()].filter((id) => (view.counts.byParagraph[id] ?? 0) > 0).map((id) => paragraphName(view, id));
}

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
      {me.role === 'chair' && <SilencePanel silences={props.room.silences} candidates={() => candidates(view)} bracketed={() => bracketedNames(view)} here={place?.paragraphId ?? null} label={label} run={run} />}
    </>
  );
}
