import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { HistoryPointRecord, Storage } from '../storage/storage.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * A point's bytes are stored gzipped: a checkpoint (no `base`) is the whole Y.Doc state (a
 * treaty-sized 1.3 MB state shrinks about 4×, to 310 KB); a change point (with `base`) is the
 * update since its base point (history-changes.ts), usually a few hundred bytes. zlib's async API
 * runs in libuv's thread pool, so compressing never stalls the room's event loop.
 */
export async function packHistoryState(update: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await gzipAsync(update));
}

export async function unpackHistoryState(stored: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await gunzipAsync(stored));
}

/** A chain is never longer than this (the recorder checkpoints far sooner); guards a corrupt cycle. */
const MAX_CHAIN = 10_000;

/**
 * The updates that rebuild `point` (oldest first: its checkpoint, then each change up to it).
 * Apply them in order to an empty Y.Doc (frozen-text.ts, readStoredState).
 */
export async function historyPointUpdates(storage: Storage, point: HistoryPointRecord): Promise<Uint8Array[]> {
  const chain: HistoryPointRecord[] = [point];
  for (let p = point; p.base; ) {
    const base = await storage.getHistoryPoint(p.docName, p.base);
    if (!base) throw new Error(`history point ${p.id} of ${p.docName}: its base ${p.base} is missing`);
    if (chain.length >= MAX_CHAIN) throw new Error(`history point ${point.id} of ${point.docName}: chain longer than ${MAX_CHAIN}`);
    chain.push(base);
    p = base;
  }
  return Promise.all(chain.reverse().map((p) => unpackHistoryState(p.state)));
}
