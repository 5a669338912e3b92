import * as Y from 'yjs';
import type { Storage } from '../storage/storage.js';
import type { Connection } from './connection.js';

/** What one event-loop turn of incoming updates did to the room's document. */
export interface Batch {
  /** The merged document change, or null when the updates changed nothing (already known). */
  update: Uint8Array | null;
  /** Connections whose updates changed the document. */
  changers: Set<Connection>;
  /** Connections that sent updates and asked for SAVED. */
  ackers: Set<Connection>;
  /** Y.encodeStateVector of the document right after this batch was applied. */
  stateVector: Uint8Array;
  /** Called once this batch is durable (server-side changes waiting to answer their caller). */
  onDurable?: () => void;
}

/** One or more batches, committed together. */
export interface Commit {
  update: Uint8Array | null;
  changers: Set<Connection>;
  ackers: Set<Connection>;
  /** The document's state vector as of this commit: what SAVED reports. */
  stateVector: Uint8Array;
  /** Sequence number of the row written, or of the last row when nothing was written. */
  seq: number;
}

export interface CommitQueueOptions {
  storage: Storage;
  docName: string;
  lastSeq: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Runs after a commit is durable and before the next write starts (relay, SAVED, compaction). */
  onCommitted(commit: Commit): Promise<void> | void;
  onWriteFailed(err: unknown, attempt: number): void;
}

/**
 * Writes batches to storage one transaction at a time, in order. Batches that pile up while a
 * write is in flight are merged into the next transaction (group commit). A failed write keeps
 * its batches at the head of the queue and retries with exponential backoff: nothing is dropped,
 * nothing later is committed or relayed before it (hocuspocus storeDocumentHooks keep the
 * document in memory in the same way).
 */
export class CommitQueue {
  private queue: Batch[] = [];
  private writing = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;
  lastSeq: number;

  constructor(private readonly o: CommitQueueOptions) {
    this.lastSeq = o.lastSeq;
  }

  push(batch: Batch): void {
    this.queue.push(batch);
    if (!this.retryTimer) void this.run();
  }

  /** Nothing applied in memory is waiting to be written. */
  get settled(): boolean {
    return !this.writing && this.queue.length === 0;
  }

  whenSettled(): Promise<void> {
    return this.settled ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Retries a pending failed write now (used by graceful stop). */
  retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async run(): Promise<void> {
    if (this.writing || this.stopped) return;
    this.writing = true;
    try {
      while (this.queue.length && !this.stopped) {
        const batches = this.queue.slice();
        const updates = batches.flatMap((b) => (b.update ? [b.update] : []));
        const update = updates.length === 0 ? null : updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
        let seq = this.lastSeq;
        if (update) {
          try {
            seq = await this.o.storage.appendUpdates(this.o.docName, [update]);
          } catch (err) {
            this.attempt++;
            this.o.onWriteFailed(err, this.attempt);
            const delay = Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** (this.attempt - 1));
            this.retryTimer = setTimeout(() => {
              this.retryTimer = null;
              void this.run();
            }, delay);
            return;
          }
        }
        this.attempt = 0;
        this.lastSeq = seq;
        this.queue.splice(0, batches.length);
        const changers = new Set(batches.flatMap((b) => [...b.changers]));
        const ackers = new Set(batches.flatMap((b) => [...b.ackers]));
        const stateVector = batches[batches.length - 1].stateVector;
        try {
          await this.o.onCommitted({ update, changers, ackers, stateVector, seq });
        } catch (err) {
          console.error('Accord: after-commit step failed', err);
        }
        for (const b of batches) b.onDurable?.();
      }
    } finally {
      this.writing = false;
      if (this.settled) for (const w of this.waiters.splice(0)) w();
    }
  }
}
