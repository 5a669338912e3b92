import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { authenticate, type Extension, type Identity } from '../extension.js';
import { isSessionId } from '../sessions/session-id.js';
import type { Storage } from '../storage/storage.js';

export interface UpgradeContext {
  wss: WebSocketServer;
  storage: Storage;
  extensions: readonly Extension[];
  allowedOrigins: readonly string[];
  /** Null when one more connection of this token and address is within the caps (else why not: 429). */
  connectionRefusal?(token: string, address: string): string | null;
  onConnection(ws: WebSocket, identity: Identity, wantsAcks: boolean, who: { token: string; address: string }): void;
}

const STATUS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error' };

/**
 * The only target an upgrade may have, matched on the raw request target before any URL parsing:
 * `/../../collab/<id>` or `/collab\<id>` would otherwise be normalised into a session path.
 */
const CANONICAL_TARGET = /^\/collab\/([a-z0-9]{16})(\?|$)/;

/** Answers a refused upgrade with a plain HTTP response, as a browser or ws client expects. */
function refuse(socket: Duplex, status: number, code: string, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // A peer that never closes its side must not hold the socket open.
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/**
 * A browser's Origin must be this server's own origin or one configured; a missing Origin is a
 * non-browser client (it cannot be forged cross-site by a page), which tokens still guard.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Everything is checked before the upgrade: a refused client never gets a WebSocket. */
export function createUpgradeHandler(ctx: UpgradeContext) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => {});
    void (async () => {
      const raw = req.url ?? '/';
      const match = CANONICAL_TARGET.exec(raw);
      if (!match) {
        if (!/collab/i.test(raw)) return refuse(socket, 404, 'not-found', 'no WebSocket endpoint here; use /collab/<sessionId>');
        return refuse(socket, 400, 'bad-path', 'the WebSocket endpoint is exactly /collab/<sessionId>');
      }
      const url = new URL(raw, 'http://localhost');
      const sessionId = match[1];
      if (!isSessionId(sessionId)) return refuse(socket, 400, 'bad-room', 'the room name must be a session id');
      if (!(await ctx.storage.getSession(sessionId))) return refuse(socket, 404, 'no-session', 'no such session');
      let identity: Identity | undefined;
      try {
        identity = await authenticate(ctx.extensions, { sessionId, token: url.searchParams.get('token') ?? '', request: req });
      } catch {
        identity = undefined;
      }
      if (!identity) return refuse(socket, 401, 'unauthorized', 'missing or invalid token for this session');
      if (!originAllowed(req, ctx.allowedOrigins)) return refuse(socket, 403, 'forbidden-origin', 'this origin may not connect');
      const who = { token: url.searchParams.get('token') ?? '', address: req.socket.remoteAddress ?? '' };
      const capped = ctx.connectionRefusal?.(who.token, who.address);
      if (capped) return refuse(socket, 429, 'too-many-connections', capped);
      if (socket.destroyed) return;
      const wantsAcks = url.searchParams.get('acks') === '1';
      ctx.wss.handleUpgrade(req, socket, head, (ws) => ctx.onConnection(ws, identity, wantsAcks, who));
    })().catch((err: unknown) => {
      console.error('Accord: upgrade failed', err);
      refuse(socket, 500, 'internal', 'upgrade failed');
    });
  };
}
