import type * as Y from 'yjs';
import type { Extension } from '../extension.js';
import type { SessionRecord, SessionSummaryRecord, Storage } from '../storage/storage.js';
import { heavyWork } from '../work/heavy-work.js';
import { liveTextSummary } from './text-summary.js';

export interface SessionSummariesOptions {
  storage: Storage;
  /** The document of a session whose room is loaded (its live text), else undefined. */
  liveDocument(sessionId: string): Y.Doc | undefined;
  /**
   * How long after a commit the text is recounted and its summary stored (default 2 s): one count
   * and one write per burst of typing, not per keystroke.
   */
  delayMs?: number;
  now?: () => number;
}

interface Dirty {
  doc: Y.Doc;
  timer: NodeJS.Timeout;
  onDestroy: () => void;
}

const latest = (...isoTimes: (string | undefined)[]): string =>
  isoTimes.filter((t): t is string => !!t).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

/**
 * What the session list shows of each text (symbol, name, language, revision label, last activity,
 * open brackets), kept so that listing never reads a document: recounted from the room's index a
 * moment after each commit (and when a room unloads), stored beside the session so it survives
 * restarts; a session without one yet (created before, or never changed) is summarised once from
 * its stored state, off the event loop.
 */
export class SessionSummaries {
  readonly extension: Extension;
  private readonly known = new Map<string, SessionSummaryRecord>();
  private loaded: Promise<void> | null = null;
  /** Last commit per session (ISO), ahead of the stored summary until it is recounted. */
  private readonly activity = new Map<string, string>();
  private readonly dirty = new Map<string, Dirty>();
  private readonly firsts = new Map<string, Promise<void>>();
  private readonly writes = new Set<Promise<void>>();
  private readonly delayMs: number;
  private readonly now: () => number;

  constructor(private readonly o: SessionSummariesOptions) {
    this.delayMs = o.delayMs ?? 2_000;
    this.now = o.now ?? Date.now;
    this.extension = {
      onStoreDocument: ({ sessionId, document }) => this.committed(sessionId, document),
    };
  }

  /** The summaries of `sessions`, summarising (once) those that have none. */
  async of(sessions: readonly SessionRecord[]): Promise<Map<string, SessionSummaryRecord>> {
    this.loaded ??= this.o.storage.listSessionSummaries().then((stored) => {
      // Anything recounted while this was loading is newer than what was stored.
      for (const s of stored) if (!this.known.has(s.sessionId)) this.known.set(s.sessionId, s);
    });
    await this.loaded;
    for (const s of sessions) if (!this.known.has(s.id)) await this.first(s);
    const out = new Map<string, SessionSummaryRecord>();
    for (const s of sessions) {
      const summary = this.known.get(s.id);
      if (summary) out.set(s.id, { ...summary, lastActivity: latest(summary.lastActivity, this.activity.get(s.id)) });
    }
    return out;
  }

  /** Recounts what is waiting and resolves once every summary is stored (server stop). */
  async flushed(): Promise<void> {
    for (const id of [...this.dirty.keys()]) this.recount(id);
    await Promise.all([...this.firsts.values(), ...this.writes]);
  }

  private committed(sessionId: string, doc: Y.Doc): void {
    this.activity.set(sessionId, new Date(this.now()).toISOString());
    if (this.dirty.has(sessionId)) return;
    // A room that unloads before the timer is recounted as it goes (Y.Doc emits 'destroy' first).
    const onDestroy = () => this.recount(sessionId);
    const timer = setTimeout(() => this.recount(sessionId), this.delayMs);
    timer.unref();
    doc.on('destroy', onDestroy);
    this.dirty.set(sessionId, { doc, timer, onDestroy });
  }

  private recount(sessionId: string): void {
    const d = this.dirty.get(sessionId);
    if (!d) return;
    this.dirty.delete(sessionId);
    clearTimeout(d.timer);
    d.doc.off('destroy', d.onDestroy);
    let counted;
    try {
      counted = liveTextSummary(d.doc);
    } catch (err) {
      console.error(`Accord: summarising ${sessionId} failed`, err);
      return;
    }
    const lastActivity = latest(this.known.get(sessionId)?.lastActivity, this.activity.get(sessionId));
    this.keep({ sessionId, ...counted, lastActivity });
  }

  private first(session: SessionRecord): Promise<void> {
    let running = this.firsts.get(session.id);
    if (!running) {
      running = this.summarise(session)
        .then((summary) => {
          // A commit recounted it meanwhile: that one is newer.
          if (!this.known.has(session.id)) this.keep(summary);
        })
        .catch((err: unknown) => console.error(`Accord: summarising ${session.id} failed`, err))
        .finally(() => this.firsts.delete(session.id));
      this.firsts.set(session.id, running);
    }
    return running;
  }

  private async summarise(session: SessionRecord): Promise<SessionSummaryRecord> {
    const { storage } = this.o;
    const [history, revisions] = await Promise.all([storage.listHistory(session.id), storage.listRevisionSummaries(session.id)]);
    const times = [session.createdAt, history.at(-1)?.at, revisions.at(-1)?.createdAt, this.activity.get(session.id)];
    const live = this.o.liveDocument(session.id);
    if (live) return { sessionId: session.id, ...liveTextSummary(live), lastActivity: latest(...times) };
    const { updates } = await storage.loadUpdates(session.id);
    const size = updates.reduce((n, u) => n + u.length, 0);
    const { lastRecorded, ...summary } = await heavyWork.run('summary', { updates }, size);
    if (lastRecorded > 0) times.push(new Date(lastRecorded).toISOString());
    return { sessionId: session.id, ...summary, lastActivity: latest(...times) };
  }

  private keep(summary: SessionSummaryRecord): void {
    this.known.set(summary.sessionId, summary);
    const write = this.o.storage
      .saveSessionSummary(summary)
      .catch((err: unknown) => console.error(`Accord: storing the summary of ${summary.sessionId} failed`, err))
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }
}
