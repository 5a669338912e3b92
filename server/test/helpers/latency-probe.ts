import { performance } from 'node:perf_hooks';
import type { TestClient } from './client.js';

export interface ProbeResult {
  /** Relay latency of each probe edit: received by the reader minus when it was due to be sent. */
  relay: number[];
  /** /api/health round trips, measured from when each was due (so a blocked event loop counts). */
  health: number[];
}

/** p-th percentile (0–100) of `xs`; Infinity for an empty list. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Infinity;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/**
 * Another session's typing and /api/health, measured while `load` runs: every `intervalMs` the
 * writer sets one key that the reader must receive, and one health request goes out. Times are
 * taken from when each step was due, not when it ran, so a frozen server (it shares this
 * process's event loop) shows up in the numbers (no coordinated omission). Bounded: `durationMs`.
 */
export async function probeWhile(writer: TestClient, reader: TestClient, healthUrl: string, durationMs: number, load: () => Promise<unknown> | void, intervalMs = 20): Promise<ProbeResult> {
  const map = writer.doc.getMap<number>('probe');
  const seen = reader.doc.getMap<number>('probe');
  const due = new Map<string, number>();
  const relay: number[] = [];
  const health: number[] = [];
  const observer = () => {
    const now = performance.now();
    for (const [k, t0] of due) {
      if (seen.has(k)) {
        relay.push(now - t0);
        due.delete(k);
      }
    }
  };
  seen.observe(observer);
  const start = performance.now();
  const steps = Math.floor(durationMs / intervalMs);
  const pending: Promise<unknown>[] = [];
  const loadDone = Promise.resolve().then(load);
  for (let i = 0; i < steps; i++) {
    const at = start + i * intervalMs;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const key = `k${i}-${Math.random()}`;
    due.set(key, at);
    map.set(key, i);
    if (i % 2 === 0) pending.push(fetch(healthUrl).then((r) => r.text()).then(() => health.push(performance.now() - at)));
  }
  await Promise.all(pending);
  await loadDone;
  const end = performance.now() + 5_000;
  while (due.size && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
  seen.unobserve(observer);
  // Whatever never arrived counts as the whole wait.
  for (const t0 of due.values()) relay.push(performance.now() - t0);
  return { relay, health };
}

/**
 * Writes `messages` to a ws client's socket as masked binary frames in one write, so that a flood
 * costs this (shared) process almost nothing to produce; the server must still read every frame.
 */
export function writeFramesAtOnce(ws: { _socket?: unknown }, messages: Uint8Array[]): void {
  const frames: Buffer[] = [];
  for (const m of messages) {
    const n = m.byteLength;
    const header = n < 126 ? Buffer.from([0x82, 0x80 | n]) : Buffer.from([0x82, 0x80 | 126, n >> 8, n & 0xff]);
    if (n > 0xffff) throw new Error('frame too long for this helper');
    // A zero masking key: valid framing (the server unmasks with it), payload unchanged.
    frames.push(header, Buffer.alloc(4), Buffer.from(m.buffer, m.byteOffset, n));
  }
  (ws._socket as { write(b: Buffer): void }).write(Buffer.concat(frames));
}

/**
 * The targets are a victim's relay p99 < 50 ms and /api/health < 50 ms while a flood runs.
 * The server shares this test process and 2 cores with other work, so tests assert a generous
 * bound that a frozen server (old main: seconds) still fails by far: 200 ms, or 3× what the same
 * probe measures without the flood when the machine is busier than that. Measured values are printed.
 */
export async function latencyBound(writer: TestClient, reader: TestClient, url: string): Promise<number> {
  const quiet = await probeWhile(writer, reader, `${url}/api/health`, 600, () => {});
  const p99 = Math.max(percentile(quiet.relay, 99), percentile(quiet.health, 100));
  console.log(`  without flood: relay p99 ${percentile(quiet.relay, 99).toFixed(1)} ms, /api/health max ${percentile(quiet.health, 100).toFixed(1)} ms`);
  return Math.max(200, 3 * p99);
}
