import { canonicalMarks } from './canonical.js';
import type { Ctx } from './context.js';
import { decide, setParagraphStatus } from './decide.js';
import { roomCommand } from './floor.js';
import { silenceCommand } from './silence.js';
import { comment, editProposal, position, withdraw } from './positions.js';
import { propose } from './propose.js';
import { fail, type Actor, type ApplyResult, type BracketState, type CheckResult, type Command, type CommandOutcome } from './types.js';
import { undoDecision } from './undo.js';

/**
 * Applies one command to the state as `actor`: the new doc and the changed records, or a precise
 * error. Pure: the same inputs give the same result; nothing is mutated. `ids` supplies new ids
 * (proposals, paragraphs, decisions) in the order it is called.
 */
export function applyCommand(state: BracketState, command: Command, actor: Actor, now: number, ids: () => string, commandId?: string): ApplyResult {
  if (typeof command !== 'object' || command === null) return fail('invalid', 'a command is an object');
  try {
    const doc = canonicalMarks(state.doc);
    const ctx = { state: doc === state.doc ? state : { ...state, doc }, actor, now, ids, ...(commandId ? { commandId } : {}) };
    const r = dispatch(ctx, command);
    return r.ok ? { ...r, doc: canonicalMarks(r.doc) } : r;
  } catch (e) {
    return fail('invalid', `malformed command: ${(e as Error).message}`);
  }
}

function dispatch(ctx: Ctx, command: Command): ApplyResult {
  switch (command.type) {
    case 'propose':
      return propose(ctx, command);
    case 'editProposal':
      return editProposal(ctx, command);
    case 'withdraw':
      return withdraw(ctx, command);
    case 'support':
    case 'oppose':
    case 'cosponsor':
      return position(ctx, command);
    case 'comment':
      return comment(ctx, command);
    case 'accept':
    case 'reject':
      return decide(ctx, command);
    case 'undoDecision':
      return undoDecision(ctx, command);
    case 'setParagraphStatus':
      return setParagraphStatus(ctx, command);
    case 'floor.request':
    case 'floor.withdraw':
    case 'floor.give':
    case 'floor.end':
    case 'floor.order':
    case 'floor.remove':
    case 'screen.hold':
    case 'screen.release':
    case 'screen.follow':
    case 'settings.carets':
      return roomCommand(ctx, command);
    case 'silence.start':
    case 'silence.break':
    case 'silence.lift':
    case 'silence.expire':
      return silenceCommand(ctx, command);
    default:
      return fail('invalid', `unknown command type ${String((command as { type?: unknown }).type)}`);
  }
}

/**
 * A proposal this participant already created with this `commandId` (recorded on the record, so
 * it is found after a server restart too): the answer to give a repeat instead of applying again.
 */
export function recordedCommandOutcome(state: Pick<BracketState, 'proposals'>, participantId: string, commandId: string): CommandOutcome | null {
  for (const p of Object.values(state.proposals)) {
    if (p.commandId !== commandId || p.sponsors.length === 0) continue;
    const first = p.sponsors[0];
    if ((first.viaId ?? first.id) === participantId) return { proposalId: p.id };
  }
  return null;
}

/**
 * The query twin of applyCommand: would this command succeed now? Never throws. `now` matters only
 * to rules with a clock (a silence's deadline, BR90–BR94).
 */
export function checkCommand(state: BracketState, command: Command, actor: Actor, now = 0): CheckResult {
  let n = 0;
  const r = applyCommand(state, command, actor, now, () => `check${n++}`);
  return r.ok ? { ok: true } : r;
}

/** `canPropose`, `canAccept`…: booleans for enabling buttons. */
export function canApply(state: BracketState, command: Command, actor: Actor, now = 0): boolean {
  return checkCommand(state, command, actor, now).ok;
}
