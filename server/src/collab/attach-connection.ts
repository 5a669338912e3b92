import type { WebSocket } from 'ws';
import type { ConnectionQuota } from '../limits/fair-share.js';
import { runHookLogged, type Extension, type Identity } from '../extension.js';
import { Connection } from './connection.js';
import { handleMessage } from './handle-message.js';
import { CLOSE_INTERNAL_ERROR, CLOSE_UNSUPPORTED_DATA, ProtocolError } from './protocol-error.js';
import type { Room } from './room.js';
import type { Rooms } from './rooms.js';

/**
 * Wires an accepted WebSocket into its room. Messages that arrive while the room loads are kept
 * in order and handled once it is ready, so no sync is ever answered from an empty document.
 */
export function attachConnection(ws: WebSocket, identity: Identity, wantsAcks: boolean, quota: ConnectionQuota, rooms: Rooms, extensions: readonly Extension[]): void {
  const conn = new Connection(ws, identity, wantsAcks, quota);
  let room: Room | null = null;
  let waiting: { data: Uint8Array; binary: boolean }[] | null = [];

  const onMessage = (data: Uint8Array, binary: boolean) => {
    if (!room || !conn.open) return;
    try {
      if (!binary) throw new ProtocolError(CLOSE_UNSUPPORTED_DATA, 'text frames are not part of the protocol');
      handleMessage(room, conn, data);
    } catch (err) {
      const e = err instanceof ProtocolError ? err : new ProtocolError(1002, 'malformed message');
      conn.close(e.code, e.message);
    }
  };

  // A bad frame or a reset socket: ws closes that connection; without a listener it would crash us.
  ws.on('error', () => {});
  ws.on('message', (raw: Buffer | ArrayBuffer | Buffer[], binary: boolean) => {
    const buf = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
    const data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    if (waiting) waiting.push({ data, binary });
    else onMessage(data, binary);
  });
  ws.on('close', () => {
    waiting = null;
    if (!room) return;
    room.removeConnection(conn);
    rooms.release(room);
    runHookLogged(extensions, 'onDisconnect', { sessionId: identity.sessionId, identity, connectionCount: room.connections.size });
  });

  rooms.acquire(identity.sessionId).then(
    (r) => {
      if (!waiting) {
        rooms.release(r); // closed while loading
        return;
      }
      room = r;
      room.addConnection(conn);
      const queued = waiting;
      waiting = null;
      for (const m of queued) onMessage(m.data, m.binary);
    },
    (err: unknown) => {
      console.error(`Accord: loading ${identity.sessionId} failed; refusing the connection`, err);
      waiting = null;
      conn.close(CLOSE_INTERNAL_ERROR, 'document could not be loaded');
    },
  );
}
