import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { once, waitFor } from '../helpers/wait.js';

describe('access: revocation, security headers, slow readers, connection caps', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  it('DELETE /api/sessions/:id/participants/:pid (chair) revokes the token and closes its live connection', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Revoke');
    const kenya = await t.addParticipant(id, 'delegation', 'Kenya');
    const ws = new WebSocket(`${t.wsUrl}/${id}?token=${kenya}`);
    ws.on('error', () => {});
    const closed = new Promise<number>((r) => ws.once('close', (code: number) => r(code)));
    await once(ws, 'open');
    expect((await t.api('DELETE', `/api/sessions/${id}/participants/${kenya}`, kenya)).status).toBe(403);
    const r = await t.api<{ closedConnections: number }>('DELETE', `/api/sessions/${id}/participants/${kenya}`, chairToken);
    expect(r.status).toBe(200);
    expect(r.body.closedConnections).toBe(1);
    expect(await closed).toBe(1008);
    expect((await t.api('GET', `/api/sessions/${id}`, kenya)).status).toBe(401);
    expect((await t.api('DELETE', `/api/sessions/${id}/participants/${kenya}`, chairToken)).status).toBe(404);
  });

  it('every page and API answer carries a CSP without inline scripts and nosniff', async () => {
    t = await startTestServer();
    for (const path of ['/api/health', '/api/nothing', '/']) {
      const res = await fetch(t.url + path);
      await res.text();
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
      // The compare page frames the server-rendered comparison: same origin only, never other sites.
      expect(csp, path).toContain("frame-ancestors 'self'");
      expect(csp, path).toContain("frame-src 'self' blob:");
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
    }
  });

  it('a reader that never reads is cut off once its send buffer passes the cap; the others keep up', async () => {
    t = await startTestServer({ limits: { sendBufferBytes: 1024 * 1024 }, maxMessageBytes: 4 * 1024 * 1024 });
    const { id, chairToken } = await t.createSession('Slow reader');
    const writer = connectClient(t.wsUrl, id, chairToken);
    const reader = connectClient(t.wsUrl, id, await t.addParticipant(id, 'delegation', 'Kenya'));
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    const stuck = new WebSocket(`${t.wsUrl}/${id}?token=${chairToken}`);
    stuck.on('error', () => {});
    await once(stuck, 'open');
    (stuck as unknown as { _socket: { pause(): void } })._socket.pause();
    const room = t.server.rooms.loaded.find((r) => r.name === id)!;
    await waitFor(() => room.connections.size === 3, 'three connections');
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 12 && room.connections.size === 3; i++) {
      writer.doc.getText('t').insert(0, chunk);
      await waitFor(() => reader.doc.getText('t').length === (i + 1) * chunk.length, `chunk ${i}`, 10_000);
    }
    await waitFor(() => room.connections.size === 2, 'the stuck reader cut off');
    stuck.terminate();
  });

  it('caps live connections per token (429 at the upgrade)', async () => {
    t = await startTestServer({ limits: { connectionsPerToken: 2 } });
    const { id, chairToken } = await t.createSession('Caps');
    const open: WebSocket[] = [];
    for (let i = 0; i < 2; i++) {
      const ws = new WebSocket(`${t.wsUrl}/${id}?token=${chairToken}`);
      await once(ws, 'open');
      open.push(ws);
    }
    const third = new WebSocket(`${t.wsUrl}/${id}?token=${chairToken}`);
    third.on('error', () => {});
    const status = await new Promise<number>((r) => third.on('unexpected-response', (_req, res) => r(res.statusCode ?? 0)));
    expect(status).toBe(429);
    for (const ws of open) ws.close();
  });

  it('caps live connections per address across tokens (429 at the upgrade); a closed one frees its place', async () => {
    t = await startTestServer({ limits: { connectionsPerAddress: 3 } });
    const { id, chairToken } = await t.createSession('Address cap');
    // Different tokens, so that only the address cap applies (every test client is 127.0.0.1).
    const tokens = [chairToken, await t.addParticipant(id, 'delegation', 'Kenya'), await t.addParticipant(id, 'observer', 'Press')];
    const fourth = await t.addParticipant(id, 'delegation', 'Norway');
    const open: WebSocket[] = [];
    for (const token of tokens) {
      const ws = new WebSocket(`${t.wsUrl}/${id}?token=${token}`);
      await once(ws, 'open');
      open.push(ws);
    }
    const refusedStatus = async (): Promise<number> => {
      const ws = new WebSocket(`${t.wsUrl}/${id}?token=${fourth}`);
      ws.on('error', () => {});
      return new Promise<number>((r) => {
        ws.on('unexpected-response', (_req, res) => r(res.statusCode ?? 0));
        ws.on('open', () => {
          open.push(ws);
          r(101);
        });
      });
    };
    expect(await refusedStatus()).toBe(429);
    const room = () => t.server.rooms.loaded.find((r) => r.name === id);
    const closed = new Promise((r) => open[1].once('close', r));
    open[1].close();
    await closed;
    await waitFor(() => room()?.connections.size === 2, 'the closed connection counted out');
    expect(await refusedStatus()).toBe(101);
    expect(await refusedStatus()).toBe(429);
    for (const ws of open) ws.close();
  });
});
