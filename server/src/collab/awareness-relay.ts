import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { MESSAGE_AWARENESS } from '@accord/shared/protocol';
import { binaryFrame } from './binary-frame.js';
import type { Connection } from './connection.js';
import { CLOSE_PROTOCOL_ERROR, ProtocolError } from './protocol-error.js';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The room's presence. Incoming states are stamped with the connection's identity and accepted
 * only for client ids that connection introduced; outgoing changes are coalesced and broadcast
 * at most every `intervalMs`, encoded once for all recipients (cursor traffic dominates a busy
 * room: ENGINEERING.md §6).
 */
export class AwarenessRelay {
  readonly awareness: Awareness;
  private changed = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private lastBroadcast = 0;
  /** Which connection owns each client id, so nobody can take over someone else's presence. */
  private owners = new Map<number, Connection>();

  constructor(
    doc: Y.Doc,
    private readonly connections: () => Iterable<Connection>,
    private readonly intervalMs: number,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null); // the server itself has no presence
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      for (const id of [...added, ...updated, ...removed]) this.changed.add(id);
      this.schedule();
    });
  }

  /** Applies an awareness update from `conn`, after stamping and ownership checks. */
  receive(conn: Connection, update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const encoder = encoding.createEncoder();
    let accepted = 0;
    const entries: [number, number, string][] = [];
    try {
      const n = decoding.readVarUint(decoder);
      for (let i = 0; i < n; i++) {
        entries.push([decoding.readVarUint(decoder), decoding.readVarUint(decoder), decoding.readVarString(decoder)]);
      }
    } catch {
      throw new ProtocolError(CLOSE_PROTOCOL_ERROR, 'malformed awareness update');
    }
    const body = encoding.createEncoder();
    for (const [clientId, clock, json] of entries) {
      const owner = this.owners.get(clientId);
      if (owner && owner !== conn) continue;
      let state: unknown;
      try {
        state = JSON.parse(json);
      } catch {
        throw new ProtocolError(CLOSE_PROTOCOL_ERROR, 'malformed awareness state');
      }
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) continue;
      if (!owner) {
        this.owners.set(clientId, conn);
        conn.awarenessIds.add(clientId);
      }
      const id = conn.identity;
      const stamped = state === null ? null : { ...state, user: { name: id.delegation, role: id.role, color: id.color } };
      encoding.writeVarUint(body, clientId);
      encoding.writeVarUint(body, clock);
      encoding.writeVarString(body, JSON.stringify(stamped));
      accepted++;
    }
    if (accepted === 0) return;
    encoding.writeVarUint(encoder, accepted);
    encoding.writeUint8Array(encoder, encoding.toUint8Array(body));
    applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), conn);
  }

  /** Every known state, for a new connection or a query-awareness message; null if none. */
  fullStateMessage(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length ? this.message(ids) : null;
  }

  /** Removes the presence of a connection that left, and forgets which ids it owned. */
  removeConnection(conn: Connection): void {
    for (const id of conn.awarenessIds) if (this.owners.get(id) === conn) this.owners.delete(id);
    removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
  }

  destroy(): void {
    this.awareness.destroy(); // emits a last update: clear the timer after it
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private message(ids: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, ids));
    return encoding.toUint8Array(encoder);
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastBroadcast + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.broadcast(), wait);
  }

  private broadcast(): void {
    this.timer = null;
    this.lastBroadcast = Date.now();
    const ids = [...this.changed].filter((id) => this.awareness.meta.has(id));
    this.changed.clear();
    if (!ids.length) return;
    const frame = binaryFrame(this.message(ids));
    for (const conn of this.connections()) conn.sendFrame(frame);
  }
}
