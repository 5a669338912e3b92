import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  MESSAGE_IDENTITY,
  MESSAGE_NOTICE,
  MESSAGE_SAVED,
  readIdentity,
  readNotice,
  readSaved,
  type IdentityMessage,
  type NoticeMessage,
} from '@accord/shared/protocol';
import { waitFor } from './wait.js';

/** A stock y-websocket provider plus handlers for Accord's own messages. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  identity: IdentityMessage | null;
  notices: NoticeMessage[];
  /** Latest SAVED state vector, decoded. */
  saved: Map<number, number>;
  /** Resolves when everything this client wrote so far is acknowledged (event-driven, bounded). */
  acked(timeoutMs?: number): Promise<void>;
  synced(): Promise<void>;
  destroy(): void;
}

type Handler = (encoder: unknown, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, type: number) => void;

export function connectClient(wsUrl: string, sessionId: string, token: string, opts: { acks?: boolean; doc?: Y.Doc; maxBackoffTime?: number } = {}): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const params: Record<string, string> = { token };
  if (opts.acks) params.acks = '1';
  const provider = new WebsocketProvider(wsUrl, sessionId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    maxBackoffTime: opts.maxBackoffTime ?? 500,
  });
  const client: TestClient = {
    doc,
    provider,
    identity: null,
    notices: [],
    saved: new Map(),
    acked: (timeoutMs = 5_000) =>
      allAcked(client)
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('timed out waiting for SAVED')), timeoutMs);
            ackWaiters.push(() => {
              if (!allAcked(client)) return false;
              clearTimeout(timer);
              resolve();
              return true;
            });
          }),
    synced: () => waitFor(() => provider.synced, 'provider synced').then(() => undefined),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  let ackWaiters: (() => boolean)[] = [];
  const handlers = provider.messageHandlers as unknown as Handler[];
  handlers[MESSAGE_IDENTITY] = (_e, d) => (client.identity = readIdentity(d));
  handlers[MESSAGE_NOTICE] = (_e, d) => client.notices.push(readNotice(d));
  handlers[MESSAGE_SAVED] = (_e, d) => {
    const sv = Y.decodeStateVector(readSaved(d));
    for (const [k, v] of sv) client.saved.set(k, Math.max(client.saved.get(k) ?? 0, v));
    ackWaiters = ackWaiters.filter((w) => !w());
  };
  return client;
}

/** True once the server acknowledged everything this client wrote so far. */
export function allAcked(c: TestClient): boolean {
  return (c.saved.get(c.doc.clientID) ?? 0) >= Y.getState(c.doc.store, c.doc.clientID);
}
