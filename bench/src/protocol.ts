// Wire helpers for the y-websocket protocol (y-protocols sync + awareness), encoded by hand so the
// light load-generator clients do no Yjs work at all on the hot receive path.
import * as encoding from 'lib0/encoding';

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_QUERY_AWARENESS = 3;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Every keystroke inserts KEY_MARKER followed by KEY_DIGITS base-36 digits: its id. */
export const KEY_MARKER = '\uE000';
export const KEY_DIGITS = 4;
const MARKER_BYTES = Buffer.from(KEY_MARKER, 'utf8');
export const MAX_KEY_ID = 36 ** KEY_DIGITS - 1;

export function keyToken(id: number): string {
  return KEY_MARKER + id.toString(36).padStart(KEY_DIGITS, '0');
}

/**
 * Calls `found` for every keystroke id contained in a Yjs update. Inserted strings are stored as
 * UTF-8 in the update, so a byte scan finds them; no other part of an update can contain the
 * 3-byte private-use marker followed by 4 ASCII base-36 digits.
 */
export function scanKeyIds(buf: Buffer, from: number, found: (id: number) => void): void {
  let i = buf.indexOf(MARKER_BYTES, from);
  while (i !== -1) {
    const start = i + MARKER_BYTES.length;
    if (start + KEY_DIGITS > buf.length) return;
    let id = 0;
    let ok = true;
    for (let k = 0; k < KEY_DIGITS; k++) {
      const c = buf[start + k];
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
      if (d < 0) { ok = false; break; }
      id = id * 36 + d;
    }
    if (ok) found(id);
    i = buf.indexOf(MARKER_BYTES, start);
  }
}

export function syncStep1(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, SYNC_STEP1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

export function syncStep2(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, SYNC_STEP2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, SYNC_UPDATE);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness message carrying one client's state, as y-protocols encodes it. */
export function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AWARENESS);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** Empty state vector and empty update, as a fresh Y.Doc encodes them. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

export function nowMs(): number {
  // CLOCK_MONOTONIC: comparable between processes on the same machine.
  return Number(process.hrtime.bigint()) / 1e6;
}
