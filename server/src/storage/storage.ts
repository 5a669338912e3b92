import type { Role } from '@accord/shared/protocol';

/** A session = one negotiation text. Its Y.Doc is stored under docName = session id. */
export interface SessionRecord {
  id: string;
  title: string;
  symbol: string;
  language: string;
  seed: boolean;
  /** ISO 8601. */
  createdAt: string;
}

/**
 * What the session list shows of a session beyond its record, kept up to date as the text changes
 * (sessions/session-summaries.ts) so that listing never reads a document.
 */
export interface SessionSummaryRecord {
  sessionId: string;
  symbol: string;
  /** The text's name (import/title-text.ts: no placeholder number). */
  title: string;
  language: string;
  revisionLabel: string;
  /** ISO 8601: the last committed change to the text (an edit or a command). */
  lastActivity: string;
  /** BR50 for the whole text. */
  openBrackets: number;
}

export interface ParticipantRecord {
  /**
   * Stable id within the session, recorded on everything the participant says (proposals,
   * positions, comments, decisions): never the name. `chair` for the chair the session was
   * created with (the admin key acts as that chair).
   */
  id: string;
  token: string;
  sessionId: string;
  role: Role;
  delegation: string;
  color: string;
  createdAt: string;
}

/** A frozen version of a text, stored beside the live document (issue: revisions). */
export interface RevisionRecord {
  id: string;
  docName: string;
  label: string;
  createdAt: string;
  /** The Y.Doc state at that moment (Y.encodeStateAsUpdate). */
  snapshot: Uint8Array;
  /** Small JSON written by server/src/revisions (date, note, by, renumbering); opaque here. */
  info?: string;
  /** The frozen VersionSnapshot as JSON (can be megabytes); opaque here. */
  version?: string;
}

/** A revision without its bytes and version JSON, for listings. */
export type RevisionSummary = Omit<RevisionRecord, 'snapshot' | 'version'>;

/** A point of the automatic history (server/src/revisions/history-recorder.ts). */
export interface HistoryPointRecord {
  id: string;
  docName: string;
  /** ISO 8601. */
  at: string;
  /** Why it was taken: decision, editing, before-restore, before-revision. */
  reason: string;
  /**
   * The point this one is a change against (history-changes.ts); absent for a checkpoint, whose
   * state is the whole Y.Doc. Kept beside the bytes so thinning knows what depends on what.
   */
  base?: string;
  /** The Y.Doc state or change as the recorder packs it (history-state.ts); opaque here. */
  state: Uint8Array;
}

export type HistoryPointSummary = Omit<HistoryPointRecord, 'state'>;

/** A point's new content when thinning folds the points it depended on into it. */
export interface HistoryPointRewrite {
  id: string;
  /** Absent: the point becomes a checkpoint. */
  base?: string;
  state: Uint8Array;
}

export interface LoadedUpdates {
  /** Oldest first; a compacted snapshot, if any, comes first. */
  updates: Uint8Array[];
  /** Sequence number of the newest row, 0 when the document has none. */
  lastSeq: number;
}

/**
 * Everything Accord persists. Each method is atomic: it fully happens or not at all, and a
 * resolved promise means the data is durable. Backends: sqlite-storage.ts, memory-storage.ts;
 * both pass test/storage-contract.test.ts.
 */
export interface Storage {
  loadUpdates(docName: string): Promise<LoadedUpdates>;
  /** Appends in ONE transaction; resolves with the sequence number of the last row written. */
  appendUpdates(docName: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces every row with seq ≤ upToSeq by `snapshot`, in one transaction. */
  compact(docName: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;
  /** Names of documents that have stored updates. */
  listDocuments(): Promise<string[]>;

  createSession(session: SessionRecord, chair: ParticipantRecord, initialUpdate?: Uint8Array): Promise<void>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  /** Seeds first, then by creation time. */
  listSessions(): Promise<SessionRecord[]>;

  /** Writes (or replaces) a session's summary. */
  saveSessionSummary(summary: SessionSummaryRecord): Promise<void>;
  /** Every stored summary, in no particular order. */
  listSessionSummaries(): Promise<SessionSummaryRecord[]>;

  addParticipant(participant: ParticipantRecord): Promise<void>;
  getParticipant(token: string): Promise<ParticipantRecord | undefined>;
  /** Revokes a participant's token; false if there was none. */
  removeParticipant(token: string): Promise<boolean>;
  /** In creation order. */
  listParticipants(sessionId: string): Promise<ParticipantRecord[]>;

  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;

  saveRevision(revision: RevisionRecord): Promise<void>;
  /** Oldest first, with bytes and version JSON. */
  listRevisions(docName: string): Promise<RevisionRecord[]>;
  /** Oldest first, without the heavy fields. */
  listRevisionSummaries(docName: string): Promise<RevisionSummary[]>;
  getRevision(docName: string, id: string): Promise<RevisionRecord | undefined>;

  saveHistoryPoint(point: HistoryPointRecord): Promise<void>;
  /** Oldest first (by `at`, then insertion), without state. */
  listHistory(docName: string): Promise<HistoryPointSummary[]>;
  getHistoryPoint(docName: string, id: string): Promise<HistoryPointRecord | undefined>;
  /**
   * Deletes those points of `docName` and rewrites the `rewritten` ones (new base and state; a
   * point that depended on a deleted one), all in one transaction; unknown ids are ignored.
   */
  deleteHistoryPoints(docName: string, ids: string[], rewritten?: HistoryPointRewrite[]): Promise<void>;

  close(): Promise<void>;
}
