import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { runHook, runHookLogged, type Extension } from '../extension.js';
import { roomIndex } from '@accord/shared/brackets/index';
import { MESSAGE_SYNC, NOTICE_DOCUMENT_TOO_LARGE, writeIdentity, writeSaved } from '@accord/shared/protocol';
import type { Storage } from '../storage/storage.js';
import { AwarenessRelay } from './awareness-relay.js';
import { binaryFrame } from './binary-frame.js';
import { CommitQueue, type Commit } from './commit-queue.js';
import type { Connection } from './connection.js';
import { EditRecorder } from './edit-recorder.js';
import { UpdateGuard } from './update-guard.js';
import { dropPending, refuseMissingDependencies } from '../limits/missing-dependencies.js';

export interface RoomOptions {
  storage: Storage;
  extensions: readonly Extension[];
  /** Compact (snapshot + delete old rows) after this many committed writes. */
  compactEvery: number;
  awarenessIntervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Approximate encoded size beyond which writes are refused (limits.ts `documentBytes`). */
  documentBytes: number;
}

/** Stands in the changers of a batch for a writer whose change the server added to (the edit record). */
const RECORDED = Symbol('recorded') as unknown as Connection;

/** Origin of transactions to store and relay (client updates, server changes), unlike loading. */
const CLIENT = Symbol('client');

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * One session's live document: its Y.Doc, presence and connections. Client updates that arrive
 * in one event-loop turn are applied together, committed in one transaction, and only then
 * relayed as one merged message (store first, then fan out).
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly connections = new Set<Connection>();
  readonly presence: AwarenessRelay;
  readonly guard: UpdateGuard;
  private readonly commits: CommitQueue;
  private readonly edits: EditRecorder;
  private incoming: { conn: Connection; update: Uint8Array; touched?: Map<string, Y.XmlElement> }[] = [];
  /** Per client, the clock the document will have once `incoming` is applied (missing-dependency checks). */
  private incomingEnds = new Map<number, number>();
  private applied: Uint8Array[] = [];
  /** Sync step 2 with the whole document, for fresh clients; dropped on every change. */
  private fullState: Uint8Array | null = null;
  private writesSinceCompact = 0;
  /**
   * The document's size without encoding it per update: its encoded size when last measured
   * (load, compaction) plus the bytes of every update applied since; bytes of updates queued in
   * this event-loop turn are counted in `incomingBytes` until applied.
   */
  private measuredBytes = 0;
  private bytesSinceMeasured = 0;
  private incomingBytes = 0;

  private constructor(
    readonly name: string,
    private readonly o: RoomOptions,
    lastSeq: number,
  ) {
    this.guard = new UpdateGuard(this.doc);
    this.edits = new EditRecorder(this.doc);
    this.presence = new AwarenessRelay(this.doc, () => this.connections, o.awarenessIntervalMs);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === CLIENT) {
        this.applied.push(update);
        this.bytesSinceMeasured += update.length;
      }
    });
    this.commits = new CommitQueue({
      storage: o.storage,
      docName: name,
      lastSeq,
      retryBaseMs: o.retryBaseMs,
      retryMaxMs: o.retryMaxMs,
      onCommitted: (c) => this.committed(c),
      onWriteFailed: (err, attempt) =>
        console.error(`Accord: storing ${name} failed (attempt ${attempt}); kept in memory, retrying:`, attempt === 1 ? err : String(err)),
    });
  }

  /** Loads the stored state; throws (and writes nothing) if it cannot. */
  static async load(name: string, o: RoomOptions): Promise<Room> {
    const { updates, lastSeq } = await o.storage.loadUpdates(name);
    const room = new Room(name, o, lastSeq);
    try {
      room.doc.transact(() => {
        for (const u of updates) Y.applyUpdate(room.doc, u);
      });
      if (dropPending(room.doc)) console.warn(`Accord: ${name} was stored with updates whose dependencies are missing; dropped them`);
      // Loading already costs a pass over the document; one encode more gives the size exactly.
      room.measuredBytes = Y.encodeStateAsUpdate(room.doc).length;
      await runHook(o.extensions, 'onLoadDocument', { sessionId: name, document: room.doc });
      // Index the paragraphs now, while the room loads anyway: the first command then costs what
      // its paragraph costs, like every other one (BR60).
      roomIndex(room.doc).refresh();
    } catch (err) {
      room.destroy();
      throw err;
    }
    return room;
  }

  /** Greets a connection: who it is, the server's state vector, everyone's presence. */
  addConnection(conn: Connection): void {
    this.connections.add(conn);
    const id = conn.identity;
    conn.send(writeIdentity({ role: id.role, id: id.participantId, delegation: id.delegation, color: id.color, readOnly: !conn.canWrite }));
    conn.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    const presence = this.presence.fullStateMessage(conn);
    if (presence) conn.send(presence);
  }

  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.removeConnection(conn);
  }

  /** Sync step 2 for a client whose state vector is `stateVector` (cached for empty ones). */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    const fresh = decoding.readVarUint(decoding.createDecoder(stateVector)) === 0;
    if (fresh) {
      this.fullState ??= syncMessage((e) => syncProtocol.writeSyncStep2(e, this.doc));
      return this.fullState;
    }
    return syncMessage((e) => syncProtocol.writeSyncStep2(e, this.doc, stateVector));
  }

  /** The document's approximate encoded size in bytes (see `measuredBytes`), counting updates queued in this turn. */
  get approximateBytes(): number {
    return this.measuredBytes + this.bytesSinceMeasured + this.incomingBytes;
  }

  /**
   * A change of about `bytes` more would take the document past its cap (`documentBytes`): writers'
   * updates are refused with NOTICE document_too_large, commands with `document_too_large`.
   */
  wouldExceedCap(bytes: number): boolean {
    return this.approximateBytes + bytes > this.o.documentBytes;
  }

  /** NOTICE document_too_large (docs/protocol.md), also the error a command gets. */
  tooLarge(): { code: typeof NOTICE_DOCUMENT_TOO_LARGE; message: string } {
    const mb = this.o.documentBytes / (1024 * 1024);
    const cap = mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.ceil(this.o.documentBytes / 1024)} KB`;
    return { code: NOTICE_DOCUMENT_TOO_LARGE, message: `the document has reached its size limit (${cap}): the change was not saved` };
  }

  /**
   * Queues a validated update from a writer; applied with the rest of this event-loop turn.
   * `touched`: the paragraphs it changes (from the update guard), for the record of direct edits.
   */
  receiveUpdate(conn: Connection, update: Uint8Array, decoded?: ReturnType<typeof Y.decodeUpdate>, touched?: Map<string, Y.XmlElement>): void {
    for (const s of decoded?.structs ?? []) this.incomingEnds.set(s.id.client, Math.max(this.knownClock(s.id.client), s.id.clock + s.length));
    this.incomingBytes += update.length;
    if (this.incoming.push({ conn, update, touched }) === 1) setImmediate(() => this.applyIncoming());
  }

  /** What the document has of `client`, counting updates queued in this event-loop turn. */
  knownClock(client: number): number {
    return this.incomingEnds.get(client) ?? Y.getState(this.doc.store, client);
  }

  get settled(): boolean {
    return this.incoming.length === 0 && this.commits.settled;
  }

  whenSettled(): Promise<void> {
    return this.incoming.length ? new Promise((r) => setImmediate(r)).then(() => this.whenSettled()) : this.commits.whenSettled();
  }

  /** Writes a snapshot in place of the stored rows, if anything was written since the last one. */
  async compact(): Promise<void> {
    if (this.writesSinceCompact === 0) return;
    this.writesSinceCompact = 0;
    const state = Y.encodeStateAsUpdate(this.doc);
    // Compaction encodes the whole document anyway: the size is measured again here.
    this.measuredBytes = state.length;
    this.bytesSinceMeasured = 0;
    try {
      await this.o.storage.compact(this.name, state, this.commits.lastSeq);
    } catch (err) {
      // The rows are still there; compaction is only an optimisation.
      console.error(`Accord: compacting ${this.name} failed`, err);
    }
  }

  retryNow(): void {
    this.commits.retryNow();
  }

  destroy(): void {
    this.commits.stop();
    this.presence.destroy();
    this.doc.destroy();
  }

  /**
   * Changes the document as the server, a trusted peer (seeding, commands): stored, then relayed
   * and acknowledged exactly like a batch of client updates. Resolves once the change is durable
   * (at once when `fn` changed nothing).
   */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    this.edits.interrupt();
    this.doc.transact(() => fn(this.doc), CLIENT);
    return new Promise((durable) => this.enqueueApplied(new Set(), new Set(), durable));
  }

  private applyIncoming(): void {
    const incoming = this.incoming;
    this.incoming = [];
    this.incomingBytes = 0;
    const changers = new Set<Connection>();
    const ackers = new Set<Connection>();
    this.incomingEnds.clear();
    for (const { conn, update, touched } of incoming) {
      if (conn.quota.condemned) continue;
      const before = this.applied.length;
      let recorded = false;
      try {
        // The writer's update and its entry in the record of direct edits are one transaction:
        // stored, relayed and acknowledged together.
        this.doc.transact(() => {
          const texts = touched?.size ? this.edits.before(touched) : null;
          Y.applyUpdate(this.doc, update, CLIENT);
          if (texts) {
            try {
              recorded = this.edits.after({ byId: conn.identity.participantId, by: conn.identity.delegation, role: conn.identity.role }, touched!, texts);
            } catch (err) {
              // The edit itself is applied and kept; only its record failed.
              console.error(`Accord: recording a direct edit in ${this.name} failed`, err);
            }
          }
        }, CLIENT);
      } catch (err) {
        // Passed Y.decodeUpdate but still broken: refuse that client, keep the others' work.
        console.warn(`Accord: update from ${conn.identity.delegation} in ${this.name} failed to apply`, err);
        conn.close(1003, 'broken update');
        continue;
      }
      // A safety net behind the check above: nothing may stay pending.
      if (dropPending(this.doc)) refuseMissingDependencies(conn);
      // A writer whose edit the server recorded gets the relay too: it does not have the entry.
      if (this.applied.length > before) changers.add(recorded ? RECORDED : conn);
      if (conn.wantsAcks) ackers.add(conn);
    }
    this.enqueueApplied(changers, ackers);
  }

  /** Hands what was applied since the last call to the commit queue as one batch. */
  private enqueueApplied(changers: Set<Connection>, ackers: Set<Connection>, onDurable?: () => void): void {
    const applied = this.applied;
    this.applied = [];
    const update = applied.length === 0 ? null : applied.length === 1 ? applied[0] : Y.mergeUpdates(applied);
    if (update) {
      this.fullState = null;
      runHookLogged(this.o.extensions, 'onChange', { sessionId: this.name, document: this.doc, update });
    }
    if (update || ackers.size) this.commits.push({ update, changers, ackers, stateVector: Y.encodeStateVector(this.doc), onDurable });
    else onDurable?.();
  }

  private async committed(c: Commit): Promise<void> {
    if (c.update) {
      const frame = binaryFrame(syncMessage((e) => syncProtocol.writeUpdate(e, c.update!)));
      // A sole author already has its change; everyone else gets the same bytes.
      const only = c.changers.size === 1 ? [...c.changers][0] : null;
      for (const conn of this.connections) if (conn !== only) conn.sendFrame(frame);
      this.writesSinceCompact++;
      runHookLogged(this.o.extensions, 'onStoreDocument', { sessionId: this.name, document: this.doc, update: c.update, seq: c.seq });
    }
    if (c.ackers.size) {
      const saved = writeSaved(c.stateVector);
      for (const conn of c.ackers) conn.send(saved);
    }
    if (this.writesSinceCompact >= this.o.compactEvery) await this.compact();
  }
}
