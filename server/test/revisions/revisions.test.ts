import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { VersionSnapshot } from '@accord/shared/diff/index';
import type { RevisionView } from '../../src/revisions/revision-service.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';
import { DRAFT, negotiate, paragraphs } from './helpers.js';

describe('named revisions', () => {
  const servers: TestServer[] = [];
  const start = async (o: Parameters<typeof startTestServer>[0] = {}) => {
    const t = await startTestServer(o);
    servers.push(t);
    return t;
  };
  afterEach(async () => {
    for (const t of servers.splice(0)) await t.server.stop();
  });

  it('the chair issues Rev.1; it is listed with its details and its snapshot holds the frozen text', async () => {
    const t = await start();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const issued = await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1', date: '3 August 2024', note: 'After informals' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ label: 'Rev.1', date: '3 August 2024', note: 'After informals', by: 'Chair', renumbering: [] });
    expect(issued.body.id).toMatch(/^r/);

    const list = await t.api<RevisionView[]>('GET', `/api/sessions/${id}/revisions`, chairToken);
    expect(list.body).toEqual([issued.body]);

    const one = await t.api<RevisionView & { snapshot: VersionSnapshot }>('GET', `/api/sessions/${id}/revisions/${issued.body.id}`, chairToken);
    expect(one.status).toBe(200);
    expect(one.body.snapshot.label).toBe('Rev.1');
    expect(one.body.snapshot.language).toBe('en');
    expect(JSON.stringify(one.body.snapshot.doc)).toContain('Adopts the Convention');
    expect(Object.values(one.body.snapshot.labels!)).toEqual(expect.arrayContaining(['PP1', 'PP2', '1', '6']));

    const doc = await t.api<{ meta: { revisionLabel: string } }>('GET', `/api/sessions/${id}/document`, chairToken);
    expect(doc.body.meta.revisionLabel).toBe('Rev.1');
    expect((await t.api('GET', `/api/sessions/${id}/revisions/rnope`, chairToken)).status).toBe(404);
  });

  it('issuing renumbers the live text: "5 bis" becomes 6, struck text is dropped, and the renumbering is recorded', async () => {
    const t = await start();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const added = await negotiate(t, id);
    const before = await paragraphs(t, id);
    expect(before.get('OP5 bis')!.id).toBe(added);
    expect(before.get('OP2')!.text).toContain('earliest date'); // struck, still visible

    const issued = await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.2' });
    expect(issued.status).toBe(201);
    expect(issued.body.date).toBe(issued.body.createdAt.slice(0, 10));
    expect(issued.body.renumbering).toEqual([
      { paragraphId: added, from: '5 bis', to: '6' },
      { paragraphId: before.get('OP6')!.id, from: '6', to: '7' },
    ]);
    const after = await paragraphs(t, id);
    expect(after.get('OP6')!.id).toBe(added);
    expect(after.get('OP7')!.text).toContain('report at its next session');
    expect(after.get('OP2')!.text).toBe('Invites all States to sign the Convention at the earliest possible date;');
  });

  it('only the chair (or admin) issues; bad input is refused and nothing is stored', async () => {
    const t = await start();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const delegation = await t.addParticipant(id, 'delegation', 'Kenya');
    const observer = await t.addParticipant(id, 'observer', 'NGO');
    const secretariat = await t.addParticipant(id, 'secretariat', 'Secretariat');
    for (const token of [delegation, observer, secretariat]) {
      expect((await t.api('POST', `/api/sessions/${id}/revisions`, token, { label: 'Rev.1' })).status).toBe(403);
    }
    expect((await t.api('POST', `/api/sessions/${id}/revisions`, null, { label: 'Rev.1' })).status).toBe(401);
    const other = await t.createSession('Other', DRAFT);
    expect((await t.api('POST', `/api/sessions/${id}/revisions`, other.chairToken, { label: 'Rev.1' })).status).toBe(401);
    for (const body of [{}, { label: '' }, { label: '   ' }, { label: 42 }, { label: 'x'.repeat(201) }, { label: 'Rev.1', note: ['x'] }, []]) {
      expect((await t.api('POST', `/api/sessions/${id}/revisions`, chairToken, body)).status).toBe(400);
    }
    expect((await t.api<unknown[]>('GET', `/api/sessions/${id}/revisions`, delegation)).body).toEqual([]);
    const byAdmin = await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, t.adminKey, { label: 'Rev.1' });
    expect(byAdmin.status).toBe(201);
    // Every participant may read the list.
    expect((await t.api<RevisionView[]>('GET', `/api/sessions/${id}/revisions`, observer)).body.map((r) => r.label)).toEqual(['Rev.1']);
  });

  it('two revisions issued at once are applied one after the other: the second renumbers nothing', async () => {
    const t = await start();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const added = await negotiate(t, id);
    const [a, b] = await Promise.all([
      t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.2' }),
      t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, t.adminKey, { label: 'Rev.3' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.renumbering.map((r) => r.paragraphId)).toContain(added);
    expect(b.body.renumbering).toEqual([]);
    expect((await t.api<RevisionView[]>('GET', `/api/sessions/${id}/revisions`, chairToken)).body.map((r) => r.label)).toEqual(['Rev.2', 'Rev.3']);
  });

  it('revisions survive a restart on the same data directory', async () => {
    const dataDir = tempDir();
    const t1 = await start({ dataDir });
    const { id, chairToken } = await t1.createSession('Cooperation', DRAFT);
    await negotiate(t1, id);
    const rev = (await t1.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1', note: 'kept' })).body;
    const snap = (await t1.api<{ snapshot: VersionSnapshot }>('GET', `/api/sessions/${id}/revisions/${rev.id}`, chairToken)).body.snapshot;
    await t1.server.stop();
    servers.splice(0);

    const t2 = await start({ dataDir });
    expect((await t2.api<RevisionView[]>('GET', `/api/sessions/${id}/revisions`, chairToken)).body).toEqual([rev]);
    expect((await t2.api<{ snapshot: VersionSnapshot }>('GET', `/api/sessions/${id}/revisions/${rev.id}`, chairToken)).body.snapshot).toEqual(snap);
    expect((await paragraphs(t2, id)).get('OP6')!.text).toContain('meet annually');
    await t2.server.stop();
    servers.splice(0);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
