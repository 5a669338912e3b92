import type { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame } from '../src/collab/binary-frame.js';

describe('binaryFrame', () => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  // Each length class of RFC 6455 §5.2: 7-bit, 16-bit and 64-bit payload lengths.
  it.each([0, 1, 125, 126, 65535, 65536, 300_000])('is read by a WebSocket client as one binary message of %i bytes', async (size) => {
    const payload = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 0xff);
    const { port } = server.address() as { port: number };
    const connected = new Promise<WebSocket>((r) => server.once('connection', r));
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const peer = await connected;
    const received = new Promise<{ data: Buffer; binary: boolean }>((r) => client.once('message', (data, binary) => r({ data: data as Buffer, binary })));
    (peer as unknown as { _socket: Socket })._socket.write(binaryFrame(payload));
    const { data, binary } = await received;
    expect(binary).toBe(true);
    expect(new Uint8Array(data)).toEqual(payload);
    client.close();
  });
});
