import * as Y from 'yjs';
import { newId } from '@accord/shared';
import { Y_DECISIONS } from '@accord/shared/brackets/index';
import type { Extension } from '../extension.js';
import type { HistoryPointRewrite, HistoryPointSummary, Storage } from '../storage/storage.js';
import { changeSince, pointState, unchangedSince, type PointState } from './history-changes.js';
import { historyToThin, KEEP_ALL_MS } from './history-policy.js';
import { packHistoryState, unpackHistoryState } from './history-state.js';

export type HistoryReason = 'decision' | 'editing' | 'before-restore' | 'before-revision';

export interface HistoryOptions {
  storage: Storage;
  /** At most one "editing" point per this interval while edits keep coming (default 3 minutes). */
  intervalMs?: number;
  /** Every point younger than this is kept; older days keep one point (default 7 days). */
  keepAllMs?: number;
  now?: () => number;
  /**
   * A full checkpoint after this many change points (default 50, about 2.5 hours of steady
   * editing at 3 minutes), so reading a point applies at most that many changes.
   */
  checkpointEvery?: number;
}

/** What the next stored point is: a whole state, or a change against `base`. */
interface Payload {
  base?: string;
  update: Uint8Array;
}

interface Tracked {
  doc: Y.Doc;
  /** When the last point was taken (ms), 0 = never. */
  lastAt: number;
  /** The last point taken in this process: the next is a change against it. */
  last: (PointState & { id: string }) | null;
  /** Change points since the last checkpoint, and their bytes beside the checkpoint's. */
  changes: number;
  changeBytes: number;
  checkpointBytes: number;
  /** Edits stored since the last point. */
  dirty: boolean;
  /** Length of the decision log at the last look: growth = a decision was committed. */
  decisions: number;
  timer: NodeJS.Timeout | null;
}

/**
 * The automatic history: a point after every committed decision, at most every `intervalMs`
 * while edits keep coming (and once more when edits stop or the room unloads), and on request
 * before a restore or a revision. Each point is stored as the change since the point before it,
 * with a whole state (a checkpoint) first and every `checkpointEvery` points, or when the changes
 * have grown as big as a checkpoint (history-changes.ts, history-state.ts); thinning
 * (history-policy.ts) folds a dropped point into the point that depends on it.
 */
export class HistoryRecorder {
  readonly extension: Extension;
  private readonly tracked = new Map<string, Tracked>();
  /** Per-session chain of writes, so points are stored (and thinned) in the order taken. */
  private readonly writes = new Map<string, Promise<unknown>>();
  /** A point whose write failed, folded into the next one so its dependants stay readable. */
  private readonly unsaved = new Map<string, Payload>();
  private readonly checkpointEvery: number;
  private readonly intervalMs: number;
  private readonly keepAllMs: number;
  private readonly now: () => number;

  constructor(private readonly o: HistoryOptions) {
    this.intervalMs = o.intervalMs ?? 3 * 60 * 1000;
    this.keepAllMs = o.keepAllMs ?? KEEP_ALL_MS;
    this.now = o.now ?? Date.now;
    this.checkpointEvery = Math.max(1, o.checkpointEvery ?? 50);
    this.extension = {
      onLoadDocument: async ({ sessionId, document }) => {
        const points = await o.storage.listHistory(sessionId);
        const last = points[points.length - 1];
        this.track(sessionId, document, last ? Date.parse(last.at) : 0);
      },
      onStoreDocument: ({ sessionId, document }) => this.stored(sessionId, document),
    };
  }

  /**
   * Takes a point of `doc` now (its state is read synchronously) and resolves once it is stored.
   * With `skipIfUnchanged`, resolves null when the last point already holds this exact state.
   */
  record(sessionId: string, doc: Y.Doc, reason: HistoryReason, opts: { skipIfUnchanged?: boolean } = {}): Promise<HistoryPointSummary | null> {
    const t = this.tracked.get(sessionId) ?? this.track(sessionId, doc, 0);
    const state = pointState(doc);
    if (opts.skipIfUnchanged && unchangedSince(state, t.last)) return Promise.resolve(null);
    const at = this.now();
    const summary: HistoryPointSummary = { id: newId('h'), docName: sessionId, at: new Date(at).toISOString(), reason };
    let payload: Payload;
    const change = t.last && t.changes + 1 < this.checkpointEvery ? changeSince(doc, state, t.last) : null;
    if (t.last && change && t.changeBytes + change.length < t.checkpointBytes) {
      payload = { base: t.last.id, update: change };
      t.changes++;
      t.changeBytes += change.length;
    } else {
      payload = { update: Y.encodeStateAsUpdate(doc) };
      t.changes = 0;
      t.changeBytes = 0;
      t.checkpointBytes = payload.update.length;
    }
    t.lastAt = at;
    t.last = { ...state, id: summary.id };
    t.dirty = false;
    if (t.timer) clearTimeout(t.timer);
    t.timer = null;
    const prev = this.writes.get(sessionId) ?? Promise.resolve();
    const write = prev.then(async () => {
      await this.save(summary, payload);
      await this.thin(sessionId);
      return summary;
    });
    const tail = write.catch(() => undefined);
    this.writes.set(sessionId, tail);
    void tail.then(() => this.writes.get(sessionId) === tail && this.writes.delete(sessionId));
    return write;
  }

  /** Resolves when every point taken so far is stored (tests, shutdown). */
  async flushed(): Promise<void> {
    await Promise.all([...this.writes.values()]);
  }

  private track(sessionId: string, doc: Y.Doc, lastAt: number): Tracked {
    const t: Tracked = { doc, lastAt, last: null, changes: 0, changeBytes: 0, checkpointBytes: 0, dirty: false, decisions: doc.getArray(Y_DECISIONS).length, timer: null };
    this.tracked.set(sessionId, t);
    // Edits since the last point would be lost from history when the room unloads: take one
    // while the content is still there (Y.Doc emits 'destroy' before it clears itself).
    doc.once('destroy', () => {
      if (t.timer) clearTimeout(t.timer);
      t.timer = null;
      if (t.dirty) this.record(sessionId, doc, 'editing').catch((err: unknown) => console.error(`Accord: history point of ${sessionId} failed`, err));
      if (this.tracked.get(sessionId) === t) this.tracked.delete(sessionId);
    });
    return t;
  }

  private stored(sessionId: string, doc: Y.Doc): void {
    const t = this.tracked.get(sessionId);
    if (!t || t.doc !== doc) return;
    t.dirty = true;
    const decisions = doc.getArray(Y_DECISIONS).length;
    if (decisions > t.decisions) {
      t.decisions = decisions;
      this.recordLogged(sessionId, doc, 'decision');
      return;
    }
    t.decisions = decisions;
    const due = t.lastAt + this.intervalMs - this.now();
    if (due <= 0) this.recordLogged(sessionId, doc, 'editing');
    else if (!t.timer) {
      // Edits that stop before the interval is over still get their point, once it is.
      t.timer = setTimeout(() => {
        t.timer = null;
        if (t.dirty && this.tracked.get(sessionId) === t) this.recordLogged(sessionId, doc, 'editing');
      }, due);
      t.timer.unref();
    }
  }

  private recordLogged(sessionId: string, doc: Y.Doc, reason: HistoryReason): void {
    this.record(sessionId, doc, reason, { skipIfUnchanged: reason === 'editing' }).catch((err: unknown) =>
      console.error(`Accord: history point of ${sessionId} failed`, err),
    );
  }

  /** Stores a point; a change whose base failed to store carries that base's content along. */
  private async save(summary: HistoryPointSummary, payload: Payload): Promise<void> {
    const failed = this.unsaved.get(summary.docName);
    let { base, update } = payload;
    if (failed && base !== undefined) {
      base = failed.base;
      update = Y.mergeUpdates([failed.update, update]);
    }
    try {
      await this.o.storage.saveHistoryPoint({ ...summary, ...(base !== undefined ? { base } : {}), state: await packHistoryState(update) });
      this.unsaved.delete(summary.docName);
    } catch (err) {
      this.unsaved.set(summary.docName, { base, update });
      throw err;
    }
  }

  /**
   * Deletes the points the policy drops. A point that is a change against a dropped one gets
   * that one folded in (the two changes merged, or checkpoint + change merged into a checkpoint),
   * in the same transaction, so every kept point still rebuilds exactly.
   */
  private async thin(sessionId: string): Promise<void> {
    const points = await this.o.storage.listHistory(sessionId);
    const drop = new Set(historyToThin(points, this.now(), this.keepAllMs));
    if (!drop.size) return;
    const folded = new Map<string, Payload>();
    const payloadOf = async (id: string): Promise<Payload | undefined> => {
      const known = folded.get(id);
      if (known) return known;
      const p = await this.o.storage.getHistoryPoint(sessionId, id);
      return p && { ...(p.base !== undefined ? { base: p.base } : {}), update: await unpackHistoryState(p.state) };
    };
    for (const p of points) {
      if (!drop.has(p.id)) continue;
      for (const dependant of points.filter((d) => d.base === p.id)) {
        const [gone, next] = [await payloadOf(p.id), await payloadOf(dependant.id)];
        if (!gone || !next) continue;
        folded.set(dependant.id, { ...(gone.base !== undefined ? { base: gone.base } : {}), update: Y.mergeUpdates([gone.update, next.update]) });
        dependant.base = gone.base;
      }
    }
    const rewritten: HistoryPointRewrite[] = [];
    for (const [id, f] of folded) {
      if (!drop.has(id)) rewritten.push({ id, ...(f.base !== undefined ? { base: f.base } : {}), state: await packHistoryState(f.update) });
    }
    await this.o.storage.deleteHistoryPoints(sessionId, [...drop], rewritten);
  }
}
