import { afterEach, describe, expect, it } from 'vitest';
import { Y_BODY } from '@accord/shared';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait.js';
import { CHAIR, DRAFT, EU, paragraphs, runCommand } from './helpers.js';

type Point = { id: string; at: string; reason: string };

describe('automatic history', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });
  const history = async (id: string, token: string) => (await t.api<Point[]>('GET', `/api/sessions/${id}/history`, token)).body;

  it('takes a point after every committed decision, not after a proposal', async () => {
    t = await startTestServer({ historyIntervalMs: 60 * 60 * 1000 });
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const observer = await t.addParticipant(id, 'observer', 'NGO');
    const op1 = (await paragraphs(t, id)).get('OP1')!;
    const p = await runCommand(t, id, { type: 'propose', kind: 'insert', anchor: { paragraphId: op1.id, from: 6, to: 6, text: '' }, text: 'hereby ' }, EU);
    // The proposal is an edit: within the interval it gets no point of its own yet.
    await t.server.revisions.history.flushed();
    const afterProposal = await history(id, observer);
    await runCommand(t, id, { type: 'accept', proposalId: p.result.proposalId! }, CHAIR);
    const points = await waitFor(async () => {
      const h = await history(id, observer);
      return h.some((x) => x.reason === 'decision') ? h : null;
    }, 'a decision point');
    expect(points.filter((x) => x.reason === 'decision')).toHaveLength(1);
    expect(points.length).toBe(afterProposal.length + 1);
    expect(points[0].reason).toBe('decision'); // newest first

    // The point holds the text right after the decision: comparing it with live shows nothing.
    const cmp = await t.api<{ stats: { changed: number; added: number; deleted: number } }>('GET', `/api/sessions/${id}/compare?from=history:${points[0].id}&to=live`, chairToken);
    expect(cmp.status).toBe(200);
    expect(cmp.body.stats).toMatchObject({ changed: 0, added: 0, deleted: 0 });
  });

  it('while edits keep coming: a point per interval, and one more after the edits stop', async () => {
    t = await startTestServer({ historyIntervalMs: 300 });
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const c = connectClient(t.wsUrl, id, chairToken, { acks: true });
    clients.push(c);
    await c.synced();
    const title = c.doc.getXmlFragment(Y_BODY).get(0) as import('yjs').XmlElement;
    const text = title.get(0) as import('yjs').XmlText;
    // First edit: no point yet for this session, so one is taken at once.
    text.insert(0, 'A');
    await c.acked();
    const first = await waitFor(async () => (await history(id, chairToken)).filter((p) => p.reason === 'editing'), 'first editing point');
    expect(first.length).toBeGreaterThanOrEqual(1);
    // More edits within the interval: the trailing timer takes exactly the last state.
    text.insert(0, 'B');
    await c.acked();
    text.insert(0, 'C');
    await c.acked();
    // The newest point ends up holding exactly the last state (however the edits fell into intervals).
    await waitFor(async () => {
      const h = (await history(id, chairToken)).filter((p) => p.reason === 'editing');
      if (h.length < first.length + 1) return false;
      const cmp = await t.api<{ stats: { changed: number } }>('GET', `/api/sessions/${id}/compare?from=history:${h[0].id}&to=live`, chairToken);
      return cmp.body.stats.changed === 0;
    }, 'trailing editing point with the last state');
    // Nothing changed since: no further points.
    const count = (await history(id, chairToken)).length;
    await new Promise((r) => setTimeout(r, 700));
    expect((await history(id, chairToken)).length).toBe(count);
  });

  it('a room that unloads with unrecorded edits stores a last point', async () => {
    t = await startTestServer({ historyIntervalMs: 60 * 60 * 1000, idleUnloadMs: 50 });
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const c = connectClient(t.wsUrl, id, chairToken, { acks: true });
    clients.push(c);
    await c.synced();
    const text = (c.doc.getXmlFragment(Y_BODY).get(0) as import('yjs').XmlElement).get(0) as import('yjs').XmlText;
    text.insert(0, 'X'); // first point (nothing recorded before)
    await c.acked();
    await waitFor(async () => (await history(id, chairToken)).length === 1, 'first point');
    text.insert(0, 'Y'); // within the hour: no point yet
    await c.acked();
    c.destroy();
    clients.splice(0);
    await waitFor(() => !t.server.rooms.isLoaded(id), 'room unloaded');
    const points = await waitFor(async () => {
      const h = await history(id, chairToken);
      return h.length === 2 ? h : null;
    }, 'point at unload');
    const cmp = await t.api<{ stats: { changed: number } }>('GET', `/api/sessions/${id}/compare?from=history:${points[0].id}&to=live`, chairToken);
    expect(cmp.body.stats.changed).toBe(0);
    const older = await t.api<{ stats: { changed: number } }>('GET', `/api/sessions/${id}/compare?from=history:${points[1].id}&to=live`, chairToken);
    expect(older.body.stats.changed).toBe(1);
  });
});
