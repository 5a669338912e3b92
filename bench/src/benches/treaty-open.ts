// Open a treaty-sized text (≈1 M characters, 100 k-edit history) in a fresh client.
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { DEFAULT_TREATY, docCharacters, generateTreatyDoc } from '../documents.js';
import { nowMs } from '../protocol.js';
import { table } from '../report.js';
import { selectServers } from '../servers/index.js';
import type { BenchServer, RoomSetup } from '../servers/types.js';
import { median, round } from '../stats.js';
import { fetchState, uploadUpdate } from '../sync-client.js';
import type { Bench } from './types.js';

const cacheDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../results/.cache');

/** The treaty update, generated once and cached (generation is deterministic). */
export function treatyUpdate(edits: number, log: (l: string) => void): { update: Uint8Array; chars: number } {
  const file = path.join(cacheDir, `treaty-${DEFAULT_TREATY.paragraphs}p-${edits}e-s${DEFAULT_TREATY.seed}.bin`);
  if (fs.existsSync(file)) {
    const update = new Uint8Array(fs.readFileSync(file));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return { update, chars: docCharacters(doc) };
  }
  const t = nowMs();
  const doc = generateTreatyDoc({ ...DEFAULT_TREATY, edits });
  const update = Y.encodeStateAsUpdate(doc);
  log(`  generated the treaty text in ${((nowMs() - t) / 1000).toFixed(1)} s`);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(file, update);
  return { update, chars: docCharacters(doc) };
}

/** A stock y-websocket provider: construction → `sync` (the whole state applied). */
async function providerSync(setup: RoomSetup): Promise<number> {
  const doc = new Y.Doc();
  const start = nowMs();
  const provider = new WebsocketProvider(setup.provider.serverUrl, setup.provider.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: setup.provider.params,
    disableBc: true,
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('provider never synced')), 60_000);
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(t);
        resolve(nowMs() - start);
      });
    });
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

interface OpenTimes {
  /** Connect → the server's whole sync step 2 received (server work + transfer). */
  step2Ms: number;
  /** Stock provider: connect → synced (includes the client applying 3 MB of Yjs update). */
  syncedMs: number;
}

async function measure(setup: RoomSetup, url: string, runs: number): Promise<{ first: OpenTimes; median: OpenTimes; all: OpenTimes[] }> {
  const all: OpenTimes[] = [];
  for (let i = 0; i < runs; i++) {
    const raw = await fetchState(url);
    const syncedMs = await providerSync(setup);
    all.push({ step2Ms: round(raw.step2), syncedMs: round(syncedMs) });
  }
  return {
    first: all[0],
    median: { step2Ms: median(all.map((r) => r.step2Ms)), syncedMs: median(all.map((r) => r.syncedMs)) },
    all,
  };
}

export const treatyOpenBench: Bench = {
  name: 'treaty-open',
  title: 'Open a treaty-sized text in a fresh client',
  unavailable: async () => null,
  async run(config, log) {
    const { update, chars } = treatyUpdate(config.treatyEdits, log);
    log(`  treaty text: ${chars.toLocaleString('en-US')} characters, ${config.treatyEdits.toLocaleString('en-US')} edits, ${(update.length / 1e6).toFixed(2)} MB as a Yjs update`);
    const t = nowMs();
    Y.applyUpdate(new Y.Doc(), update);
    const clientApplyMs = round(nowMs() - t);
    const servers: Record<string, unknown> = {};
    const rows: Array<Array<string | number>> = [];
    for (const factory of selectServers(config.servers)) {
      const why = factory.unavailable();
      if (why) { log(`  ${factory.name}: skipped (${why})`); continue; }
      const server: BenchServer = await factory.start();
      try {
        const setup = await server.createRoom({ title: 'Treaty-sized text', typists: 0, delegations: 1, observers: 0 });
        if (!setup.serverSync) { log(`  ${factory.name}: skipped (keeps no document state)`); continue; }
        const u0 = nowMs();
        await uploadUpdate(setup.writerUrl, update);
        const uploadMs = round(nowMs() - u0);
        const warm = await measure(setup, setup.writerUrl, config.treatyRuns);
        let cold: number | null = null;
        if (server.restart) {
          await server.restart();
          cold = round((await fetchState(setup.writerUrl)).step2);
        }
        servers[factory.name] = { uploadMs, ...warm, coldStep2AfterRestartMs: cold };
        rows.push([factory.name, warm.median.step2Ms, warm.median.syncedMs, warm.first.step2Ms, cold ?? NaN, uploadMs]);
        log(`  ${factory.name}: step 2 ${warm.median.step2Ms} ms, synced ${warm.median.syncedMs} ms (median of ${config.treatyRuns})`);
      } finally {
        await server.stop();
      }
    }
    const text = table(
      ['server', 'step2 ms', 'synced ms', 'first step2', 'cold step2', 'upload ms'],
      rows,
    ) + `\nstep2 = connect → the server's full state received (server + transfer); synced = stock WebsocketProvider connect → synced;` +
      `\ncold step2 = the first open after a graceful server restart (room loaded from storage); a client alone applies this update in ${clientApplyMs} ms`;
    return {
      json: { characters: chars, edits: config.treatyEdits, updateBytes: update.length, clientApplyMs, servers },
      text,
    };
  },
};
