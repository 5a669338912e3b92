import * as Y from 'yjs';
import { newId } from '@accord/shared';
import { Y_DECISIONS } from '@accord/shared/brackets/index';
import type { Extension } from '../extension.js';
import type { HistoryPointSummary, Storage } from '../storage/storage.js';
import { historyToThin, KEEP_ALL_MS } from './history-policy.js';
import { packHistoryState } from './history-state.js';

export type HistoryReason = 'decision' | 'editing' | 'before-restore' | 'before-revision';

export interface HistoryOptions {
  storage: Storage;
  /** At most one "editing" point per this interval while edits keep coming (default 3 minutes). */
  intervalMs?: number;
  /** Every point younger than this is kept; older days keep one point (default 7 days). */
  keepAllMs?: number;
  now?: () => number;
}

interface Tracked {
  doc: Y.Doc;
  /** When the last point was taken (ms), 0 = never. */
  lastAt: number;
  /** State vector of the last point, to skip points that would repeat it. */
  lastVector: Uint8Array | null;
  /** Edits stored since the last point. */
  dirty: boolean;
  /** Length of the decision log at the last look: growth = a decision was committed. */
  decisions: number;
  timer: NodeJS.Timeout | null;
}

const sameBytes = (a: Uint8Array | null, b: Uint8Array) => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The automatic history: a point after every committed decision, at most every `intervalMs`
 * while edits keep coming (and once more when edits stop or the room unloads), and on request
 * before a restore or a revision. Points are whole Y.Doc states, gzipped (history-state.ts);
 * thinning: history-policy.ts.
 */
export class HistoryRecorder {
  readonly extension: Extension;
  private readonly tracked = new Map<string, Tracked>();
  /** Per-session chain of writes, so points are stored (and thinned) in the order taken. */
  private readonly writes = new Map<string, Promise<unknown>>();
  private readonly intervalMs: number;
  private readonly keepAllMs: number;
  private readonly now: () => number;

  constructor(private readonly o: HistoryOptions) {
    this.intervalMs = o.intervalMs ?? 3 * 60 * 1000;
    this.keepAllMs = o.keepAllMs ?? KEEP_ALL_MS;
    this.now = o.now ?? Date.now;
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
    const vector = Y.encodeStateVector(doc);
    if (opts.skipIfUnchanged && sameBytes(t.lastVector, vector)) return Promise.resolve(null);
    const at = this.now();
    const summary: HistoryPointSummary = { id: newId('h'), docName: sessionId, at: new Date(at).toISOString(), reason };
    const update = Y.encodeStateAsUpdate(doc);
    t.lastAt = at;
    t.lastVector = vector;
    t.dirty = false;
    if (t.timer) clearTimeout(t.timer);
    t.timer = null;
    const prev = this.writes.get(sessionId) ?? Promise.resolve();
    const write = prev.then(async () => {
      await this.o.storage.saveHistoryPoint({ ...summary, state: await packHistoryState(update) });
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
    const t: Tracked = { doc, lastAt, lastVector: null, dirty: false, decisions: doc.getArray(Y_DECISIONS).length, timer: null };
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

  private async thin(sessionId: string): Promise<void> {
    const drop = historyToThin(await this.o.storage.listHistory(sessionId), this.now(), this.keepAllMs);
    if (drop.length) await this.o.storage.deleteHistoryPoints(sessionId, drop);
  }
}
