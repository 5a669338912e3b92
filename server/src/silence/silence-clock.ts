import type * as Y from 'yjs';
import { Y_ROOM } from '@accord/shared';
import { openSilences, readRoom, type Silence } from '@accord/shared/brackets/index';
import type { Rooms } from '../collab/rooms.js';
import { executeCommand } from '../commands/execute-command.js';
import type { Extension, Identity } from '../extension.js';
import type { Storage } from '../storage/storage.js';

/** The setting that lists the sessions with an open silence: what the server looks at when it starts. */
export const SILENCE_INDEX_SETTING = 'silence.sessions';
/** setTimeout's longest delay (about 24.8 days); a later deadline is reached in steps. */
const MAX_DELAY = 2 ** 31 - 1;
/** After a failed expiry (the document could not be loaded), try again this much later. */
const RETRY_MS = 30_000;

/** Who ends a silence at its deadline: the server acting as the chair (shared/SPEC.md BR94). */
export const SILENCE_CLOCK_IDENTITY: Omit<Identity, 'sessionId'> = { role: 'chair', participantId: 'accord', delegation: 'Accord', color: '#000000', admin: false };

/**
 * Ends silences in adoption when their deadlines pass (shared/SPEC.md BR94). Deadlines live in
 * each document's `room` map; this keeps one unref'd timer per open silence, and a small index
 * (the setting `silence.sessions`) of the sessions that have one, so that at start it loads only
 * those: an overdue silence is adopted before the server serves anyone, a pending one gets its
 * timer back. A document loaded for any other reason is looked at too (its timers come back with it).
 */
export class SilenceClock {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Silences whose expiry is running: a document loaded by it must not start another. */
  private readonly expiring = new Set<string>();
  private index = new Set<string>();
  private rooms: Rooms | null = null;
  private stopped = false;

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {}

  /** Watches every document as it loads: its open silences get their timers, later changes move them. */
  readonly extension: Extension = {
    onLoadDocument: ({ sessionId, document }) => this.watch(sessionId, document),
  };

  /**
   * Reads the index and loads the sessions it names; resolves once every overdue silence among
   * them is adopted (or failed and was scheduled again).
   */
  async start(rooms: Rooms): Promise<void> {
    this.rooms = rooms;
    this.stopped = false;
    this.index = new Set(parseIndex(await this.storage.getSetting(SILENCE_INDEX_SETTING)));
    for (const sessionId of [...this.index]) {
      try {
        // Loading runs `watch`, which expires what is overdue and schedules the rest.
        const room = await rooms.acquire(sessionId);
        rooms.release(room);
      } catch (err) {
        console.error(`Accord: silence procedure of ${sessionId}: the document could not be loaded; trying again later`, err);
        this.retryLater(sessionId);
      }
    }
    await this.settled();
  }

  /** Clears every timer and waits for expiries already running. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await this.settled();
  }

  /** Resolves when no expiry is running. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private watch(sessionId: string, doc: Y.Doc): void {
    const look = () => this.look(sessionId, doc);
    look();
    // Room commands (start, break, lift, expire) change this map; the observer runs inside the
    // command's transaction, before the change is stored, so the index is written first (SQLite
    // writes synchronously) and a crash in between leaves at worst a name too many, never one missing.
    doc.getMap(Y_ROOM).observe(look);
  }

  /** Sets each open silence's timer, drops those of silences that ended, and keeps the index right. */
  private look(sessionId: string, doc: Y.Doc): void {
    const open = openSilences({ room: readRoom(doc) });
    const keep = new Set(open.map((s) => key(sessionId, s.id)));
    for (const [k, t] of this.timers) {
      if (k.startsWith(`${sessionId}\u0000`) && !keep.has(k)) {
        clearTimeout(t);
        this.timers.delete(k);
      }
    }
    for (const s of open) this.schedule(sessionId, s);
    this.setIndexed(sessionId, open.length > 0);
  }

  private schedule(sessionId: string, s: Pick<Silence, 'id' | 'deadline'>): void {
    const k = key(sessionId, s.id);
    if (this.stopped || this.timers.has(k) || this.expiring.has(k)) return;
    const delay = s.deadline - this.now();
    if (delay <= 0) {
      this.expire(sessionId, s.id);
      return;
    }
    const t = setTimeout(() => {
      this.timers.delete(k);
      // A deadline further away than one timer can wait: wait again.
      if (s.deadline > this.now()) this.schedule(sessionId, s);
      else this.expire(sessionId, s.id);
    }, Math.min(delay, MAX_DELAY));
    t.unref();
    this.timers.set(k, t);
  }

  /** Sends `silence.expire` as the server; a silence broken or lifted meanwhile is simply refused. */
  private expire(sessionId: string, silenceId: string): void {
    const rooms = this.rooms;
    const k = key(sessionId, silenceId);
    if (!rooms || this.stopped || this.expiring.has(k)) return;
    this.expiring.add(k);
    const run = (async () => {
      let room;
      try {
        room = await rooms.acquire(sessionId);
      } catch (err) {
        console.error(`Accord: silence procedure of ${sessionId}: the document could not be loaded; trying again later`, err);
        this.retryLater(sessionId);
        return;
      }
      try {
        const answer = await executeCommand(room, { ...SILENCE_CLOCK_IDENTITY, sessionId }, { type: 'silence.expire', silenceId });
        if (!answer.ok && answer.error.code !== 'invalid') console.error(`Accord: silence ${silenceId} of ${sessionId} was not adopted: ${answer.error.message}`);
      } catch (err) {
        console.error(`Accord: silence ${silenceId} of ${sessionId}: adoption failed`, err);
      } finally {
        rooms.release(room);
      }
    })();
    this.inFlight.add(run);
    void run.finally(() => {
      this.inFlight.delete(run);
      this.expiring.delete(k);
    });
  }

  private retryLater(sessionId: string): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      const rooms = this.rooms;
      if (!rooms || this.stopped) return;
      rooms.acquire(sessionId).then(
        (room) => rooms.release(room),
        () => this.retryLater(sessionId),
      );
    }, RETRY_MS);
    t.unref();
  }

  private setIndexed(sessionId: string, open: boolean): void {
    if (this.index.has(sessionId) === open) return;
    if (open) this.index.add(sessionId);
    else this.index.delete(sessionId);
    this.storage.setSetting(SILENCE_INDEX_SETTING, JSON.stringify([...this.index])).catch((err: unknown) => {
      console.error('Accord: the list of sessions under silence could not be stored', err);
    });
  }
}

const key = (sessionId: string, silenceId: string) => `${sessionId}\u0000${silenceId}`;

function parseIndex(raw: string | undefined): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
