import type { Connection } from '../collab/connection.js';

/** Ownership records kept for participants who left, so that they can come back to their ids. */
const MAX_RECORDS = 10_000;

interface Owner {
  /** The participant (its token) the id belongs to for the room's lifetime. */
  token: string;
  /** Its live connection publishing the id, if any. */
  conn: Connection | null;
}

export type PresenceVerdict = 'ok' | 'foreign' | 'too-many';

/**
 * Who may publish presence at each awareness client id: the participant (token) who introduced it,
 * from any of its connections — a reconnecting chair takes its id back — and nobody else, also
 * while the owner is away. One connection publishes at most `awarenessIdsPerConnection` ids.
 */
export class PresenceOwners {
  private readonly owners = new Map<number, Owner>();

  /** May `conn` publish at `id`? 'foreign': someone else's (ignored quietly: y-websocket clients echo everyone's presence). */
  verdict(conn: Connection, id: number): PresenceVerdict {
    const owner = this.owners.get(id);
    if (owner && owner.token !== conn.quota.token) return 'foreign';
    if (owner?.conn === conn) return 'ok';
    return conn.awarenessIds.size >= conn.quota.limits.awarenessIdsPerConnection ? 'too-many' : 'ok';
  }

  /** Records that `conn` publishes at `id` (after verdict 'ok'). */
  claim(conn: Connection, id: number): void {
    const owner = this.owners.get(id);
    if (owner?.conn === conn) return;
    if (owner) {
      owner.conn?.awarenessIds.delete(id);
      owner.conn = conn;
    } else {
      this.owners.set(id, { token: conn.quota.token, conn });
      this.trim();
    }
    conn.awarenessIds.add(id);
  }

  /** The ids `conn` was publishing when it left (its presence to remove); ownership stays. */
  release(conn: Connection): number[] {
    const ids: number[] = [];
    for (const id of conn.awarenessIds) {
      const owner = this.owners.get(id);
      if (owner?.conn !== conn) continue;
      owner.conn = null;
      ids.push(id);
    }
    conn.awarenessIds.clear();
    return ids;
  }

  private trim(): void {
    if (this.owners.size <= MAX_RECORDS) return;
    for (const [id, o] of this.owners) {
      if (this.owners.size <= MAX_RECORDS) break;
      if (!o.conn) this.owners.delete(id);
    }
  }
}
