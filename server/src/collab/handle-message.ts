import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_COMMAND,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  NOTICE_READ_ONLY,
  writeCommandResult,
  writeNotice,
} from '@accord/shared/protocol';
import { commandIdOf, executeCommandOnce } from '../commands/execute-command.js';
import { RATE_LIMITED } from '../limits/command-limiter.js';
import { missingDependencies, refuseMissingDependencies } from '../limits/missing-dependencies.js';
import type { Connection } from './connection.js';
import { CLOSE_POLICY_VIOLATION, CLOSE_PROTOCOL_ERROR, CLOSE_UNSUPPORTED_DATA, ProtocolError } from './protocol-error.js';
import type { Room } from './room.js';

/** Decodes a Yjs update fully; Y.applyUpdate can throw half-way, so broken ones stop here. */
function readUpdate(decoder: decoding.Decoder): { update: Uint8Array; decoded: ReturnType<typeof Y.decodeUpdate> } {
  let update: Uint8Array;
  try {
    update = decoding.readVarUint8Array(decoder);
    return { update, decoded: Y.decodeUpdate(update) };
  } catch {
    throw new ProtocolError(CLOSE_UNSUPPORTED_DATA, 'malformed Yjs update');
  }
}

function handleSync(room: Room, conn: Connection, decoder: decoding.Decoder): void {
  const step = decoding.readVarUint(decoder);
  if (step === syncProtocol.messageYjsSyncStep1) {
    const stateVector = decoding.readVarUint8Array(decoder);
    try {
      Y.decodeStateVector(stateVector);
    } catch {
      throw new ProtocolError(CLOSE_PROTOCOL_ERROR, 'malformed state vector');
    }
    conn.send(room.syncStep2For(stateVector));
    return;
  }
  if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
    throw new ProtocolError(CLOSE_UNSUPPORTED_DATA, `unknown sync message ${step}`);
  }
  const { update, decoded } = readUpdate(decoder);
  const structs = decoded.structs.length;
  if (!conn.canWrite) {
    // Read-only: never applied, stored or relayed. A step 2 answering our step 1 with nothing new
    // is the normal handshake, not an attempt to write, so it gets no notice.
    const attempted = step === syncProtocol.messageYjsUpdate || structs > 0;
    if (attempted && !conn.readOnlyNoticeSent) {
      conn.readOnlyNoticeSent = true;
      conn.send(writeNotice({ code: NOTICE_READ_ONLY, message: `${conn.identity.role} connections are read-only: the change was not saved` }));
    }
    return;
  }
  // After a refusal this client's later updates build on the refused one: they are dropped too
  // until it reloads the text (docs/protocol.md, NOTICE).
  if (conn.refused || conn.quota.condemned) return;
  // A gap would sit in every snapshot: refused before anything else is read (1008).
  if (missingDependencies((client) => room.knownClock(client), decoded)) return refuseMissingDependencies(conn);
  // The size cap: an update adding content that would take the document past it is neither
  // applied nor stored (deletions alone still pass: they are how a full document gets smaller).
  if (structs > 0 && room.wouldExceedCap(update.length)) {
    conn.refused = true;
    conn.send(writeNotice(room.tooLarge()));
    return;
  }
  const touched = new Map<string, Y.XmlElement>();
  const refusal = room.guard.check(decoded, touched);
  if (refusal) {
    conn.refused = true;
    conn.send(writeNotice(refusal));
    return;
  }
  room.receiveUpdate(conn, update, decoded, touched);
}

/**
 * COMMAND 110 `{reqId, command}` → COMMAND_RESULT 111 `{reqId, ok, result | error}`, sent once the
 * command's change is durable. A malformed command is answered `invalid`; the connection stays.
 */
function handleCommand(room: Room, conn: Connection, json: string): void {
  let message: { reqId?: unknown; command?: unknown; commandId?: unknown };
  try {
    message = JSON.parse(json) as typeof message;
  } catch {
    message = {};
  }
  const reqId = typeof message?.reqId === 'string' || typeof message?.reqId === 'number' ? String(message.reqId) : '';
  // Fair share first: beyond the rate and its queue, refused; a connection that keeps going, closed.
  if (conn.quota.condemned) return;
  const admission = conn.quota.admitCommand();
  if (!admission) {
    conn.send(writeCommandResult({ reqId, ok: false, error: RATE_LIMITED }));
    if (conn.quota.refused()) closeForAbuse(conn, 'too many commands');
    return;
  }
  if (admission.wait > 0) {
    setTimeout(() => {
      if (conn.open) runCommand(room, conn, reqId, message);
    }, admission.wait);
    return;
  }
  runCommand(room, conn, reqId, message);
}

function runCommand(room: Room, conn: Connection, reqId: string, message: { reqId?: unknown; command?: unknown; commandId?: unknown }): void {
  if (!message || typeof message !== 'object' || !('command' in message)) {
    conn.send(writeCommandResult({ reqId, ok: false, error: { code: 'invalid', message: 'expected {"reqId": "…", "command": {…}}' } }));
    return;
  }
  const commandId = commandIdOf(message);
  if (commandId === undefined) {
    conn.send(writeCommandResult({ reqId, ok: false, error: { code: 'invalid', message: 'commandId is 1–64 characters of A–Z, a–z, 0–9, _ and -' } }));
    return;
  }
  executeCommandOnce(room, conn.identity, message.command, commandId).then(
    (answer) => conn.send(writeCommandResult({ reqId, ...answer })),
    (err: unknown) => {
      console.error(`Accord: command in ${room.name} failed`, err);
      conn.send(writeCommandResult({ reqId, ok: false, error: { code: 'internal', message: 'the command failed on the server' } }));
    },
  );
}

/**
 * Closes a connection that kept going beyond its share (1008), once the answers to what it sent
 * before have gone out; until then it is ignored.
 */
function closeForAbuse(conn: Connection, reason: string): void {
  conn.quota.condemned = true;
  setImmediate(() => conn.close(CLOSE_POLICY_VIOLATION, reason));
}

/** Handles one binary message; throws ProtocolError for anything it cannot read. */
export function handleMessage(room: Room, conn: Connection, data: Uint8Array): void {
  const decoder = decoding.createDecoder(data);
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return handleSync(room, conn, decoder);
      case MESSAGE_AWARENESS:
        return room.presence.receive(conn, decoding.readVarUint8Array(decoder));
      case MESSAGE_QUERY_AWARENESS: {
        const presence = room.presence.fullStateMessage(conn);
        if (presence) conn.send(presence);
        return;
      }
      case MESSAGE_AUTH:
        return; // server → client only in y-protocols; ignore
      case MESSAGE_COMMAND:
        return handleCommand(room, conn, decoding.readVarString(decoder));
      default:
        throw new ProtocolError(CLOSE_UNSUPPORTED_DATA, `unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(CLOSE_PROTOCOL_ERROR, 'malformed message');
  }
}
