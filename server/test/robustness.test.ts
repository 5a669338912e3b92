import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, type TestClient } from './helpers/client.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { once, waitFor } from './helpers/wait.js';

async function rawClient(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  ws.on('error', () => {});
  await once(ws, 'open');
  return ws;
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code: number) => resolve(code)));
}

function message(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
}

describe('hostile input closes only the offending connection', () => {
  let t: TestServer;
  let id: string;
  let token: string;
  let a: TestClient;
  let b: TestClient;
  beforeEach(async () => {
    t = await startTestServer({ maxMessageBytes: 64 * 1024 });
    ({ id, chairToken: token } = await t.createSession('Robust'));
    a = connectClient(t.wsUrl, id, token);
    b = connectClient(t.wsUrl, id, token);
    await Promise.all([a.synced(), b.synced()]);
  });
  afterEach(async () => {
    a.destroy();
    b.destroy();
    await t.stop();
  });

  /** The two well-behaved clients still sync through the same room. */
  async function othersStillSync(label: string) {
    a.doc.getText('t').insert(0, label);
    await waitFor(() => b.doc.getText('t').toString().includes(label), `sync after ${label}`);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  }

  const cases: [string, Uint8Array, number][] = [
    ['bad varint', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 1002],
    ['unknown message type', message((e) => encoding.writeVarUint(e, 42)), 1003],
    ['unknown sync step', message((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 9)), 1003],
    ['truncated sync message', new Uint8Array([0, 1, 50, 1, 2]), 1003],
    ['broken Yjs update', message((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 255, 255, 255, 3]))), 1003],
    ['empty message', new Uint8Array(0), 1002],
    ['broken awareness', message((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, new Uint8Array([3, 1]))), 1002],
    ['awareness with bad JSON', message((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, message((x) => encoding.writeVarUint(x, 1), (x) => encoding.writeVarUint(x, 7), (x) => encoding.writeVarUint(x, 1), (x) => encoding.writeVarString(x, '{nope')))), 1002],
  ];
  for (const [name, bytes, code] of cases) {
    it(`${name} → close ${code}`, async () => {
      const ws = await rawClient(`${t.wsUrl}/${id}?token=${token}`);
      const closed = closeCode(ws);
      ws.send(bytes);
      expect(await closed).toBe(code);
      await othersStillSync(name);
    });
  }

  it('a text frame → close 1003', async () => {
    const ws = await rawClient(`${t.wsUrl}/${id}?token=${token}`);
    const closed = closeCode(ws);
    ws.send('hello');
    expect(await closed).toBe(1003);
    await othersStillSync('text');
  });

  it('an oversize message → close 1009', async () => {
    const ws = await rawClient(`${t.wsUrl}/${id}?token=${token}`);
    const closed = closeCode(ws);
    ws.send(new Uint8Array(100 * 1024));
    expect(await closed).toBe(1009);
    await othersStillSync('oversize');
  });

  it('a bad WebSocket frame (raw bytes on the socket) → that connection closes', async () => {
    const ws = await rawClient(`${t.wsUrl}/${id}?token=${token}`);
    const closed = closeCode(ws);
    // 0xF? sets all RSV bits with an undefined opcode: invalid per RFC 6455 §5.2.
    (ws as unknown as { _socket: import('node:net').Socket })._socket.write(Buffer.from([0xff, 0x85, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const code = await closed;
    expect([1002, 1006]).toContain(code);
    await othersStillSync('bad frame');
  });

  it('garbage instead of an HTTP upgrade does not disturb the server', async () => {
    const { connect } = await import('node:net');
    const sock = connect(t.server.port, '127.0.0.1');
    sock.on('error', () => {});
    sock.resume();
    await once(sock, 'connect');
    sock.write('GET /collab/x HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x00\x01garbage');
    await once(sock, 'close');
    await othersStillSync('garbage upgrade');
  });
});
