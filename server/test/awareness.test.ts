import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, type TestClient } from './helpers/client.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { once, waitFor } from './helpers/wait.js';

describe('presence (awareness)', () => {
  let t: TestServer;
  let id: string;
  let kenya: TestClient;
  let watcher: TestClient;
  let kenyaToken: string;
  beforeEach(async () => {
    t = await startTestServer();
    const s = await t.createSession('Presence');
    id = s.id;
    kenyaToken = await t.addParticipant(id, 'delegation', 'Kenya');
    // The secretariat sees every caret, delegations' included (BR88; caret-visibility.test.ts).
    const observer = await t.addParticipant(id, 'secretariat', 'Secretariat');
    kenya = connectClient(t.wsUrl, id, kenyaToken);
    watcher = connectClient(t.wsUrl, id, observer);
    await Promise.all([kenya.synced(), watcher.synced()]);
  });
  afterEach(async () => {
    kenya.destroy();
    watcher.destroy();
    await t.stop();
  });

  it('stamps the user field with the token identity: nobody can appear as someone else', async () => {
    kenya.provider.awareness.setLocalState({ user: { name: 'United States', role: 'chair', color: '#f00' }, cursor: { anchor: 3 } });
    const seen = await waitFor(() => watcher.provider.awareness.getStates().get(kenya.doc.clientID), "Kenya's presence");
    expect(seen.user).toEqual({ id: expect.any(String), name: 'Kenya', role: 'delegation', color: expect.stringMatching(/^#/) });
    expect(seen.cursor).toEqual({ anchor: 3 });
  });

  it("ignores awareness for a client id another participant introduced", async () => {
    kenya.provider.awareness.setLocalState({ cursor: 1 });
    await waitFor(() => watcher.provider.awareness.getStates().get(kenya.doc.clientID), 'presence');
    const peru = await t.addParticipant(id, 'delegation', 'Peru');
    const ws = new WebSocket(`${t.wsUrl}/${id}?token=${peru}`);
    ws.on('error', () => {});
    await once(ws, 'open');
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, kenya.doc.clientID);
    encoding.writeVarUint(inner, 9999);
    encoding.writeVarString(inner, JSON.stringify({ cursor: 'hijacked' }));
    const msg = encoding.createEncoder();
    encoding.writeVarUint(msg, 1);
    encoding.writeVarUint8Array(msg, encoding.toUint8Array(inner));
    ws.send(encoding.toUint8Array(msg));
    // A later legitimate change from Kenya is a barrier for the spoof.
    kenya.provider.awareness.setLocalState({ cursor: 2 });
    await waitFor(() => watcher.provider.awareness.getStates().get(kenya.doc.clientID)?.cursor === 2, 'cursor 2');
    expect(watcher.provider.awareness.meta.get(kenya.doc.clientID)!.clock).toBeLessThan(9999);
    ws.close();
  });

  it('coalesces a burst of cursor moves into fewer broadcasts, ending at the last state', async () => {
    let updates = 0;
    watcher.provider.awareness.on('update', () => updates++);
    for (let i = 1; i <= 30; i++) kenya.provider.awareness.setLocalState({ cursor: i });
    await waitFor(() => watcher.provider.awareness.getStates().get(kenya.doc.clientID)?.cursor === 30, 'last cursor');
    expect(updates).toBeLessThan(30);
  });

  it('removes the presence of a client that disconnects', async () => {
    kenya.provider.awareness.setLocalState({ cursor: 1 });
    await waitFor(() => watcher.provider.awareness.getStates().get(kenya.doc.clientID), 'presence');
    kenya.provider.disconnect();
    await waitFor(() => !watcher.provider.awareness.getStates().has(kenya.doc.clientID), 'presence removed');
  });
});
