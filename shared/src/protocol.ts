import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Every message type on the Accord WebSocket, with its write/read pair, for server and client. Types 0–3 are the y-websocket protocol (y-protocols); 100–111
 * are Accord's own, chosen far above them so a stock provider only logs "Unable to compute
 * message" for them instead of misreading them. See docs/protocol.md.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const MESSAGE_IDENTITY = 100;
export const MESSAGE_SAVED = 101;
export const MESSAGE_NOTICE = 102;
export const MESSAGE_COMMAND = 110;
export const MESSAGE_COMMAND_RESULT = 111;

export type Role = 'chair' | 'secretariat' | 'delegation' | 'observer';
export const ROLES: readonly Role[] = ['chair', 'secretariat', 'delegation', 'observer'];

/** Sent once when a connection is ready: who the server thinks you are. */
export interface IdentityMessage {
  role: Role;
  /** The participant's stable id: what proposals, positions and groups refer to (`chair` for the admin key). */
  id: string;
  delegation: string;
  color: string;
  readOnly: boolean;
}

/** NOTICE codes (docs/protocol.md). */
export const NOTICE_READ_ONLY = 'read-only';
export const NOTICE_UPDATE_REJECTED = 'update_rejected';
export const NOTICE_PARAGRAPH_LOCKED = 'paragraph_locked';
/** A writer's update builds on items the server does not have; the connection is closed 1008. */
export const NOTICE_MISSING_DEPENDENCIES = 'missing_dependencies';
/** The document reached its size cap; the change was not saved (docs/protocol.md). */
export const NOTICE_DOCUMENT_TOO_LARGE = 'document_too_large';
export interface NoticeMessage {
  code: string;
  message: string;
  paragraphId?: string;
}

/**
 * A command with its optional client-made `commandId`: the body of `POST /api/sessions/:id/commands`
 * and, with `reqId`, of COMMAND 110. The server answers a repeat of the same `commandId` by the same
 * participant with the first answer, without applying it again (docs/protocol.md).
 */
export interface CommandEnvelope {
  command: unknown;
  commandId?: string;
}

/** A `commandId`: 1–64 characters of `[A-Za-z0-9_-]` (a UUID or nanoid fits). */
export const COMMAND_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isCommandId = (v: unknown): v is string => typeof v === 'string' && COMMAND_ID_PATTERN.test(v);

export interface CommandMessage extends CommandEnvelope {
  reqId: string;
}

export interface CommandResultMessage {
  reqId: string;
  ok: boolean;
  error?: { code: string; message: string };
  result?: unknown;
}

function writeJson(type: number, value: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, JSON.stringify(value));
  return encoding.toUint8Array(encoder);
}

/** Reads the JSON body of a message whose type the caller has already read. */
function readJson<T>(decoder: decoding.Decoder): T {
  return JSON.parse(decoding.readVarString(decoder)) as T;
}

export const writeIdentity = (m: IdentityMessage): Uint8Array => writeJson(MESSAGE_IDENTITY, m);
export const readIdentity = (d: decoding.Decoder): IdentityMessage => readJson<IdentityMessage>(d);

/** SAVED carries Y.encodeStateVector(doc) after the last committed batch. */
export function writeSaved(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVED);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}
export const readSaved = (d: decoding.Decoder): Uint8Array => decoding.readVarUint8Array(d);

export const writeNotice = (m: NoticeMessage): Uint8Array => writeJson(MESSAGE_NOTICE, m);
export const readNotice = (d: decoding.Decoder): NoticeMessage => readJson<NoticeMessage>(d);

export const writeCommand = (m: CommandMessage): Uint8Array => writeJson(MESSAGE_COMMAND, m);
export const readCommand = (d: decoding.Decoder): CommandMessage => readJson<CommandMessage>(d);

export const writeCommandResult = (m: CommandResultMessage): Uint8Array => writeJson(MESSAGE_COMMAND_RESULT, m);
export const readCommandResult = (d: decoding.Decoder): CommandResultMessage => readJson<CommandResultMessage>(d);

/** Roles whose connections may write Yjs updates to the text (ENGINEERING.md §1). */
export function canWriteText(role: Role): boolean {
  return role === 'chair' || role === 'secretariat';
}
