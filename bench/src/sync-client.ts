// One-off protocol clients used outside the load: upload an update as a trusted writer, and fetch
// a room's full state the way a fresh client does (sync step 1 with an empty state vector).
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { EMPTY_STATE_VECTOR, MSG_SYNC, SYNC_STEP2, nowMs, syncStep1, syncUpdate } from './protocol.js';

function open(url: string, timeoutMs: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    const t = setTimeout(() => { ws.terminate(); reject(new Error(`no connection to ${url}`)); }, timeoutMs);
    ws.once('open', () => { clearTimeout(t); resolve(ws); });
    ws.once('error', (e) => { clearTimeout(t); reject(e); });
    ws.once('unexpected-response', (_q, res) => { clearTimeout(t); reject(new Error(`HTTP ${res.statusCode} from ${url}`)); });
  });
}

export interface FetchTiming {
  /** ms from starting the connection to the WebSocket being open. */
  open: number;
  /** ms from starting the connection to the whole sync step 2 having arrived. */
  step2: number;
  update: Uint8Array;
}

/** Connects, sends sync step 1 with an empty state vector and waits for the server's step 2. */
export async function fetchState(url: string, timeoutMs = 30_000): Promise<FetchTiming> {
  const start = nowMs();
  const ws = await open(url, timeoutMs);
  const opened = nowMs() - start;
  try {
    return await new Promise<FetchTiming>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no sync step 2 from ${url}`)), timeoutMs);
      ws.on('message', (data: Buffer) => {
        if (data[0] !== MSG_SYNC || data[1] !== SYNC_STEP2) return;
        const step2 = nowMs() - start;
        clearTimeout(t);
        const d = decoding.createDecoder(data);
        decoding.readVarUint(d);
        decoding.readVarUint(d);
        resolve({ open: opened, step2, update: decoding.readVarUint8Array(d) });
      });
      ws.send(syncStep1(EMPTY_STATE_VECTOR));
    });
  } finally {
    ws.close();
  }
}

function covers(have: Map<number, number>, want: Map<number, number>): boolean {
  for (const [client, clock] of want) if ((have.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Sends `update` as a sync update message from a writer connection, then polls fresh syncs
 * until the server's state contains it (so it is applied, and for Accord stored).
 */
export async function uploadUpdate(writerUrl: string, update: Uint8Array, timeoutMs = 60_000): Promise<void> {
  const want = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
  const ws = await open(writerUrl, timeoutMs);
  try {
    ws.on('message', () => { /* server step 1, awareness, identity: not needed */ });
    await new Promise<void>((resolve, reject) => ws.send(syncUpdate(update), (e) => (e ? reject(e) : resolve())));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { update: state } = await fetchState(writerUrl, timeoutMs);
      if (covers(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)), want)) return;
      if (Date.now() > deadline) throw new Error('the server never showed the uploaded update');
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    ws.close();
  }
}
