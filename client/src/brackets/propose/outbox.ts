import type { Command, CommandOutcome } from '@accord/shared/brackets/index';
import { sendCommand, type CommandCarrier, type CommandFailure } from '../send-command';

/** One proposal the server has not answered yet. */
export interface OutboxEntry {
  /** Made here when the entry is created and sent with every attempt: the server answers a repeat with its first answer. */
  commandId: string;
  command: Command;
  /** What the person typed (or what the command does), shown in the list and when it is refused. */
  text: string;
  /** Where, as delegates say it ("OP5"). */
  where?: string;
  createdAt: number;
  /** Sent at least once (the answer may have been lost): its command can no longer change. */
  attempted?: boolean;
  /** Belongs to a draft still being typed while offline: its command may still change, and it is not sent yet. */
  held?: string;
}

/** How a submitted command ended: stored, refused for good (it has left the outbox), or still queued. */
export type Delivery =
  | { status: 'sent'; result: CommandOutcome }
  | { status: 'refused'; error: CommandFailure }
  | { status: 'queued'; error: CommandFailure };

/** What the outbox needs from the connection. */
export interface OutboxCarrier extends CommandCarrier {
  /** Whether the WebSocket is open (commands are sent only then; otherwise they wait). */
  connected(): boolean;
}

/** localStorage, or anything with its three methods. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realClock: Clock = {
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
  now: () => Date.now(),
};

/** Failures that say nothing about the command itself: it stays queued and is sent again with the same commandId. */
const TRANSIENT = new Set(['offline', 'disconnected', 'timeout', 'rate_limited', 'error']);

export const isTransient = (code: string): boolean => TRANSIENT.has(code);

/** A commandId as the server accepts it: `[A-Za-z0-9_-]`, at most 64 characters. */
export function newCommandId(): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().replace(/-/g, '') : Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  return `p-${Date.now().toString(36)}-${random.slice(0, 24)}`;
}

/** A short, non-reversible tag of a participant token (the key must not hold the token itself). */
export function tokenTag(token: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

export const outboxKey = (sessionId: string, token: string): string => `accord.outbox.${sessionId}.${tokenTag(token)}`;

const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

/**
 * Proposals not yet stored by the server, one participant in one session: kept in `store` so they
 * survive a reload, sent in order whenever the connection is up, each with the commandId it got
 * on entering, so a resend after a lost answer never makes a second proposal. A permanent refusal
 * takes the entry out and is reported with its text (never silently dropped); a transient failure
 * keeps it for the next attempt.
 */
export class Outbox {
  private entries: OutboxEntry[];
  private readonly waiters = new Map<string, (d: Delivery) => void>();
  private readonly listeners = new Set<() => void>();
  private pumping = false;
  private retry: unknown = null;
  private failures = 0;
  /** Entries answered without anyone waiting (e.g. queued before a reload): the view tells the person. */
  onSettled: (entry: OutboxEntry, delivery: Delivery) => void = () => undefined;

  constructor(
    private readonly carrier: OutboxCarrier,
    private readonly store: KeyValueStore | null,
    private readonly key: string,
    private readonly clock: Clock = realClock,
    private readonly makeId: () => string = newCommandId,
  ) {
    this.entries = this.load();
  }

  private load(): OutboxEntry[] {
    try {
      const raw = this.store?.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      // A held entry from a previous page has no draft any more: it is queued like the others.
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]).filter((e) => e && typeof e.commandId === 'string' && e.command).map(({ held: _, ...e }) => e) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      if (this.entries.length) this.store?.setItem(this.key, JSON.stringify(this.entries));
      else this.store?.removeItem(this.key);
    } catch {
      // storage full or unavailable: the entries are still kept in memory and shown
    }
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Everything not yet stored by the server (held drafts included), oldest first. */
  list = (): readonly OutboxEntry[] => this.entries;

  get size(): number {
    return this.entries.length;
  }

  /**
   * Puts a command in the outbox (stored before anything is sent) and sends it when its turn comes.
   * Resolves once it is stored, refused for good, or known to have to wait (queued).
   */
  submit(command: Command, text: string, where?: string): Promise<Delivery> {
    const entry: OutboxEntry = { commandId: this.makeId(), command, text, where, createdAt: this.clock.now() };
    this.entries = [...this.entries, entry];
    this.save();
    const delivered = new Promise<Delivery>((resolve) => this.waiters.set(entry.commandId, resolve));
    if (!this.carrier.connected()) this.settle(entry.commandId, { status: 'queued', error: { code: 'offline', message: 'Not connected: the proposal will be sent when the connection returns.' } });
    void this.pump();
    return delivered;
  }

  /**
   * Keeps a draft typed while offline (so a reload keeps it too) without sending it: the draft owner
   * (`holder`) replaces it as typing goes on, and either sends it itself (take) or lets it go (release).
   */
  hold(holder: string, command: Command, text: string, where?: string): void {
    const i = this.entries.findIndex((e) => e.held === holder);
    if (i < 0) this.entries = [...this.entries, { commandId: this.makeId(), command, text, where, createdAt: this.clock.now(), held: holder }];
    else this.entries = this.entries.map((e, j) => (j === i ? { ...e, command, text, where } : e));
    this.save();
  }

  /** The held draft leaves the outbox (its owner sends it now, or the person set it aside). */
  take(holder: string): OutboxEntry | null {
    const entry = this.entries.find((e) => e.held === holder) ?? null;
    if (entry) {
      this.entries = this.entries.filter((e) => e !== entry);
      this.save();
    }
    return entry;
  }

  /** The held draft becomes an ordinary queued entry (its draft was closed while offline). */
  release(holder: string): void {
    if (!this.entries.some((e) => e.held === holder)) return;
    this.entries = this.entries.map((e) => (e.held === holder ? { ...e, held: undefined } : e));
    this.save();
    void this.pump();
  }

  /** Sends what is queued, in order; called when the connection (re)opens. */
  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        if (!this.carrier.connected()) return;
        const entry = this.entries.find((e) => !e.held);
        if (!entry) return;
        if (!entry.attempted) {
          this.entries = this.entries.map((e) => (e === entry ? { ...e, attempted: true } : e));
          this.save();
        }
        const answer = await sendCommand(this.carrier, entry.command, entry.commandId);
        if (!answer.ok && isTransient(answer.error.code)) {
          this.settle(entry.commandId, { status: 'queued', error: answer.error });
          this.scheduleRetry();
          return;
        }
        this.failures = 0;
        this.entries = this.entries.filter((e) => e.commandId !== entry.commandId);
        this.save();
        this.settle(entry.commandId, answer.ok ? { status: 'sent', result: answer.result } : { status: 'refused', error: answer.error }, entry);
      }
    } finally {
      this.pumping = false;
    }
  }

  private scheduleRetry(): void {
    if (this.retry !== null) return;
    const ms = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.retry = this.clock.setTimeout(() => {
      this.retry = null;
      void this.pump();
    }, ms);
  }

  private settle(commandId: string, delivery: Delivery, entry?: OutboxEntry): void {
    const waiter = this.waiters.get(commandId);
    if (waiter) {
      // A waiter hears once; a later outcome of a queued entry is for the view.
      this.waiters.delete(commandId);
      waiter(delivery);
    } else if (entry) {
      this.onSettled(entry, delivery);
    }
  }

  destroy(): void {
    if (this.retry !== null) this.clock.clearTimeout(this.retry);
    this.retry = null;
  }
}
