import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { once, waitFor } from '../helpers/wait.js';

/** An awareness message (type 1) setting `states` at the given client ids and clocks. */
function awarenessMessage(states: [clientId: number, clock: number, state: unknown][]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, states.length);
  for (const [id, clock, state] of states) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const msg = encoding.createEncoder();
  encoding.writeVarUint(msg, 1);
  encoding.writeVarUint8Array(msg, encoding.toUint8Array(inner));
  return encoding.toUint8Array(msg);
}

async function raw(t: TestServer, id: string, token: string) {
  const ws = new WebSocket(`${t.wsUrl}/${id}?token=${token}`);
  ws.on('error', () => {});
  const closed = new Promise<number>((r) => ws.once('close', (code: number) => r(code)));
  await once(ws, 'open');
  return { ws, closed };
}

describe('presence limits and ownership', () => {
  let t: TestServer;
  let id: string;
  let chairToken: string;
  let kenyaToken: string;
  let watcher: TestClient;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    t = await startTestServer();
    ({ id, chairToken } = await t.createSession('Presence limits'));
    kenyaToken = await t.addParticipant(id, 'delegation', 'Kenya');
    // The secretariat sees every caret, delegations' included (BR88).
    watcher = connectClient(t.wsUrl, id, await t.addParticipant(id, 'secretariat', 'Secretariat'));
    clients.push(watcher);
    await watcher.synced();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  const states = () => watcher.provider.awareness.getStates();

  it('one connection publishes at most 2 client ids; the rest are not kept or relayed', async () => {
    const k = await raw(t, id, kenyaToken);
    const ids = Array.from({ length: 50 }, (_, i) => 1_000 + i);
    k.ws.send(awarenessMessage(ids.map((n) => [n, 1, { cursor: n }])));
    k.ws.send(awarenessMessage([[1_000, 2, { cursor: 'barrier' }]]));
    await waitFor(() => states().get(1_000)?.cursor === 'barrier', 'barrier');
    expect(ids.filter((n) => states().has(n))).toEqual([1_000, 1_001]);
    expect(k.ws.readyState).toBe(WebSocket.OPEN);
    k.ws.close();
  });

  it('a presence state over 2 KB closes the connection 1008; newcomers still join', async () => {
    const k = await raw(t, id, kenyaToken);
    k.ws.send(awarenessMessage([[2_000, 1, { cursor: 'x'.repeat(5 * 1024 * 1024) }]]));
    expect(await k.closed).toBe(1008);
    expect(states().has(2_000)).toBe(false);
    const late = connectClient(t.wsUrl, id, chairToken);
    clients.push(late);
    await late.synced();
  });

  it('a burst is coalesced to at most ~20 messages/s ending at the last state; a sustained flood is closed 1008', async () => {
    const k = await raw(t, id, kenyaToken);
    for (let i = 1; i <= 100; i++) k.ws.send(awarenessMessage([[3_000, i, { cursor: i }]]));
    await waitFor(() => states().get(3_000)?.cursor === 100, 'last state of the burst');
    expect(k.ws.readyState).toBe(WebSocket.OPEN);
    for (let i = 101; i <= 2_000 && k.ws.readyState === WebSocket.OPEN; i++) k.ws.send(awarenessMessage([[3_000, i, { cursor: i }]]));
    expect(await k.closed).toBe(1008);
  });

  it('ownership belongs to the participant: a reconnecting chair gets its id back, a delegation cannot take it', async () => {
    const chair = connectClient(t.wsUrl, id, chairToken);
    clients.push(chair);
    await chair.synced();
    const chairId = chair.doc.clientID;
    chair.provider.awareness.setLocalState({ cursor: 'chair-1' });
    await waitFor(() => states().get(chairId)?.cursor === 'chair-1', "chair's presence");

    chair.provider.disconnect();
    await waitFor(() => !states().has(chairId), 'chair gone');
    // While the chair is away, a delegation publishes at the chair's id (and at its own, a barrier).
    const k = await raw(t, id, kenyaToken);
    k.ws.send(awarenessMessage([[chairId, 10_000, { cursor: 'spoof' }], [4_000, 1, { cursor: 'kenya' }]]));
    await waitFor(() => states().get(4_000)?.cursor === 'kenya', "Kenya's own presence");
    expect(states().has(chairId)).toBe(false);

    chair.provider.connect();
    await waitFor(() => states().get(chairId)?.cursor === 'chair-1', 'chair back at its id');
    expect(states().get(chairId)?.user).toMatchObject({ name: 'Chair', role: 'chair' });
    k.ws.send(awarenessMessage([[chairId, 20_000, { cursor: 'spoof' }], [4_000, 2, { cursor: 'kenya-2' }]]));
    await waitFor(() => states().get(4_000)?.cursor === 'kenya-2', 'barrier');
    expect(states().get(chairId)?.cursor).toBe('chair-1');
    k.ws.close();
  });
});
