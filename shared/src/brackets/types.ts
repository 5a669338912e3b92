import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * Who acts: a participant of the session. `id` is the participant's stable id (the server's
 * participant record; the admin key acts as the chair with id `chair`); `delegation` is only the
 * name shown to others ("EU", "Sudan", "Chair", "Secretariat"). Rules compare ids, never names.
 */
export type Role = 'chair' | 'secretariat' | 'delegation' | 'observer';
export interface Actor {
  role: Role;
  id: string;
  delegation: string;
}

/**
 * A delegation or group on the record (sponsor, supporter, opposer, commenter): its id and the
 * name shown. A group speaking through a member is
 * `{id: 'g77', name: 'G77 and China', via: 'Sudan', viaId: <Sudan's participant id>}` and is
 * labelled "G77 and China (Sudan)". Records written before ids existed have no `id`: they still
 * display, but match nobody (a name never grants rights).
 */
export interface Sponsor {
  id?: string;
  name: string;
  via?: string;
  viaId?: string;
}

/**
 * A group of delegations the chair set up ("G77 and China"): its members (participant ids) may
 * speak for it with `onBehalfOf`. Stored by the server in the Y.Map `groups` under its id.
 */
export interface Group {
  id: string;
  name: string;
  members: string[];
}

export type ProposalKind =
  | 'insert'
  | 'delete'
  | 'replace'
  | 'alternative'
  | 'reserve'
  | 'pending'
  | 'newParagraph'
  | 'deleteParagraph';

/** `superseded`: closed because a decision (or a revision) struck or removed the text it acts on (BR32). */
export type ProposalStatus = 'open' | 'accepted' | 'rejected' | 'withdrawn' | 'superseded';

export interface ProposalComment {
  by: Sponsor;
  at: number;
  text: string;
}

/**
 * A comment as stored since comments became their own entries (BR15): in the Y.Map `comments`
 * under its `id`, written once by the server and never changed, so that a comment costs (to
 * store and to relay) what its text costs, not what its proposal's record costs.
 */
export interface CommentEntry extends ProposalComment {
  id: string;
  proposalId: string;
}

/** A proposal record: plain JSON, stored by the server in the Y.Map `proposals` under its id. */
export interface Proposal {
  id: string;
  kind: ProposalKind;
  /** The paragraph it was made in (for newParagraph: the new paragraph's id). */
  paragraphId: string;
  /** First = proposer; co-sponsors follow. Empty for pending brackets and original-text alternatives. */
  sponsors: Sponsor[];
  /** "retain" */
  supporters: Sponsor[];
  /** "delete" */
  opposers: Sponsor[];
  explanation?: string;
  /**
   * Only in records written before comments became their own entries (BR15): those comments
   * still display (`proposalComments` reads both); new comments are `CommentEntry`s.
   */
  comments?: ProposalComment[];
  status: ProposalStatus;
  /** Alternatives of one span or point share a group id; `alt` is the number shown as "Alt n". */
  group?: string;
  alt?: number;
  /** An alternative that brackets text that was already in the paragraph (Alt 1 of a span). */
  existing?: boolean;
  /** Text the proposal adds (insert, replace, alternative, newParagraph, pending accepted with text). */
  text?: string;
  /** Text the proposal brackets or would delete, as it read when proposed. */
  anchorText?: string;
  /** newParagraph proposed as an alternative to a whole paragraph ("5 alt"): the paragraph it would replace. */
  replaces?: string;
  createdAt: number;
  updatedAt: number;
  /** The decision that closed it (for `superseded`: the decision, or revision entry, that superseded it). */
  decision?: string;
  /** The client-made id of the command that created it (idempotent retries, docs/protocol.md). */
  commandId?: string;
}

/** `adopted`: adopted under silence procedure (BR94); set only when a silence's deadline passes unbroken. */
export type ParagraphStatus = 'open' | 'informals' | 'adref' | 'agreed' | 'deleted' | 'adopted';

/** Stored in the Y.Map `paragraphs` under the paragraph id; a missing entry means `open`. */
export interface ParagraphState {
  status: ParagraphStatus;
  /** "agreed in informals, pending <delegation>". */
  pending?: string;
}

/** One block as it read before or after a decision; `node` null = the block did not exist. */
export interface BlockSnapshot {
  id: string;
  /** Id of the block before it (null = first), to put a removed block back in place. */
  prev: string | null;
  node: Record<string, unknown> | null;
}

/** What a decision changed in one proposal record, to re-open it on undo. */
export interface ProposalChange {
  id: string;
  before: Pick<Proposal, 'status' | 'kind'> & { decision?: string; group?: string; alt?: number };
  after: Pick<Proposal, 'status' | 'kind'> & { decision?: string; group?: string; alt?: number };
}

/**
 * `revision`: issuing a revision closed the open proposals whose text it dropped (BR34); not undone.
 * `floor`: a change to the speakers' list (BR80–BR86), on the record; not undone.
 * `silence`: a step of a silence procedure (BR90–BR97), on the record; not undone.
 */
export type DecisionAction = 'accept' | 'reject' | 'setParagraphStatus' | 'undo' | 'revision' | 'floor' | 'silence';

/** A delegation on the speakers' list (BR80): who (participant id), the name shown, and what it wants to speak on. */
export interface FloorRequest {
  id: string;
  /** "Kenya", or "G77 and China (Sudan)" when it asked for a group. */
  name: string;
  paragraphId?: string;
  proposalId?: string;
  at: number;
}

/** The floor: who speaks now (and since when) and the speakers' list in the chair's order. */
export interface FloorState {
  speaking: (FloorRequest & { since: number }) | null;
  queue: FloorRequest[];
}

/** What the room screen shows (BR87): a paragraph the chair holds it on, and whose position it follows (missing: the chair's). */
export interface ScreenState {
  held?: string;
  follow?: string;
}

/** Session settings the chair sets (BR88). `delegationCarets`: delegations and observers see each other's carets. */
export interface RoomSettings {
  delegationCarets: boolean;
}

/** open: the text (or its paragraphs) is locked until the deadline; then broken, lifted or adopted, for good. */
export type SilenceState = 'open' | 'broken' | 'lifted' | 'adopted';

/** A delegation's statement breaking silence (BR92): who (participant id), the name shown, what it said, when. */
export interface SilenceBreak {
  by: string;
  /** "Kenya", or "G77 and China (Sudan)" when it spoke for a group. */
  name: string;
  statement: string;
  at: number;
}

/**
 * A silence procedure (BR90): the chair puts the whole text, or some paragraphs, under silence
 * until `deadline` (epoch ms); unbroken at the deadline, they are adopted (BR94).
 */
export interface Silence {
  id: string;
  /** The chair who started it: participant id and the name shown. */
  by: string;
  name: string;
  startedAt: number;
  deadline: number;
  /** The paragraphs under silence; missing: the whole text. */
  paragraphIds?: string[];
  note?: string;
  state: SilenceState;
  /** When it was broken, lifted or adopted. */
  endedAt?: number;
  break?: SilenceBreak;
}

/** The Y.Map `room` (server-only), by key. */
export interface RoomRecords {
  floor: FloorState;
  screen: ScreenState;
  settings: RoomSettings;
  /** Every silence procedure of the text, oldest first (BR90–BR97). */
  silences: Silence[];
}

export type SilenceAction = 'start' | 'break' | 'lift' | 'adopt';

export type FloorAction = 'request' | 'withdraw' | 'give' | 'end' | 'order' | 'remove';

/** An entry of the decision log (Y.Array `decisions`), appended once and never changed. */
export interface DecisionEntry {
  id: string;
  at: number;
  /** The name of who decided, as shown; `byId` their participant id (missing in older entries). */
  by: string;
  byId?: string;
  action: DecisionAction;
  proposalId?: string;
  paragraphId?: string;
  /** For undo entries: the decision undone. */
  undoes?: string;
  /** For revision entries: the revision's label. */
  revision?: string;
  /** For floor entries: what happened on the speakers' list, to whom (participant id and name), on what. */
  floor?: { action: FloorAction; participantId?: string; name?: string; paragraphId?: string; proposalId?: string };
  /**
   * For silence entries (BR96): which step, of which silence, its deadline and paragraphs (missing:
   * the whole text); for a break, who broke it (`name`) and its statement.
   */
  silence?: { action: SilenceAction; silenceId: string; deadline: number; paragraphIds?: string[]; note?: string; name?: string; statement?: string };
  /** Blocks whose content the decision changed, exactly as they read before and after (PM JSON). */
  before: BlockSnapshot[];
  after: BlockSnapshot[];
  proposals: ProposalChange[];
  paragraphs: { id: string; before: ParagraphState | null; after: ParagraphState | null }[];
}

export interface BracketState {
  doc: PMNode;
  proposals: Record<string, Proposal>;
  paragraphs: Record<string, ParagraphState>;
  decisions: DecisionEntry[];
  /** Groups by id (missing: none set up). */
  groups?: Record<string, Group>;
  /** Comment entries by proposal id (missing: none; BR15). Only counted by the rules; `proposalComments` orders them. */
  comments?: Record<string, CommentEntry[]>;
  /** The floor, the screen and the room's settings (missing keys: their defaults, `roomRecords`). */
  room?: Partial<RoomRecords>;
}

/**
 * Addresses text inside one paragraph: offsets into the paragraph's content (a footnote marker
 * counts 1) plus the text expected there. For a point (from = to, text ''), `before` optionally
 * gives the characters expected just before the point.
 */
export interface Anchor {
  paragraphId: string;
  from: number;
  to: number;
  text: string;
  before?: string;
}

export type ErrorCode =
  | 'not_permitted'
  | 'paragraph_locked'
  | 'proposal_not_open'
  | 'anchor_gone'
  | 'not_found'
  | 'invalid'
  | 'conflict';

export interface CommandError {
  code: ErrorCode;
  message: string;
}

export type NewParagraphType = 'preambular' | 'operative';

interface ProposeBase {
  type: 'propose';
  explanation?: string;
  /** A group the acting delegation speaks for ("G77 and China"). */
  onBehalfOf?: string;
}

export type ProposeCommand = ProposeBase &
  (
    | { kind: 'insert'; anchor: Anchor; text: string }
    | { kind: 'delete'; anchor: Anchor }
    | { kind: 'replace'; anchor: Anchor; text: string }
    | { kind: 'reserve'; anchor: Anchor }
    /** Either an `anchor` (span: its text becomes Alt 1; point: a first alternative) or `alternativeTo` an open insert/alternative. */
    | { kind: 'alternative'; anchor?: Anchor; alternativeTo?: string; text: string }
    /** `alternative`: the new paragraph is an alternative to `after` ("5 alt"), of the same type and level. */
    | { kind: 'newParagraph'; after: string; blockType: NewParagraphType; level?: number; text: string; alternative?: boolean }
    | { kind: 'deleteParagraph'; paragraphId: string }
  );

export type Command =
  | ProposeCommand
  | { type: 'editProposal'; proposalId: string; text?: string; explanation?: string }
  | { type: 'withdraw'; proposalId: string }
  | { type: 'support'; proposalId: string; onBehalfOf?: string }
  | { type: 'oppose'; proposalId: string; onBehalfOf?: string }
  | { type: 'comment'; proposalId: string; text: string; onBehalfOf?: string }
  | { type: 'cosponsor'; proposalId: string; onBehalfOf?: string }
  | { type: 'accept'; proposalId: string; text?: string }
  | { type: 'reject'; proposalId: string }
  | { type: 'undoDecision'; decisionId: string }
  | { type: 'setParagraphStatus'; paragraphId: string; status: ParagraphStatus; pending?: string }
  | RoomCommand
  | SilenceCommand;

/**
 * The silence procedure (BR90–BR97, silence.ts). `deadline`: ISO 8601 with a UTC offset
 * ("2026-12-05T18:00:00+01:00") or epoch milliseconds. `silence.expire` is what the server sends
 * itself when a deadline passes.
 */
export type SilenceCommand =
  | { type: 'silence.start'; deadline: string | number; paragraphIds?: string[]; note?: string }
  | { type: 'silence.break'; silenceId: string; statement: string; onBehalfOf?: string }
  | { type: 'silence.lift'; silenceId: string }
  | { type: 'silence.expire'; silenceId: string };

/** The floor, the room screen and the caret setting (BR80–BR89, floor.ts). */
export type RoomCommand =
  | { type: 'floor.request'; paragraphId?: string; proposalId?: string; onBehalfOf?: string }
  | { type: 'floor.withdraw' }
  | { type: 'floor.give'; participantId?: string }
  | { type: 'floor.end' }
  | { type: 'floor.order'; order: string[] }
  | { type: 'floor.remove'; participantId: string }
  | { type: 'screen.hold'; paragraphId: string }
  | { type: 'screen.release' }
  | { type: 'screen.follow'; participantId: string | null }
  | { type: 'settings.carets'; delegations: boolean };

export type CommandType = Command['type'];

export interface CommandOutcome {
  /** The proposal created or acted on. */
  proposalId?: string;
  /** Further proposals created (e.g. the original-text Alt 1). */
  createdIds?: string[];
  decisionId?: string;
  /** Open proposals whose text this command removed entirely: still open, now flagged. */
  orphaned?: string[];
  /** The comment a `comment` command added. */
  commentId?: string;
  /** The silence a `silence.*` command started or acted on (BR90–BR94). */
  silenceId?: string;
  /** A new proposal's bracketed span: its paragraph and content offsets (none for a paragraph deletion). */
  offsets?: { paragraphId: string; from: number; to: number };
}

export interface ApplyOk {
  ok: true;
  doc: PMNode;
  /** Records created or changed by the command (whole records). */
  proposals: Record<string, Proposal>;
  paragraphs: Record<string, ParagraphState>;
  decision?: DecisionEntry;
  /** Comment entries the command added (a `comment` command: one), written to the Y.Map `comments`. */
  comments?: CommentEntry[];
  /** Keys of the Y.Map `room` the command changed, whole (room commands only). */
  room?: Partial<RoomRecords>;
  result: CommandOutcome;
}

export interface Fail {
  ok: false;
  error: CommandError;
}

export type ApplyResult = ApplyOk | Fail;
export type CheckResult = { ok: true } | Fail;

export function fail(code: ErrorCode, message: string): Fail {
  return { ok: false, error: { code, message } };
}
