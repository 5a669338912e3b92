import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { Y_ROOM } from '@accord/shared';
import type { RoomSettings } from '@accord/shared/brackets/index';
import { MESSAGE_AWARENESS } from '@accord/shared/protocol';
import { binaryFrame } from './binary-frame.js';
import { isPrivateCaret, seesEveryCaret, withoutPrivateCarets } from './caret-visibility.js';
import type { Connection } from './connection.js';
import { CLOSE_POLICY_VIOLATION, CLOSE_PROTOCOL_ERROR, ProtocolError } from './protocol-error.js';
import { PresenceOwners } from '../limits/presence-owners.js';

/** One client id's entry of an awareness update, as received. */
interface Entry {
  clock: number;
  json: string;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The room's presence. Incoming states are stamped with the connection's identity and accepted
 * only for client ids that connection introduced; outgoing changes are coalesced and broadcast
 * at most every `intervalMs`, encoded once for all recipients (cursor traffic dominates a busy
 * room: ENGINEERING.md §6) — twice when delegations' carets are private (BR88): once whole for
 * those who see every caret, once without the private carets for the others.
 */
export class AwarenessRelay {
  readonly awareness: Awareness;
  private changed = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private lastBroadcast = 0;
  /** Which participant owns each client id, so nobody can take over someone else's presence. */
  private readonly owners = new PresenceOwners();
  /** Presence over a connection's rate, waiting for its next slot (latest state per id). */
  private readonly deferred = new Map<Connection, Map<number, Entry>>();
  private readonly deferTimers = new Map<Connection, NodeJS.Timeout>();
  private readonly room: Y.Map<unknown>;
  /** Delegations and observers see each other's carets (the chair's setting, BR88). */
  private shared: boolean;

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
    this.room = doc.getMap(Y_ROOM);
    this.shared = this.readShared();
    this.room.observe(this.onRoomChange);
  }

  private readShared(): boolean {
    return (this.room.get('settings') as RoomSettings | undefined)?.delegationCarets === true;
  }

  /**
   * The chair shared or hid delegations' carets. Clients keep a state they already have at the same
   * clock, so the private carets are sent again at a new clock: now whole, or now without the caret.
   */
  private onRoomChange = () => {
    const shared = this.readShared();
    if (shared === this.shared) return;
    this.shared = shared;
    const ids = [...this.awareness.getStates()].filter(([, state]) => isPrivateCaret(state)).map(([id]) => id);
    if (!ids.length) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) {
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, (this.awareness.meta.get(id)?.clock ?? 0) + 1);
      encoding.writeVarString(encoder, JSON.stringify(this.awareness.getStates().get(id)));
    }
    applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), 'carets');
  };

  private seesAll(conn: Connection): boolean {
    return seesEveryCaret(conn.identity.role, this.shared);
  }

  /**
   * Applies an awareness update from `conn`: only for ids its participant owns (others' are
   * ignored: y-websocket clients echo everyone's presence back), at most the connection's share
   * of ids, states of at most `awarenessStateBytes`, `awarenessMessagesPerSecond` (beyond, the
   * latest state waits for the next slot). Throws ProtocolError 1008 on abuse.
   */
  receive(conn: Connection, update: Uint8Array): void {
    const limits = conn.quota.limits;
    const entries = new Map<number, Entry>();
    let tooMany = false;
    const decoder = decoding.createDecoder(update);
    try {
      const n = decoding.readVarUint(decoder);
      for (let i = 0; i < n; i++) {
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        const json = decoding.readVarString(decoder);
        const verdict = this.owners.verdict(conn, clientId);
        if (verdict === 'foreign') continue;
        if (verdict === 'too-many') {
          tooMany = true;
          continue;
        }
        if (json.length > limits.awarenessStateBytes) {
          throw new ProtocolError(CLOSE_POLICY_VIOLATION, `a presence state is at most ${limits.awarenessStateBytes} bytes`);
        }
        entries.set(clientId, { clock, json });
      }
    } catch (err) {
      if (err instanceof ProtocolError) throw err;
      throw new ProtocolError(CLOSE_PROTOCOL_ERROR, 'malformed awareness update');
    }
    if (tooMany && conn.quota.presenceDropped()) throw new ProtocolError(CLOSE_POLICY_VIOLATION, 'too many presence ids');
    if (entries.size === 0) return;
    const waiting = this.deferred.get(conn);
    if (waiting || !conn.quota.admitPresence()) {
      // Over the rate: keep only the latest state per id, sent when the connection has a slot.
      const merged = waiting ?? new Map<number, Entry>();
      for (const [id, e] of entries) merged.set(id, e);
      this.deferred.set(conn, merged);
      this.scheduleDeferred(conn);
      if (conn.quota.presenceDropped()) throw new ProtocolError(CLOSE_POLICY_VIOLATION, 'too many presence messages');
      return;
    }
    this.apply(conn, entries);
  }

  private apply(conn: Connection, entries: Map<number, Entry>): void {
    const body = encoding.createEncoder();
    let accepted = 0;
    for (const [clientId, entry] of entries) {
      if (this.owners.verdict(conn, clientId) !== 'ok') continue;
      let state: unknown;
      try {
        state = JSON.parse(entry.json);
      } catch {
        throw new ProtocolError(CLOSE_PROTOCOL_ERROR, 'malformed awareness state');
      }
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) continue;
      this.owners.claim(conn, clientId);
      let clock = entry.clock;
      // An owner back after its presence was removed resends its last clock, which every peer
      // has already seen (with the removal): move past it so that its presence shows again.
      const known = this.awareness.meta.get(clientId);
      if (state !== null && known && !this.awareness.states.has(clientId) && clock <= known.clock) clock = known.clock + 1;
      const id = conn.identity;
      const stamped = state === null ? null : { ...state, user: { id: id.participantId, name: id.delegation, role: id.role, color: id.color } };
      encoding.writeVarUint(body, clientId);
      encoding.writeVarUint(body, clock);
      encoding.writeVarString(body, JSON.stringify(stamped));
      accepted++;
    }
    if (accepted === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, accepted);
    encoding.writeUint8Array(encoder, encoding.toUint8Array(body));
    applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), conn);
  }

  private scheduleDeferred(conn: Connection): void {
    if (this.deferTimers.has(conn)) return;
    const wait = Math.ceil(1000 / conn.quota.limits.awarenessMessagesPerSecond);
    const timer = setTimeout(() => {
      this.deferTimers.delete(conn);
      const entries = this.deferred.get(conn);
      if (!entries || !conn.open) return void this.deferred.delete(conn);
      if (!conn.quota.admitPresence()) return this.scheduleDeferred(conn);
      this.deferred.delete(conn);
      try {
        this.apply(conn, entries);
      } catch (err) {
        if (err instanceof ProtocolError) conn.close(err.code, err.message);
      }
    }, wait);
    this.deferTimers.set(conn, timer);
  }

  /** Every known state as `conn` may see it, for a new connection or a query-awareness message; null if none. */
  fullStateMessage(conn: Connection): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length ? this.message(ids, this.seesAll(conn)) : null;
  }

  /** Removes the presence of a connection that left, and forgets which ids it owned. */
  removeConnection(conn: Connection): void {
    this.deferred.delete(conn);
    const timer = this.deferTimers.get(conn);
    if (timer) clearTimeout(timer);
    this.deferTimers.delete(conn);
    removeAwarenessStates(this.awareness, this.owners.release(conn), null);
  }

  destroy(): void {
    this.room.unobserve(this.onRoomChange);
    this.awareness.destroy(); // emits a last update: clear the timer after it
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const t of this.deferTimers.values()) clearTimeout(t);
    this.deferTimers.clear();
  }

  /** The states of `ids`, whole or without the private carets (BR88). */
  private message(ids: number[], whole: boolean): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    const states = whole ? this.awareness.getStates() : withoutPrivateCarets(this.awareness.getStates(), ids);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, ids, states));
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
    const whole = binaryFrame(this.message(ids, true));
    // Only when a private caret moved does anyone get a different frame.
    const restricted = this.shared || !ids.some((id) => isPrivateCaret(this.awareness.getStates().get(id))) ? whole : binaryFrame(this.message(ids, false));
    for (const conn of this.connections()) conn.sendFrame(this.seesAll(conn) ? whole : restricted);
  }
}
