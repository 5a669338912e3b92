import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allAcked, connectClient, type TestClient } from './helpers/client.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

describe('sync with stock y-websocket providers', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  it('two writers converge, and a fresh client receives the stored text', async () => {
    const { id, chairToken } = await t.createSession('Converge');
    const secretariat = await t.addParticipant(id, 'secretariat', 'Secretariat');
    const a = connectClient(t.wsUrl, id, chairToken);
    const b = connectClient(t.wsUrl, id, secretariat);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    // The seeded body arrived before any edit: the document is never served empty.
    expect(a.doc.getXmlFragment('body').length).toBe(1);
    a.doc.getText('scratch').insert(0, 'hello ');
    b.doc.getText('scratch').insert(0, 'world ');
    await waitFor(() => a.doc.getText('scratch').length === 12 && b.doc.getText('scratch').toString() === a.doc.getText('scratch').toString(), 'convergence');
    expect(a.identity).toEqual({ role: 'chair', id: 'chair', delegation: 'Chair', color: expect.any(String), readOnly: false });

    const c = connectClient(t.wsUrl, id, chairToken);
    clients.push(c);
    await c.synced();
    expect(c.doc.getText('scratch').toString()).toBe(a.doc.getText('scratch').toString());
  });

  it('acknowledges with SAVED only after the change is in storage', async () => {
    const { id, chairToken } = await t.createSession('Acks');
    const a = connectClient(t.wsUrl, id, chairToken, { acks: true });
    clients.push(a);
    await a.synced();
    a.doc.getText('t').insert(0, 'durable');
    await waitFor(() => allAcked(a), 'SAVED');
    const stored = new Y.Doc();
    for (const u of (await t.server.storage.loadUpdates(id)).updates) Y.applyUpdate(stored, u);
    expect(stored.getText('t').toString()).toBe('durable');
  });

  it('commits updates that arrive in one event-loop turn in one transaction, relayed once', async () => {
    const { id, chairToken } = await t.createSession('Group commit');
    const writer = connectClient(t.wsUrl, id, chairToken, { acks: true });
    const reader = connectClient(t.wsUrl, id, chairToken);
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    const before = (await t.server.storage.loadUpdates(id)).lastSeq;
    let relayed = 0;
    reader.doc.on('update', () => relayed++);
    // Ten separate updates, sent back to back: the server sees them in (about) one turn.
    for (let i = 0; i < 10; i++) writer.doc.getText('t').insert(0, String(i));
    await waitFor(() => allAcked(writer) && reader.doc.getText('t').length === 10, 'acked and relayed');
    const after = (await t.server.storage.loadUpdates(id)).lastSeq;
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThan(10);
    expect(relayed).toBeLessThan(10);
  });

  it('a change made by the server as a trusted peer is stored and relayed', async () => {
    const { id, chairToken } = await t.createSession('Server change');
    const reader = connectClient(t.wsUrl, id, await t.addParticipant(id, 'observer', 'UNEP'));
    clients.push(reader);
    await reader.synced();
    const room = t.server.rooms.loaded.find((r) => r.name === id)!;
    room.change((doc) => doc.getMap('paragraphs').set('p1', { status: 'agreed' }));
    await waitFor(() => reader.doc.getMap('paragraphs').get('p1'), 'relay');
    await room.whenSettled();
    const stored = new Y.Doc();
    for (const u of (await t.server.storage.loadUpdates(id)).updates) Y.applyUpdate(stored, u);
    expect(stored.getMap('paragraphs').get('p1')).toEqual({ status: 'agreed' });
    void chairToken;
  });
});
