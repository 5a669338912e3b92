import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteStorage } from '../src/storage/sqlite-storage.js';
import { allAcked, connectClient, type TestClient } from './helpers/client.js';
import { flaky } from './helpers/flaky-storage.js';
import { startTestServer, tempDir, type TestServer } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

describe('onStoreDocument: a failed write', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  it('keeps the change in memory, does not relay or acknowledge it, and retries until stored', async () => {
    const storage = flaky(createSqliteStorage({ dataDir: tempDir() }));
    const stored: number[] = [];
    t = await startTestServer({ storage, retryBaseMs: 10, retryMaxMs: 40, extensions: [{ onStoreDocument: ({ seq }) => void stored.push(seq) }] });
    const { id, chairToken } = await t.createSession('Flaky disk');
    const writer = connectClient(t.wsUrl, id, chairToken, { acks: true });
    const reader = connectClient(t.wsUrl, id, chairToken);
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);

    storage.failAppends = true;
    const attemptsBefore = storage.appendAttempts;
    writer.doc.getText('t').insert(0, 'precious');
    const room = t.server.rooms.loaded.find((r) => r.name === id)!;
    await waitFor(() => storage.appendAttempts >= attemptsBefore + 3, 'retries');
    expect(room.doc.getText('t').toString()).toBe('precious');
    expect(reader.doc.getText('t').toString()).toBe('');
    expect(allAcked(writer)).toBe(false);
    expect(stored).toEqual([]);
    // More typing while the disk is down queues behind the failed write.
    writer.doc.getText('t').insert(8, '!');

    storage.failAppends = false;
    await waitFor(() => allAcked(writer), 'SAVED after recovery', 5_000);
    await waitFor(() => reader.doc.getText('t').toString() === 'precious!', 'relay after recovery');
    const doc = new Y.Doc();
    for (const u of (await storage.loadUpdates(id)).updates) Y.applyUpdate(doc, u);
    expect(doc.getText('t').toString()).toBe('precious!');
    expect(stored.length).toBeGreaterThanOrEqual(1);
  });

  it('does not unload a room whose write is still failing', async () => {
    const storage = flaky(createSqliteStorage({ dataDir: tempDir() }));
    t = await startTestServer({ storage, retryBaseMs: 10, retryMaxMs: 20, idleUnloadMs: 20 });
    const { id, chairToken } = await t.createSession('Keep in memory');
    const writer = connectClient(t.wsUrl, id, chairToken);
    await writer.synced();
    storage.failAppends = true;
    const attempts = storage.appendAttempts;
    writer.doc.getText('t').insert(0, 'unsaved');
    await waitFor(() => storage.appendAttempts > attempts + 1, 'failing writes');
    writer.destroy();
    // Several idle periods pass while writes keep failing: the document stays loaded.
    const seen = storage.appendAttempts;
    await waitFor(() => storage.appendAttempts > seen + 5, 'more retries');
    expect(t.server.rooms.isLoaded(id)).toBe(true);
    storage.failAppends = false;
    await waitFor(() => !t.server.rooms.isLoaded(id), 'unload after the write committed');
    const doc = new Y.Doc();
    for (const u of (await storage.loadUpdates(id)).updates) Y.applyUpdate(doc, u);
    expect(doc.getText('t').toString()).toBe('unsaved');
  });
});
