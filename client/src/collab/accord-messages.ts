import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * Accord's own messages on the collaboration WebSocket (docs/CONTRACTS.md "WebSocket"): a varUint
 * type, then a varString JSON (IDENTITY, NOTICE) or a varUint8Array (SAVED). Types 0–3 are the
 * standard y-websocket ones and stay untouched.
 */
export const MESSAGE_IDENTITY = 100;
export const MESSAGE_SAVED = 101;
export const MESSAGE_NOTICE = 102;
export const MESSAGE_COMMAND = 110;
export const MESSAGE_COMMAND_RESULT = 111;

export interface Identity {
  role: 'chair' | 'secretariat' | 'delegation' | 'observer';
  delegation: string;
  color: string;
  readOnly: boolean;
}

export interface Notice {
  code: string;
  message: string;
}

function readJson(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder));
}

export function readIdentity(decoder: decoding.Decoder): Identity {
  const v = readJson(decoder) as Partial<Identity>;
  return {
    role: v.role ?? 'observer',
    delegation: String(v.delegation ?? ''),
    color: String(v.color ?? '#888888'),
    readOnly: v.readOnly !== false,
  };
}

export function readNotice(decoder: decoding.Decoder): Notice {
  const v = readJson(decoder) as Partial<Notice>;
  return { code: String(v.code ?? 'notice'), message: String(v.message ?? '') };
}

/** The state vector of the server's document after its last durable commit. */
export function readSaved(decoder: decoding.Decoder): Map<number, number> {
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

/**
 * How many of this client's own operations the server has not yet stored: the local clock of our
 * clientID minus the clock the last SAVED reported for it. Zero means every local change is durable.
 */
export function unsavedCount(doc: Y.Doc, saved: Map<number, number> | null): number {
  const local = Y.getState(doc.store, doc.clientID);
  const stored = saved?.get(doc.clientID) ?? 0;
  return Math.max(0, local - stored);
}
