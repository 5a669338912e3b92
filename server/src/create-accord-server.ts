import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { identify } from './auth/identify.js';
import { newToken } from './auth/tokens.js';
import { attachConnection } from './collab/attach-connection.js';
import { CLOSE_GOING_AWAY } from './collab/protocol-error.js';
import { Rooms } from './collab/rooms.js';
import { createUpgradeHandler } from './collab/upgrade.js';
import type { Extension } from './extension.js';
import { createApp } from './http/app.js';
import { FairShare } from './limits/fair-share.js';
import type { Limits } from './limits/limits.js';
import { HistoryRecorder } from './revisions/history-recorder.js';
import { RevisionService } from './revisions/revision-service.js';
import { seedSessions } from './sessions/seeding.js';
import { SessionSummaries } from './sessions/session-summaries.js';
import { SilenceClock } from './silence/silence-clock.js';
import { createSqliteStorage, type SynchronousMode } from './storage/sqlite-storage.js';
import type { Storage } from './storage/storage.js';

export interface AccordServerOptions {
  port: number;
  host?: string;
  /** Where accord.sqlite lives (ignored when `storage` is given). */
  dataDir: string;
  storage?: Storage;
  /** Browser origins allowed besides the server's own. */
  allowedOrigins?: string[];
  /** The built client (client/dist), served with an SPA fallback. */
  clientDist?: string;
  /** Folder of `*.txt` texts imported once as seed sessions. */
  seedDir?: string;
  /** Overrides the admin key stored in the database. */
  adminKey?: string;
  synchronous?: SynchronousMode;
  /** Unload a room this long after its last connection left. */
  idleUnloadMs?: number;
  maxMessageBytes?: number;
  extensions?: Extension[];
  /** POST /api/sessions without the organiser (admin) key; default false. */
  openSessionCreation?: boolean;
  /** Per-participant limits (server/src/limits/limits.ts has the defaults). */
  limits?: Partial<Limits>;
  compactEvery?: number;
  awarenessIntervalMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long stop() waits for unsaved changes before giving up on them. */
  stopTimeoutMs?: number;
  /** Automatic history: at most one point per this interval while edits keep coming (default 3 min). */
  historyIntervalMs?: number;
  /** The session list's summary of a text is recounted this long after a change (default 2 s). */
  summaryDelayMs?: number;
}

export interface AccordServer {
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  /** Valid after start() (storage and rooms until the next start). */
  readonly adminKey: string;
  readonly port: number;
  readonly storage: Storage;
  /** Loaded rooms, for tests and diagnostics. */
  readonly rooms: Rooms;
  /** Revisions and automatic history (valid after start()). */
  readonly revisions: RevisionService;
  /** What the session list shows of each text (valid after start()). */
  readonly summaries: SessionSummaries;
  /** Limits in force, live connections by token and address. */
  readonly fairShare: FairShare;
}

const ADMIN_KEY_SETTING = 'adminKey';
const PING_INTERVAL_MS = 30_000;

/** One Accord server: HTTP API + static client + y-websocket endpoint, no global state. */
export function createAccordServer(options: AccordServerOptions): AccordServer {
  const o = {
    host: '127.0.0.1',
    idleUnloadMs: 30_000,
    maxMessageBytes: 8 * 1024 * 1024,
    allowedOrigins: [] as string[],
    extensions: [] as Extension[],
    openSessionCreation: false,
    compactEvery: 500,
    awarenessIntervalMs: 50,
    retryBaseMs: 100,
    retryMaxMs: 5_000,
    stopTimeoutMs: 10_000,
    ...options,
  };
  let storage: Storage | null = null;
  let rooms: Rooms | null = null;
  let revisions: RevisionService | null = null;
  let summaries: SessionSummaries | null = null;
  let silenceClock: SilenceClock | null = null;
  let adminKey = '';
  let http: Server | null = null;
  let wss: WebSocketServer | null = null;
  let pinger: NodeJS.Timeout | null = null;
  let port = 0;
  const openSockets = new Set<Socket>();
  const fairShare = new FairShare(o.limits);

  async function start(): Promise<{ port: number }> {
    if (http) throw new Error('already started');
    // Created here, not in the factory: nothing touches the disk before start(), and a stopped
    // server can start again.
    const store = o.storage ?? createSqliteStorage({ dataDir: o.dataDir, synchronous: o.synchronous });
    storage = store;
    adminKey = o.adminKey ?? (await store.getSetting(ADMIN_KEY_SETTING)) ?? '';
    if (!adminKey) {
      adminKey = newToken();
      await store.setSetting(ADMIN_KEY_SETTING, adminKey);
    }
    if (o.seedDir) await seedSessions(store, o.seedDir);

    const builtinAuth: Extension = {
      onAuthenticate: ({ sessionId, token }) => identify(store, adminKey, sessionId, token),
    };
    const history = new HistoryRecorder({ storage: store, intervalMs: o.historyIntervalMs });
    const summaryOf = new SessionSummaries({ storage: store, delayMs: o.summaryDelayMs, liveDocument: (id) => rooms?.loaded.find((r) => r.name === id)?.doc });
    summaries = summaryOf;
    const clock = new SilenceClock(store);
    silenceClock = clock;
    const extensions = [builtinAuth, ...o.extensions, history.extension, summaryOf.extension, clock.extension];
    const roomSet = new Rooms({ ...o, storage: store, extensions, documentBytes: fairShare.limits.documentBytes });
    rooms = roomSet;
    // Silences whose deadline passed while the server was down are adopted before anyone is served.
    await clock.start(roomSet);
    revisions = new RevisionService(store, roomSet, history);
    const app = createApp({ storage: store, adminKey, rooms: roomSet, revisions, fairShare, summaries: summaryOf, openSessionCreation: o.openSessionCreation, clientDist: o.clientDist, jsonLimit: '16mb' });
    const server = createServer(app);
    const sockets = new WebSocketServer({ noServer: true, maxPayload: o.maxMessageBytes, perMessageDeflate: false });
    // Dead peers (no pong within one interval) are dropped so their presence disappears.
    const alive = new WeakMap<WebSocket, boolean>();
    server.on('upgrade', createUpgradeHandler({
      wss: sockets,
      storage: store,
      extensions,
      allowedOrigins: o.allowedOrigins,
      connectionRefusal: (token, address) => fairShare.connectionRefusal(token, address),
      onConnection: (ws, identity, acks, who) => {
        alive.set(ws, true);
        ws.on('pong', () => alive.set(ws, true));
        attachConnection(ws, identity, acks, fairShare.register(ws, who.token, who.address), roomSet, extensions);
      },
    }));
    server.on('clientError', (_err, socket) => socket.destroy());
    // Upgraded and refused sockets are not HTTP connections any more: stop() ends them itself.
    server.on('connection', (socket) => {
      openSockets.add(socket);
      socket.once('close', () => openSockets.delete(socket));
    });
    pinger = setInterval(() => {
      for (const ws of sockets.clients) {
        if (!alive.get(ws)) ws.terminate();
        else {
          alive.set(ws, false);
          ws.ping();
        }
      }
    }, PING_INTERVAL_MS);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    http = server;
    wss = sockets;
    port = (server.address() as AddressInfo).port;
    return { port };
  }

  /** Graceful: refuse new work, close sockets, commit what is pending, compact, close storage. */
  async function stop(): Promise<void> {
    const server = http;
    if (!server) return;
    http = null;
    if (pinger) clearInterval(pinger);
    const closed = new Promise<void>((r) => server.close(() => r()));
    for (const ws of wss?.clients ?? []) ws.close(CLOSE_GOING_AWAY, 'server shutting down');
    server.closeAllConnections();
    await silenceClock?.stop();
    await rooms?.closeAll(o.stopTimeoutMs);
    // Rooms that unloaded with unrecorded edits took a last history point: store it first.
    await revisions?.history.flushed();
    // Rooms that unloaded just now were recounted as they went: store those summaries too.
    await summaries?.flushed();
    for (const ws of wss?.clients ?? []) ws.terminate();
    for (const socket of openSockets) socket.destroy();
    wss?.close();
    wss = null;
    await closed;
    await storage?.close();
  }

  const started = <T>(v: T | null): T => {
    if (v === null) throw new Error('Accord server not started');
    return v;
  };

  return {
    start,
    stop,
    get adminKey() {
      return adminKey;
    },
    get port() {
      return port;
    },
    get storage() {
      return started(storage);
    },
    get rooms() {
      return started(rooms);
    },
    get revisions() {
      return started(revisions);
    },
    get summaries() {
      return started(summaries);
    },
    fairShare,
  };
}
