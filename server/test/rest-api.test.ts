import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('REST API', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.stop());

  it('health', async () => {
    expect(await t.api('GET', '/api/health')).toEqual({ status: 200, body: { ok: true } });
  });

  it('creates a session from text and reads it back as document JSON and plain text', async () => {
    const created = await t.api<{ session: { id: string; title: string; seed: boolean }; chairToken: string; chairLink: string }>('POST', '/api/sessions', t.adminKey, {
      title: 'Cybercrime',
      symbol: 'A/AC.291/L.15',
      text: '打击为犯罪目的使用信息和通信技术行为\n\n大会，\n\n回顾其2019年12月27日第74/247号决议，\n\n1. 通过本决议所附《联合国打击网络犯罪公约》；\n',
    });
    expect(created.status).toBe(201);
    const { session, chairToken, chairLink } = created.body;
    expect(session).toMatchObject({ title: 'Cybercrime', seed: false, symbol: 'A/AC.291/L.15' });
    expect(chairLink).toBe(`/s/${session.id}?token=${chairToken}`);
    expect(chairToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await t.api('GET', `/api/sessions/${session.id}`, chairToken);
    expect(me).toEqual({ status: 200, body: { session, me: { role: 'chair', id: 'chair', delegation: 'Chair', color: expect.any(String) } } });

    const doc = await t.api('GET', `/api/sessions/${session.id}/document`, chairToken);
    expect(doc.status).toBe(200);
    expect(JSON.stringify(doc.body)).toContain('回顾其2019年12月27日第74/247号决议');

    const txt = await t.api<string>('GET', `/api/sessions/${session.id}/export?format=txt`, chairToken);
    expect(txt.status).toBe(200);
    expect(txt.body).toContain('通过本决议所附《联合国打击网络犯罪公约》');
    expect((await t.api('GET', `/api/sessions/${session.id}/export?format=pdf`, chairToken)).status).toBe(400);
  });

  it('participants: the chair invites, lists; others get 403', async () => {
    const { id, chairToken } = await t.createSession('Participants');
    const added = await t.api<{ participant: object; token: string; link: string }>('POST', `/api/sessions/${id}/participants`, chairToken, { role: 'delegation', delegation: 'Kenya' });
    expect(added.status).toBe(201);
    expect(added.body.participant).toEqual({ id: expect.any(String), sessionId: id, role: 'delegation', delegation: 'Kenya', color: expect.any(String) });
    expect(added.body.link).toBe(`/s/${id}?token=${added.body.token}`);
    const kenya = added.body.token;

    const list = await t.api<{ role: string; delegation: string; token: string }[]>('GET', `/api/sessions/${id}/participants`, t.adminKey);
    expect(list.body.map((p) => [p.role, p.delegation])).toEqual([['chair', 'Chair'], ['delegation', 'Kenya']]);

    expect((await t.api('GET', `/api/sessions/${id}/participants`, kenya)).status).toBe(403);
    expect((await t.api('POST', `/api/sessions/${id}/participants`, kenya, { role: 'chair', delegation: 'Me' })).status).toBe(403);
    expect((await t.api('GET', `/api/sessions/${id}`, kenya)).body).toMatchObject({ me: { role: 'delegation', delegation: 'Kenya' } });
    const mine = await t.api<{ id: string; chairToken?: string }[]>('GET', '/api/sessions', kenya);
    expect(mine.body.map((s) => s.id)).toEqual([id]);
    expect(mine.body[0].chairToken).toBeUndefined();
  });

  it('errors: 400 bad input, 401 without or with a wrong token, 404 unknown session', async () => {
    const { id, chairToken } = await t.createSession('Errors');
    const other = await t.createSession('Other');
    const err = { error: { code: expect.any(String), message: expect.any(String) } };
    expect(await t.api('GET', '/api/sessions')).toEqual({ status: 401, body: err });
    expect((await t.api('GET', '/api/sessions', 'x'.repeat(43))).status).toBe(401);
    expect((await t.api('GET', `/api/sessions/${id}`)).status).toBe(401);
    expect((await t.api('GET', `/api/sessions/${id}`, other.chairToken)).status).toBe(401);
    expect((await t.api('GET', `/api/sessions/${id}/document`, 'wrong-token-wrong-token')).status).toBe(401);
    expect((await t.api('GET', `/api/sessions/${'0'.repeat(16)}`, chairToken)).status).toBe(404);
    expect((await t.api('GET', '/api/sessions/..%2f..', chairToken)).status).toBe(400);
    expect(await t.api('POST', '/api/sessions', t.adminKey, {})).toEqual({ status: 400, body: err });
    expect((await t.api('POST', '/api/sessions', t.adminKey, { title: 5 })).status).toBe(400);
    expect((await t.api('POST', '/api/sessions', t.adminKey, '{broken')).status).toBe(400);
    expect((await t.api('POST', '/api/sessions', t.adminKey, [1])).status).toBe(400);
    expect((await t.api('POST', `/api/sessions/${id}/participants`, chairToken, { role: 'king', delegation: 'X' })).status).toBe(400);
    expect((await t.api('POST', `/api/sessions/${id}/participants`, chairToken, { role: 'observer' })).status).toBe(400);
    expect((await t.api('GET', '/api/nothing')).status).toBe(404);
  });

  it('admin lists every session with its chair token; the session list is seeds first', async () => {
    const a = await t.createSession('A');
    const b = await t.createSession('B');
    const list = await t.api<{ id: string; chairToken: string; seed: boolean }[]>('GET', '/api/sessions', t.adminKey);
    expect(list.body.map((s) => [s.id, s.chairToken])).toEqual([[a.id, a.chairToken], [b.id, b.chairToken]]);
  });

  it('session creation needs the organiser key by default; a participant token is not enough', async () => {
    const { chairToken } = await t.createSession('Mine');
    expect((await t.api('POST', '/api/sessions', null, { title: 'x' })).status).toBe(401);
    expect((await t.api('POST', '/api/sessions', chairToken, { title: 'x' })).status).toBe(401);
    expect((await t.api('POST', '/api/sessions', t.adminKey, { title: 'x' })).status).toBe(201);
  });

  it('openSessionCreation (ACCORD_OPEN_SESSION_CREATION=1) lets anyone create one', async () => {
    await t.stop();
    t = await startTestServer({ openSessionCreation: true });
    expect((await t.api('POST', '/api/sessions', null, { title: 'x' })).status).toBe(201);
    expect((await t.api('POST', '/api/sessions', 'x'.repeat(43), { title: 'x' })).status).toBe(401);
  });
});

describe('static client', () => {
  it('serves files from clientDist and index.html for client routes, never for /api', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('./helpers/test-server.js');
    const dist = tempDir();
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Accord</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const t = await startTestServer({ clientDist: dist });
    try {
      expect((await t.api<string>('GET', '/assets/app.js')).body).toBe('console.log(1)');
      expect((await t.api<string>('GET', '/s/abc?token=x')).body).toContain('<title>Accord</title>');
      expect((await t.api<string>('GET', '/')).body).toContain('<title>Accord</title>');
      expect((await t.api('GET', '/api/unknown')).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});
