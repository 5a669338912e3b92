import { Room, type RoomOptions } from './room.js';

interface Entry {
  /** Resolves once the stored state is loaded; connections wait on it, never on an empty doc. */
  ready: Promise<Room>;
  room: Room | null;
  idleTimer: NodeJS.Timeout | null;
  /** Set while the room is being compacted and dropped; newcomers wait, then load afresh. */
  unloading: Promise<void> | null;
}

/** Rooms load on demand and unload when idle, only after their last write committed. */
export class Rooms {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly o: RoomOptions & { idleUnloadMs: number },
  ) {}

  /** The loaded room for `name`; rejects if its stored state cannot be loaded. */
  async acquire(name: string): Promise<Room> {
    let entry = this.entries.get(name);
    while (entry?.unloading) {
      await entry.unloading;
      entry = this.entries.get(name);
    }
    if (!entry) {
      const e: Entry = { ready: Room.load(name, this.o), room: null, idleTimer: null, unloading: null };
      this.entries.set(name, e);
      e.ready.then(
        (room) => (e.room = room),
        () => this.entries.get(name) === e && this.entries.delete(name), // the next attempt loads again
      );
      entry = e;
    }
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
    return entry.ready;
  }

  /** Call when a connection left: starts the idle countdown of an empty room. */
  release(room: Room): void {
    const entry = this.entries.get(room.name);
    if (!entry || entry.room !== room || room.connections.size > 0 || entry.unloading) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => this.unloadIfIdle(entry, room), this.o.idleUnloadMs);
  }

  get loaded(): Room[] {
    return [...this.entries.values()].flatMap((e) => (e.room ? [e.room] : []));
  }

  isLoaded(name: string): boolean {
    return this.entries.has(name);
  }

  /** Waits for every room's writes (bounded by `timeoutMs`), compacts and drops them all. */
  async closeAll(timeoutMs: number): Promise<void> {
    const entries = [...this.entries.values()];
    await Promise.allSettled(entries.map((e) => e.ready));
    await Promise.all(
      entries.map(async (e) => {
        if (e.idleTimer) clearTimeout(e.idleTimer);
        const room = e.room;
        if (!room) return;
        room.retryNow();
        const settled = await Promise.race([
          room.whenSettled().then(() => true),
          new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref()),
        ]);
        if (settled) await room.compact();
        else console.error(`Accord: ${room.name} still has unsaved changes at shutdown`);
        room.destroy();
      }),
    );
    this.entries.clear();
  }

  private unloadIfIdle(entry: Entry, room: Room): void {
    entry.idleTimer = null;
    if (room.connections.size > 0 || this.entries.get(room.name) !== entry) return;
    if (!room.settled) {
      // A write is still pending or being retried: keep the document in memory and look again.
      entry.idleTimer = setTimeout(() => this.unloadIfIdle(entry, room), this.o.idleUnloadMs);
      return;
    }
    entry.unloading = room.compact().finally(() => {
      room.destroy();
      this.entries.delete(room.name);
    });
  }
}
