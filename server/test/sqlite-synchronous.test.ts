import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../src/storage/sqlite-storage.js';
import { allAcked, connectClient } from './helpers/client.js';
import { startTestServer, tempDir } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/**
 * Not a pass/fail bar: measures what synchronous=FULL costs against NORMAL on this disk, through
 * the whole path (keystroke → commit → SAVED) and, separately, for 10 concurrent typists (group
 * commit amortises the fsync). The numbers are printed; the choice is argued in sqlite-storage.ts.
 */
describe('SQLite synchronous FULL vs NORMAL (measured)', () => {
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    it(`${synchronous}: one append transaction`, async () => {
      const dataDir = tempDir();
      const storage = createSqliteStorage({ dataDir, synchronous });
      const lat: number[] = [];
      const update = new Uint8Array(60).fill(7);
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await storage.appendUpdates('d', [update]);
        lat.push(performance.now() - t0);
      }
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
      console.log(`[sqlite ${synchronous}] appendUpdates p50 ${pct(lat, 50).toFixed(3)} ms, p99 ${pct(lat, 99).toFixed(3)} ms`);
      expect(lat.length).toBe(200);
    });

    it(`${synchronous}: ack latency and throughput`, async () => {
      const t = await startTestServer({ synchronous });
      const { id, chairToken } = await t.createSession(`sync ${synchronous}`);
      const one = connectClient(t.wsUrl, id, chairToken, { acks: true });
      await one.synced();
      const lat: number[] = [];
      for (let i = 0; i < 150; i++) {
        const t0 = performance.now();
        one.doc.getText('t').insert(0, 'x');
        await one.acked();
        lat.push(performance.now() - t0);
      }
      const many = Array.from({ length: 10 }, () => connectClient(t.wsUrl, id, chairToken, { acks: true }));
      await Promise.all(many.map((c) => c.synced()));
      const t1 = performance.now();
      const before = (await t.server.storage.loadUpdates(id)).lastSeq;
      for (let round = 0; round < 50; round++) {
        for (const c of many) c.doc.getText('t').insert(0, 'y');
        await new Promise((r) => setTimeout(r, 2));
      }
      await waitFor(() => many.every(allAcked), 'all acked', 20_000);
      const elapsed = performance.now() - t1;
      const writes = (await t.server.storage.loadUpdates(id)).lastSeq - before;
      console.log(
        `[sqlite ${synchronous}] single typist ack p50 ${pct(lat, 50).toFixed(2)} ms, p99 ${pct(lat, 99).toFixed(2)} ms; ` +
          `10 typists × 50 edits: ${elapsed.toFixed(0)} ms, ${writes} transactions for 500 updates`,
      );
      for (const c of [one, ...many]) c.destroy();
      await t.stop();
      expect(lat.length).toBe(150);
    });
  }
});
