import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Y_ROOM } from '@accord/shared';
import type { FloorState } from '@accord/shared/brackets/index';
import { connectClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait.js';
import { DRAFT } from '../revisions/helpers.js';
import { blocksByLabel, CommandSocket, type Block } from './helpers.js';

/** The floor over REST and the WebSocket, by role, against a real server (shared/SPEC.md BR80–BR88). */
let t: TestServer;
let session: string;
const token: Record<string, string> = {};
let op: Map<string, Block>;

beforeAll(async () => {
  t = await startTestServer();
  const s = await t.createSession('Floor', DRAFT);
  session = s.id;
  token.chair = s.chairToken;
  token.secretariat = await t.addParticipant(session, 'secretariat', 'Secretariat');
  token.kenya = await t.addParticipant(session, 'delegation', 'Kenya');
  token.eu = await t.addParticipant(session, 'delegation', 'EU');
  token.observer = await t.addParticipant(session, 'observer', 'UNODC');
  op = await blocksByLabel(t, session, token.chair);
});

afterAll(async () => {
  await t?.stop();
});

interface FloorView {
  speaking: (FloorState['speaking'] & object) | null;
  queue: FloorState['queue'];
  screen: { held?: string; follow?: string };
  settings: { delegationCarets: boolean };
  labels: Record<string, string | null>;
}

const post = (who: string, path: string, body: unknown = {}) =>
  t.api<{ ok: boolean; error?: { code: string } }>('POST', `/api/sessions/${session}/${path}`, token[who], body);
const floor = async () => (await t.api<FloorView>('GET', `/api/sessions/${session}/floor`, token.observer)).body;

describe('the floor over REST', () => {
  it('a delegation asks on OP 2, another asks; the chair reorders, gives, ends; every step is logged', async () => {
    expect((await post('kenya', 'floor/request', { paragraphId: op.get('2')!.id })).status).toBe(200);
    expect((await post('eu', 'floor/request')).status).toBe(200);
    let f = await floor();
    expect(f.queue.map((r) => r.name)).toEqual(['Kenya', 'EU']);
    expect(f.labels[op.get('2')!.id]).toBe('OP2');

    expect((await post('chair', 'floor/order', { order: [f.queue[1].id, f.queue[0].id] })).status).toBe(200);
    expect((await post('chair', 'floor/give', { participantId: f.queue[0].id })).status).toBe(200);
    f = await floor();
    expect(f.speaking).toMatchObject({ name: 'Kenya', paragraphId: op.get('2')!.id });
    expect(f.queue.map((r) => r.name)).toEqual(['EU']);

    expect((await post('chair', 'floor/end')).status).toBe(200);
    expect((await floor()).speaking).toBeNull();
    expect((await post('eu', 'floor/withdraw')).status).toBe(200);
    expect((await floor()).queue).toEqual([]);

    const log = (await t.api<{ action: string; entry: { floor?: { action: string; name?: string } } }[]>('GET', `/api/sessions/${session}/decisions`, token.eu)).body;
    expect(log.filter((d) => d.action === 'floor').map((d) => `${d.entry.floor!.action} ${d.entry.floor!.name ?? ''}`.trim())).toEqual([
      'request Kenya',
      'request EU',
      'order',
      'give Kenya',
      'end Kenya',
      'withdraw EU',
    ]);
  });

  it('by role: a delegation cannot reorder, remove, give or end; an observer cannot ask; the chair cannot ask', async () => {
    await post('kenya', 'floor/request');
    await post('eu', 'floor/request');
    const ids = (await floor()).queue.map((r) => r.id);
    const refusals: [string, string, unknown][] = [
      ['eu', 'floor/order', { order: [...ids].reverse() }],
      ['eu', 'floor/remove', { participantId: ids[0] }],
      ['eu', 'floor/give', { participantId: ids[1] }],
      ['secretariat', 'floor/order', { order: [...ids].reverse() }],
      ['observer', 'floor/request', {}],
      ['chair', 'floor/request', {}],
      ['kenya', 'screen/hold', { paragraphId: op.get('1')!.id }],
      ['kenya', 'settings/carets', { delegations: true }],
    ];
    for (const [who, path, body] of refusals) {
      const r = await post(who, path, body);
      expect(`${who} ${path} ${r.status} ${r.body.error?.code}`).toBe(`${who} ${path} 403 not_permitted`);
    }
    expect((await floor()).queue.map((r) => r.id)).toEqual(ids);
    // The chair removes; a delegation withdraws only itself (the command names nobody).
    expect((await post('chair', 'floor/remove', { participantId: ids[1] })).status).toBe(200);
    expect((await post('kenya', 'floor/withdraw', { participantId: ids[1] })).status).toBe(200);
    expect((await floor()).queue).toEqual([]);
    expect((await post('eu', 'floor/withdraw')).status).toBe(404);
  });

  it('answers refusals with the command statuses; an unknown action is 404; the screen is held and released', async () => {
    expect((await post('kenya', 'floor/request', { paragraphId: 'nope' })).status).toBe(404);
    expect((await post('chair', 'floor/end')).status).toBe(400);
    expect((await post('chair', 'floor/dance')).status).toBe(404);
    expect((await t.api('GET', `/api/sessions/${session}/floor`, null)).status).toBe(401);
    expect((await post('chair', 'screen/hold', { paragraphId: op.get('1')!.id })).status).toBe(200);
    expect((await floor()).screen).toEqual({ held: op.get('1')!.id });
    expect((await floor()).labels[op.get('1')!.id]).toBe('OP1');
    expect((await post('chair', 'screen/release')).status).toBe(200);
    expect((await floor()).screen).toEqual({});
  });

  it('over the WebSocket too, and every participant sees the floor in the Y.Map room; nobody writes it directly', async () => {
    const ws = await CommandSocket.open(t, session, token.kenya);
    const r = await ws.send({ type: 'floor.request' });
    expect(r.ok).toBe(true);
    const observer = connectClient(t.wsUrl, session, token.observer);
    await observer.synced();
    await waitFor(() => (observer.doc.getMap(Y_ROOM).get('floor') as FloorState | undefined)?.queue.some((x) => x.name === 'Kenya'), 'the floor in the observer\'s doc');
    // A writer's direct change to the map is refused (the UpdateGuard), like proposals'.
    const sec = connectClient(t.wsUrl, session, token.secretariat);
    await sec.synced();
    sec.doc.getMap(Y_ROOM).set('floor', { speaking: null, queue: [] });
    await waitFor(() => sec.notices.some((n) => n.code === 'update_rejected'), 'update_rejected');
    expect((await floor()).queue.map((x) => x.name)).toEqual(['Kenya']);
    ws.close();
    observer.destroy();
    sec.destroy();
  });
});
