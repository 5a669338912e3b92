import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createSqliteStorage } from '../src/storage/sqlite-storage.js';
import { allAcked, connectClient, type TestClient } from './helpers/client.js';
import { flaky, gate } from './helpers/flaky-storage.js';
import { startTestServer, tempDir, type TestServer } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

describe('onLoadDocument: rooms load on demand', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  it('a room reloaded from storage never answers a sync from an empty document', async () => {
    const storage = flaky(createSqliteStorage({ dataDir: tempDir() }));
    const loaded: string[] = [];
    t = await startTestServer({ storage, idleUnloadMs: 20, compactEvery: 3, extensions: [{ onLoadDocument: ({ sessionId }) => void loaded.push(sessionId) }] });
    const { id, chairToken } = await t.createSession('Reload');
    const writer = connectClient(t.wsUrl, id, chairToken, { acks: true });
    await writer.synced();
    for (let i = 0; i < 10; i++) {
      writer.doc.getText('t').insert(0, String(i));
      await waitFor(() => allAcked(writer), 'ack');
    }
    writer.destroy();
    await waitFor(() => !t.server.rooms.isLoaded(id), 'idle unload');
    // Compaction on unload left a snapshot (and maybe newer rows), never an empty document.
    expect((await storage.loadUpdates(id)).updates.length).toBeLessThanOrEqual(2);

    const g = gate();
    storage.loadGate = g.promise;
    const loads = storage.loadCalls;
    const reader = connectClient(t.wsUrl, id, chairToken);
    clients.push(reader);
    await waitFor(() => storage.loadCalls > loads && reader.provider.wsconnected, 'connected while loading');
    await new Promise((r) => setTimeout(r, 50)); // give a wrong server the chance to answer early
    expect(reader.provider.synced).toBe(false);
    expect(reader.doc.getText('t').toString()).toBe('');
    g.open();
    storage.loadGate = null;
    await reader.synced();
    expect(reader.doc.getText('t').toString()).toBe('9876543210');
    expect(reader.doc.getXmlFragment('body').length).toBe(1);
    expect(loaded.filter((x) => x === id).length).toBe(2);
  });

  it('a failed load refuses the connection with 1011 and leaves stored data untouched', async () => {
    const storage = flaky(createSqliteStorage({ dataDir: tempDir() }));
    t = await startTestServer({ storage });
    const { id, chairToken } = await t.createSession('Unreadable');
    const before = await storage.loadUpdates(id);
    storage.failLoads = true;
    const ws = new WebSocket(`${t.wsUrl}/${id}?token=${chairToken}`);
    ws.on('error', () => {});
    const code = await new Promise<number>((r) => ws.once('close', (c: number) => r(c)));
    expect(code).toBe(1011);
    storage.failLoads = false;
    expect(await storage.loadUpdates(id)).toEqual(before);
    // The next attempt loads afresh.
    const c = connectClient(t.wsUrl, id, chairToken);
    clients.push(c);
    await c.synced();
    expect(c.doc.getXmlFragment('body').length).toBe(1);
  });

  it('an onLoadDocument hook that throws refuses the connection with 1011', async () => {
    t = await startTestServer({ extensions: [{ onLoadDocument: () => { throw new Error('no'); } }] });
    const { id, chairToken } = await t.createSession('Hook refuses');
    const ws = new WebSocket(`${t.wsUrl}/${id}?token=${chairToken}`);
    ws.on('error', () => {});
    expect(await new Promise<number>((r) => ws.once('close', (c: number) => r(c)))).toBe(1011);
  });

  it('stop() commits pending writes and compacts; a new server on the same data dir has everything', async () => {
    const dataDir = tempDir();
    t = await startTestServer({ dataDir });
    const { id, chairToken } = await t.createSession('Restart');
    const w = connectClient(t.wsUrl, id, chairToken, { acks: true });
    await w.synced();
    w.doc.getText('t').insert(0, 'kept');
    await waitFor(() => allAcked(w), 'ack');
    w.destroy();
    await t.stop();
    t = await startTestServer({ dataDir });
    const doc = new Y.Doc();
    for (const u of (await t.server.storage.loadUpdates(id)).updates) Y.applyUpdate(doc, u);
    expect(doc.getText('t').toString()).toBe('kept');
  });
});
