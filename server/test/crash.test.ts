import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteStorage } from '../src/storage/sqlite-storage.js';
import { allAcked, connectClient, type TestClient } from './helpers/client.js';
import { freePort, spawnServer } from './helpers/server-process.js';
import { tempDir } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

const ADMIN = 'crash-admin-key-0123456789';

interface Typist {
  client: TestClient;
  /** For each item typed: the client's clock after typing it. */
  clocks: number[];
  timer: NodeJS.Timeout;
}

function startTyping(client: TestClient, name: string): Typist {
  const t: Typist = { client, clocks: [], timer: setInterval(() => {
    client.doc.getArray<string>('typed').push([`${name}:${t.clocks.length}`]);
    t.clocks.push(Y.getState(client.doc.store, client.doc.clientID));
  }, 3) };
  return t;
}

/** Items whose clock is covered by the SAVED state vector the server sent. */
function acknowledged(t: Typist, name: string): string[] {
  const saved = t.client.saved.get(t.client.doc.clientID) ?? 0;
  return t.clocks.flatMap((clock, i) => (clock <= saved ? [`${name}:${i}`] : []));
}

describe('crash: SIGKILL during heavy typing', () => {
  const children: ChildProcess[] = [];
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('loses no acknowledged change, and clients resume by themselves', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const port = await freePort();
    children.push(await spawnServer(port, dataDir, ADMIN));
    const base = `http://127.0.0.1:${port}`;
    const res = await fetch(`${base}/api/sessions`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Crash' }) });
    const { session, chairToken } = (await res.json()) as { session: { id: string }; chairToken: string };
    const wsUrl = `ws://127.0.0.1:${port}/collab`;
    const a = connectClient(wsUrl, session.id, chairToken, { acks: true, maxBackoffTime: 300 });
    const b = connectClient(wsUrl, session.id, chairToken, { acks: true, maxBackoffTime: 300 });
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);

    const ta = startTyping(a, 'a');
    const tb = startTyping(b, 'b');
    await waitFor(() => acknowledged(ta, 'a').length > 100 && acknowledged(tb, 'b').length > 100, 'acks while typing', 20_000);
    children[0].kill('SIGKILL');
    await new Promise((r) => children[0].once('exit', r));
    const acked = [...acknowledged(ta, 'a'), ...acknowledged(tb, 'b')];
    const typedAtKill = ta.clocks.length + tb.clocks.length;

    // What survived is what is on disk: read it before anyone can resend anything.
    const storage = createSqliteStorage({ dataDir });
    const stored = new Y.Doc();
    for (const u of (await storage.loadUpdates(session.id)).updates) Y.applyUpdate(stored, u);
    await storage.close();
    const onDisk = new Set(stored.getArray<string>('typed').toArray());
    const lost = acked.filter((x) => !onDisk.has(x));
    expect(lost).toEqual([]);
    expect(acked.length).toBeGreaterThan(200);

    // Restart on the same data dir; the providers reconnect on their own and converge, including
    // what was typed while the server was down.
    children.push(await spawnServer(port, dataDir, ADMIN));
    await waitFor(() => ta.clocks.length + tb.clocks.length > typedAtKill + 50, 'typing continues');
    clearInterval(ta.timer);
    clearInterval(tb.timer);
    await waitFor(() => a.provider.synced && b.provider.synced, 'providers resynced', 20_000);
    await waitFor(() => allAcked(a) && allAcked(b), 'everything acknowledged after restart', 20_000);
    const fresh = connectClient(wsUrl, session.id, chairToken);
    clients.push(fresh);
    await fresh.synced();
    const all = ta.clocks.length + tb.clocks.length;
    await waitFor(() => a.doc.getArray('typed').length === all && b.doc.getArray('typed').length === all, 'clients converged');
    expect(fresh.doc.getArray('typed').toArray()).toEqual(a.doc.getArray('typed').toArray());
    expect(b.doc.getArray('typed').toArray()).toEqual(a.doc.getArray('typed').toArray());
  });

  it('SIGTERM stops gracefully: pending work committed and compacted, exit code 0', { timeout: 30_000 }, async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const child = await spawnServer(port, dataDir, ADMIN);
    children.push(child);
    const res = await fetch(`http://127.0.0.1:${port}/api/sessions`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Graceful' }) });
    const { session, chairToken } = (await res.json()) as { session: { id: string }; chairToken: string };
    const c = connectClient(`ws://127.0.0.1:${port}/collab`, session.id, chairToken, { acks: true });
    clients.push(c);
    await c.synced();
    for (let i = 0; i < 20; i++) c.doc.getText('t').insert(0, 'x');
    await c.acked();
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const storage = createSqliteStorage({ dataDir });
    const { updates } = await storage.loadUpdates(session.id);
    await storage.close();
    expect(updates.length).toBe(1); // compacted into one snapshot on the way out
    const doc = new Y.Doc();
    Y.applyUpdate(doc, updates[0]);
    expect(doc.getText('t').length).toBe(20);
  });
});
