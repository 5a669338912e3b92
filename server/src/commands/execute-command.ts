import { applyCommandToYDoc, commandRoleAllowed, isCommandType, type ApplyResult, type Command, type CommandError, type CommandOutcome } from '@accord/shared/brackets/index';
import type { Room } from '../collab/room.js';
import type { Identity } from '../extension.js';
import { commandActor } from './command-actor.js';

export type CommandAnswer = { ok: true; result: CommandOutcome } | { ok: false; error: CommandError };

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

/**
 * Runs one command in the room as the caller (shared/src/brackets: the rules, permissions
 * included) and answers only once its change is durable. Node runs each command's read-check-
 * write in one synchronous step, so commands on a room are serialized: of two chairs accepting
 * the same bracket, the second finds it no longer open.
 */
export async function executeCommand(room: Room, identity: Identity, command: unknown, now = Date.now()): Promise<CommandAnswer> {
  // Shape and role before any document is read: a refused command costs microseconds, not a pass
  // over the text (ENGINEERING.md §7).
  const bad = shapeError(command);
  if (bad) return { ok: false, error: bad };
  const actor = commandActor(identity);
  const type = (command as Command).type;
  if (!commandRoleAllowed(type, actor.role)) {
    return { ok: false, error: { code: 'not_permitted', message: actor.role === 'observer' ? 'observers only read' : `a ${actor.role} cannot ${type}` } };
  }
  let outcome: ApplyResult | null = null;
  let failure: { error: unknown } | null = null;
  const durable = room.change((doc) => {
    // Caught here so that whatever the transaction wrote before a bug threw is still stored and
    // relayed with this change, not left for the next batch; then the caller answers `internal`.
    try {
      outcome = applyCommandToYDoc(doc, command as Command, actor, now);
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
