import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Y_BODY, Y_PROPOSALS } from '@accord/shared';
import type { RevisionView } from '../../src/revisions/revision-service.js';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait.js';
import { DRAFT, negotiate, paragraphs } from './helpers.js';

type Point = { id: string; at: string; reason: string };

/** The body as plain text, paragraph by paragraph (what a client would show, marks aside). */
const bodyText = (doc: Y.Doc) =>
  doc.getXmlFragment(Y_BODY).toArray().map((el) => (el as Y.XmlElement).toArray().map((x) => (x instanceof Y.XmlText ? x.toString().replace(/<[^>]*>/g, '') : '')).join(''));

describe('restore', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  it('restores Rev.1 for every connected client and keeps the previous live text in history', async () => {
    t = await startTestServer({ historyIntervalMs: 60 * 60 * 1000 });
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const delegation = await t.addParticipant(id, 'delegation', 'EU');
    const rev1 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' })).body;

    const chair = connectClient(t.wsUrl, id, chairToken, { acks: true });
    const eu = connectClient(t.wsUrl, id, delegation);
    clients.push(chair, eu);
    await Promise.all([chair.synced(), eu.synced()]);
    await negotiate(t, id);
    // The chair also types directly into the live text.
    const title = (chair.doc.getXmlFragment(Y_BODY).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    title.insert(0, 'Revised ');
    await chair.acked();
    await waitFor(() => bodyText(eu.doc).join('\n').includes('meet annually') && bodyText(eu.doc)[0].startsWith('Revised'), 'EU sees the live text');
    const liveBefore = bodyText(chair.doc);
    expect(chair.doc.getMap(Y_PROPOSALS).size).toBe(2);

    const restored = await t.api<{ restored: string; historyPoint: Point }>('POST', `/api/sessions/${id}/restore`, chairToken, { from: `rev:${rev1.id}` });
    expect(restored.status).toBe(200);
    expect(restored.body.restored).toBe(`rev:${rev1.id}`);
    expect(restored.body.historyPoint.reason).toBe('before-restore');

    // Both stock clients converge on Rev.1's text and records.
    const rev1Text = DRAFT.split('\n').filter((l) => l.trim()).map((l) => l.replace(/^\d+\.\s*/, ''));
    for (const c of [chair, eu]) {
      await waitFor(() => JSON.stringify(bodyText(c.doc)) === JSON.stringify(rev1Text), 'client converged on Rev.1');
      expect(c.doc.getMap(Y_PROPOSALS).size).toBe(0);
    }
    expect(Y.encodeStateVector(chair.doc)).toEqual(Y.encodeStateVector(eu.doc));
    expect((await paragraphs(t, id)).has('OP5 bis')).toBe(false);

    // The text as it was before the restore is a history point, listed and comparable.
    const history = (await t.api<Point[]>('GET', `/api/sessions/${id}/history`, delegation)).body;
    expect(history[0]).toEqual(restored.body.historyPoint);
    const back = await t.api<{ stats: { added: number; changed: number } }>('GET', `/api/sessions/${id}/compare?from=live&to=history:${history[0].id}`, delegation);
    expect(back.body.stats).toMatchObject({ added: 1, changed: 2 });

    // Restoring that history point brings the pre-restore live text back exactly.
    expect((await t.api('POST', `/api/sessions/${id}/restore`, chairToken, { from: `history:${history[0].id}` })).status).toBe(200);
    for (const c of [chair, eu]) await waitFor(() => JSON.stringify(bodyText(c.doc)) === JSON.stringify(liveBefore), 'client back on the pre-restore text');
    expect(chair.doc.getMap(Y_PROPOSALS).size).toBe(2);
  });

  it('only the chair restores; unknown or malformed versions are refused and change nothing', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const rev1 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' })).body;
    const delegation = await t.addParticipant(id, 'delegation', 'Kenya');
    const secretariat = await t.addParticipant(id, 'secretariat', 'Secretariat');
    for (const token of [delegation, secretariat]) expect((await t.api('POST', `/api/sessions/${id}/restore`, token, { from: `rev:${rev1.id}` })).status).toBe(403);
    expect((await t.api('POST', `/api/sessions/${id}/restore`, chairToken, { from: 'rev:nope' })).status).toBe(404);
    expect((await t.api('POST', `/api/sessions/${id}/restore`, chairToken, { from: 'history:nope' })).status).toBe(404);
    for (const from of ['live', 'rev:', 'snapshot:1', 'rev:../../x', 42]) {
      expect((await t.api('POST', `/api/sessions/${id}/restore`, chairToken, { from })).status).toBe(400);
    }
    const other = await t.createSession('Other', DRAFT);
    // A revision of another session is not found through this one.
    expect((await t.api('POST', `/api/sessions/${other.id}/restore`, other.chairToken, { from: `rev:${rev1.id}` })).status).toBe(404);
    expect((await t.api<Point[]>('GET', `/api/sessions/${id}/history`, chairToken)).body.filter((p) => p.reason === 'before-restore')).toEqual([]);
  });
});
