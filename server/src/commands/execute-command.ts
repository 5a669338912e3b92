import {
  applyCommandToYDoc,
  commandRoleAllowed,
  currentBracketState,
  isCommandType,
  proposalOffsets,
  recordedCommandOutcome,
  roomIndex,
  type ApplyResult,
  type Command,
  type CommandError,
  type CommandOutcome,
} from '@accord/shared/brackets/index';
import { isCommandId } from '@accord/shared/protocol';
import type { Room } from '../collab/room.js';
import type { Identity } from '../extension.js';
import { commandActor } from './command-actor.js';

/** A command the server refused because the document reached its size cap (limits.ts `documentBytes`). */
export interface DocumentTooLarge {
  code: 'document_too_large';
  message: string;
}

export type CommandAnswer = { ok: true; result: CommandOutcome } | { ok: false; error: CommandError | DocumentTooLarge };

/**
 * What a command may add to the document, at most about: its JSON twice (text in the body and in
 * its record) plus room for records and a decision's block snapshots. The cap is approximate by
 * this much.
 */
const commandGrowth = (command: unknown) => 2 * JSON.stringify(command).length + 16 * 1024;

/** Commands bigger than this are refused before any work (a proposal text is at most 10,000 characters). */
const MAX_COMMAND_BYTES = 64 * 1024;

/** A precise `invalid` for what is not even shaped like a command; the rules check the rest. */
function shapeError(command: unknown): CommandError | null {
  if (typeof command !== 'object' || command === null || Array.isArray(command)) return { code: 'invalid', message: 'a command is a JSON object' };
  const type = (command as { type?: unknown }).type;
  if (typeof type !== 'string') return { code: 'invalid', message: 'a command needs a "type"' };
  if (!isCommandType(type)) return { code: 'invalid', message: `unknown command type ${type.slice(0, 40)}` };
  if (JSON.stringify(command).length > MAX_COMMAND_BYTES) return { code: 'invalid', message: `a command is at most ${MAX_COMMAND_BYTES} bytes` };
  return null;
}

/** How many answers each room remembers for repeated commandIds (least recently used dropped first). */
export const REMEMBERED_ANSWERS = 10_000;

/** Answers by participant and commandId, per room; a pending answer is shared by a repeat that arrives meanwhile. */
const answers = new WeakMap<Room, Map<string, Promise<CommandAnswer>>>();

function remembered(room: Room): Map<string, Promise<CommandAnswer>> {
  let m = answers.get(room);
  if (!m) answers.set(room, (m = new Map()));
  return m;
}

/** The commandId of an envelope `{command, commandId}` (or, leniently, inside the command); null: none; undefined: malformed. */
export function commandIdOf(envelope: { command?: unknown; commandId?: unknown }): string | null | undefined {
  const raw = envelope.commandId ?? (typeof envelope.command === 'object' && envelope.command !== null ? (envelope.command as { commandId?: unknown }).commandId : undefined);
  if (raw === undefined || raw === null) return null;
  return isCommandId(raw) ? raw : undefined;
}

/**
 * Runs a command at most once per participant and `commandId`: a repeat (a client resending after
 * a lost reply, an outbox after a reconnect) gets the first answer and changes nothing. Answers are
 * remembered per room (LRU, REMEMBERED_ANSWERS); a proposal also records its commandId, so a
 * repeat after a server restart or a room unload still finds it (BR75).
 */
export async function executeCommandOnce(room: Room, identity: Identity, command: unknown, commandId: string | null): Promise<CommandAnswer> {
  if (!commandId) return executeCommand(room, identity, command);
  const memory = remembered(room);
  const key = `${identity.participantId}\u0000${commandId}`;
  const known = memory.get(key);
  if (known) {
    memory.delete(key);
    memory.set(key, known);
    return known;
  }
  const answer: Promise<CommandAnswer> = recordedAnswer(room, identity, commandId) ?? executeCommand(room, identity, command, Date.now(), commandId);
  memory.set(key, answer);
  if (memory.size > REMEMBERED_ANSWERS) memory.delete(memory.keys().next().value as string);
  // A command that failed inside the server (a bug, not a refusal) may be tried again, and so may
  // one refused for the document's size (it may have room again after the secretariat cuts text).
  const forget = () => memory.get(key) === answer && memory.delete(key);
  void answer.then((a) => !a.ok && a.error.code === 'document_too_large' && forget(), forget);
  return answer;
}

/** The answer to a repeat of a proposal the server created before it restarted (its record keeps the commandId). */
function recordedAnswer(room: Room, identity: Identity, commandId: string): Promise<CommandAnswer> | null {
  const recorded = recordedCommandOutcome(roomIndex(room.doc), identity.participantId, commandId);
  if (!recorded) return null;
  // Rare (a repeat after a restart): only then is the whole text looked at, for the offsets.
  const offsets = recorded.proposalId ? proposalOffsets(currentBracketState(room.doc).doc, recorded.proposalId) : undefined;
  return Promise.resolve({ ok: true, result: offsets ? { ...recorded, offsets } : recorded });
}

/**
 * Runs one command in the room as the caller (shared/src/brackets: the rules, permissions
 * included) and answers only once its change is durable. Node runs each command's read-check-
 * write in one synchronous step, so commands on a room are serialized: of two chairs accepting
 * the same bracket, the second finds it no longer open.
 */
export async function executeCommand(room: Room, identity: Identity, command: unknown, now = Date.now(), commandId?: string): Promise<CommandAnswer> {
  // Shape and role before any document is read: a refused command costs microseconds, not a pass
  // over the text (ENGINEERING.md §7).
  const bad = shapeError(command);
  if (bad) return { ok: false, error: bad };
  const actor = commandActor(identity);
  const type = (command as Command).type;
  if (!commandRoleAllowed(type, actor.role)) {
    return { ok: false, error: { code: 'not_permitted', message: actor.role === 'observer' ? 'observers only read' : `a ${actor.role} cannot ${type}` } };
  }
  if (room.wouldExceedCap(commandGrowth(command))) {
    return { ok: false, error: room.tooLarge() };
  }
  let outcome: ApplyResult | null = null;
  let failure: { error: unknown } | null = null;
  const durable = room.change((doc) => {
    // Caught here so that whatever the transaction wrote before a bug threw is still stored and
    // relayed with this change, not left for the next batch; then the caller answers `internal`.
    try {
      outcome = applyCommandToYDoc(doc, command as Command, actor, now, undefined, commandId ? { commandId } : {});
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) {
    await durable;
    throw (failure as { error: unknown }).error;
  }
  const result = outcome as ApplyResult | null;
  if (!result) return { ok: false, error: { code: 'invalid', message: 'the command could not be applied' } };
  if (!result.ok) return { ok: false, error: result.error };
  await durable;
  return { ok: true, result: result.result };
}
