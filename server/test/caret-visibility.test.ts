import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, type TestClient } from './helpers/client.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

/**
 * Who sees whose caret (shared/SPEC.md BR88), enforced by the server on what it sends: the chair
 * and the secretariat see everyone's; delegations and observers see the writers' and, only when
 * the chair shares them, each other's. Everyone sees who is in the room.
 */
describe('caret visibility', () => {
  let t: TestServer;
  let id: string;
  let chairToken: string;
  const clients: TestClient[] = [];
  let chair: TestClient, sec: TestClient, kenya: TestClient, peru: TestClient, press: TestClient;
  const stateOf = (viewer: TestClient, of: TestClient) => viewer.provider.awareness.getStates().get(of.doc.clientID) as { cursor?: unknown; user?: { name?: string } } | undefined;

  beforeEach(async () => {
    t = await startTestServer();
    const s = await t.createSession('Carets');
    id = s.id;
    chairToken = s.chairToken;
    const open = (token: string) => {
      const c = connectClient(t.wsUrl, id, token);
      clients.push(c);
      return c;
    };
    chair = open(chairToken);
    sec = open(await t.addParticipant(id, 'secretariat', 'Secretariat'));
    kenya = open(await t.addParticipant(id, 'delegation', 'Kenya'));
    peru = open(await t.addParticipant(id, 'delegation', 'Peru'));
    press = open(await t.addParticipant(id, 'observer', 'Press'));
    await Promise.all(clients.map((c) => c.synced()));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  it("the chair and the secretariat see a delegation's caret; other delegations and observers see only that it is here", async () => {
    kenya.provider.awareness.setLocalState({ cursor: { anchor: 1, head: 4 } });
    // The chair's caret is a barrier: whoever sees it has seen Kenya's state, sent before it.
    await waitFor(() => stateOf(chair, kenya)?.cursor, "Kenya's caret on the chair's page");
    await waitFor(() => stateOf(sec, kenya)?.cursor, "Kenya's caret on the secretariat's page");
    chair.provider.awareness.setLocalState({ cursor: { anchor: 2, head: 2 } });
    for (const viewer of [peru, press]) {
      await waitFor(() => stateOf(viewer, chair)?.cursor, "the chair's caret");
      expect(stateOf(viewer, kenya)?.user?.name).toBe('Kenya');
      expect(stateOf(viewer, kenya)?.cursor).toBeUndefined();
    }
    expect(stateOf(chair, kenya)?.user).toMatchObject({ name: 'Kenya', role: 'delegation', id: expect.any(String) });
  });

  it('when the chair shares carets, delegations see each other at once; when it stops, the carets go', async () => {
    kenya.provider.awareness.setLocalState({ cursor: { anchor: 1, head: 1 } });
    await waitFor(() => stateOf(chair, kenya)?.cursor, "Kenya's caret on the chair's page");
    const share = (on: boolean) => t.api('POST', `/api/sessions/${id}/settings/carets`, chairToken, { delegations: on });
    expect((await share(true)).status).toBe(200);
    // Kenya has not moved: its caret is sent again under the new setting.
    await waitFor(() => stateOf(peru, kenya)?.cursor, "Kenya's caret on Peru's page");
    await waitFor(() => stateOf(press, kenya)?.cursor, "Kenya's caret on the observer's page");
    expect((await share(false)).status).toBe(200);
    await waitFor(() => stateOf(peru, kenya) && stateOf(peru, kenya)!.cursor === undefined, "Kenya's caret gone from Peru's page");
    expect(stateOf(chair, kenya)?.cursor).toEqual({ anchor: 1, head: 1 });
    // Kenya's next move still reaches the chair (its clock moved on with the resend).
    kenya.provider.awareness.setLocalState({ cursor: { anchor: 3, head: 3 } });
    await waitFor(() => (stateOf(chair, kenya)?.cursor as { anchor?: number } | undefined)?.anchor === 3, "Kenya's next caret");
  });
});
