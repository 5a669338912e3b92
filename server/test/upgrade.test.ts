import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** Opens a raw WebSocket; resolves with the HTTP status of a refused upgrade, or 101. */
function tryUpgrade(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (err) => reject(err));
  });
}

/** An upgrade request with `target` sent verbatim (a WebSocket client would normalise the URL first). */
function rawUpgrade(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: target,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('onAuthenticate: checks before the WebSocket upgrade', () => {
  let t: TestServer;
  let id: string;
  let chairToken: string;
  beforeEach(async () => {
    t = await startTestServer({ allowedOrigins: ['https://accord.example.org'] });
    ({ id, chairToken } = await t.createSession('Upgrade'));
  });
  afterEach(() => t.stop());

  it('accepts a valid token, and the admin key', async () => {
    expect(await tryUpgrade(`${t.wsUrl}/${id}?token=${chairToken}`)).toBe(101);
    expect(await tryUpgrade(`${t.wsUrl}/${id}?token=${t.adminKey}`)).toBe(101);
  });

  it('refuses a missing, wrong or other-session token with 401', async () => {
    const other = await t.createSession('Other');
    expect(await tryUpgrade(`${t.wsUrl}/${id}`)).toBe(401);
    expect(await tryUpgrade(`${t.wsUrl}/${id}?token=${'x'.repeat(43)}`)).toBe(401);
    expect(await tryUpgrade(`${t.wsUrl}/${id}?token=${other.chairToken}`)).toBe(401);
  });

  it('refuses room names that are not session ids, and unknown sessions', async () => {
    for (const room of ['..%2F..%2Fetc', 'ABC', 'a'.repeat(17), '%00', `${id}%2F`]) {
      expect(await tryUpgrade(`${t.wsUrl}/${room}?token=${chairToken}`), room).toBe(400);
    }
    expect(await tryUpgrade(`${t.wsUrl}/${id}/extra?token=${chairToken}`)).toBe(400);
    expect(await tryUpgrade(`${t.url.replace('http', 'ws')}/elsewhere`)).toBe(404);
    expect(await tryUpgrade(`${t.wsUrl}/${'0'.repeat(16)}?token=${chairToken}`)).toBe(404);
  });

  it('matches only the canonical raw target: /../../collab/<id> and /collab\\<id> are 400, not normalised', async () => {
    const port = t.server.port;
    expect(await rawUpgrade(port, `/collab/${id}?token=${chairToken}`)).toBe(101);
    for (const target of [`/../../collab/${id}?token=${chairToken}`, `/collab\\${id}?token=${chairToken}`, `/x/../collab/${id}?token=${chairToken}`, `//collab/${id}?token=${chairToken}`, `/collab/${id}/?token=${chairToken}`, `/COLLAB/${id}?token=${chairToken}`]) {
      expect(await rawUpgrade(port, target), target).toBe(400);
    }
  });

  it('refuses a foreign browser Origin with 403; own and configured origins pass', async () => {
    const url = `${t.wsUrl}/${id}?token=${chairToken}`;
    expect(await tryUpgrade(url, { origin: 'https://evil.example' })).toBe(403);
    expect(await tryUpgrade(url, { origin: 'null' })).toBe(403);
    expect(await tryUpgrade(url, { origin: t.url })).toBe(101);
    expect(await tryUpgrade(url, { origin: 'https://accord.example.org' })).toBe(101);
  });

  it('lets an extension veto a connection', async () => {
    await t.stop();
    t = await startTestServer({
      extensions: [{ onAuthenticate: ({ request }) => { if (request.headers['x-block']) throw new Error('blocked'); } }],
    });
    ({ id, chairToken } = await t.createSession('Veto'));
    expect(await tryUpgrade(`${t.wsUrl}/${id}?token=${chairToken}`, { 'x-block': '1' })).toBe(401);
    expect(await tryUpgrade(`${t.wsUrl}/${id}?token=${chairToken}`)).toBe(101);
  });
});
