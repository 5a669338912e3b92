import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { IdentityMessage, NoticeMessage } from '@accord/shared/protocol';

/**
 * Reading Accord's own messages on the collaboration WebSocket (types and writers live in
 * shared/src/protocol.ts, shared with the server): tolerant of missing fields, so an older or
 * newer server never breaks the page.
 */
export { MESSAGE_COMMAND_RESULT, MESSAGE_IDENTITY, MESSAGE_NOTICE, MESSAGE_SAVED } from '@accord/shared/protocol';

export type Identity = IdentityMessage;
export type Notice = NoticeMessage;

function readJson(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder));
}

export function readIdentity(decoder: decoding.Decoder): Identity {
  const v = readJson(decoder) as Partial<Identity>;
  return {
    role: v.role ?? 'observer',
    id: String(v.id ?? ''),
    delegation: String(v.delegation ?? ''),
    color: String(v.color ?? '#888888'),
    readOnly: v.readOnly !== false,
  };
}

export function readNotice(decoder: decoding.Decoder): Notice {
  const v = readJson(decoder) as Partial<Notice>;
  const notice: Notice = { code: String(v.code ?? 'notice'), message: String(v.message ?? '') };
  if (typeof v.paragraphId === 'string') notice.paragraphId = v.paragraphId;
  return notice;
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
