import * as Y from 'yjs';
import { NOTICE_MISSING_DEPENDENCIES, writeNotice } from '@accord/shared/protocol';
import type { Connection } from '../collab/connection.js';
import { CLOSE_POLICY_VIOLATION } from '../collab/protocol-error.js';

/**
 * A writer whose update has a gap: told why, closed 1008, and nothing more it sent is applied.
 * A real client resyncs when it reconnects (its answer to the server's sync step 1 carries what
 * was missing).
 */
export function refuseMissingDependencies(conn: Connection): void {
  if (conn.quota.condemned) return;
  conn.quota.condemned = true;
  conn.send(writeNotice({ code: NOTICE_MISSING_DEPENDENCIES, message: 'the change builds on text the server does not have: reconnect to resync' }));
  conn.close(CLOSE_POLICY_VIOLATION, 'update with missing dependencies');
}

/**
 * Drops what Yjs keeps aside when an update's dependencies are missing (`store.pendingStructs`,
 * `store.pendingDs`); true if there was any. Nothing may stay there: Y.encodeStateAsUpdate puts it
 * into every snapshot and every newcomer's sync, and each later update retries merging it (a
 * writer's 3,000 such updates froze the server for seconds). On one server a writer's update
 * always builds on what the server sent it, so a gap means a lost or hostile client: refuse it,
 * and it resyncs (sending what is missing) when it reconnects.
 */
export function dropPending(doc: Y.Doc): boolean {
  const store = doc.store;
  if (!store.pendingStructs && !store.pendingDs) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/**
 * Would applying `update` leave anything pending? `state(client)`: the clock the document has
 * reached for a client. True when the update starts past it, contains a gap (Skip), or refers (origin, right origin, parent, deletion) to an item
 * neither the document nor the update has. Reads only the update and the state vector.
 */
export function missingDependencies(state: (client: number) => number, update: Decoded): boolean {
  const known = new Map<number, number>();
  for (const s of update.structs) {
    const client = s.id.client;
    const have = known.get(client) ?? state(client);
    if (s.id.clock > have || s instanceof Y.Skip) return true;
    known.set(client, Math.max(have, s.id.clock + s.length));
  }
  const has = (id: Y.ID | null | undefined) => !id || id.clock < (known.get(id.client) ?? state(id.client));
  for (const s of update.structs) {
    const item = s as Partial<Y.Item>;
    if (!has(item.origin) || !has(item.rightOrigin)) return true;
    const parent = item.parent as unknown;
    if (parent && typeof parent === 'object' && 'client' in parent && !has(parent as Y.ID)) return true;
  }
  for (const [client, ranges] of update.ds.clients) {
    const end = known.get(client) ?? state(client);
    for (const { clock, len } of ranges) if (clock + len > end) return true;
  }
  return false;
}
