import type { Command, CommandOutcome, ErrorCode } from '@accord/shared/brackets/index';
import type { CommandAnswer } from '../collab/command-channel';
import { refusalText } from '../i18n/refusal';

/** Why a command did not go through: the server's codes (docs/protocol.md) or the transport's. */
export interface CommandFailure {
  code: ErrorCode | 'timeout' | 'offline' | 'disconnected' | 'rate_limited' | 'error';
  message: string;
}

export type CommandOutcomeOrFailure = { ok: true; result: CommandOutcome } | { ok: false; error: CommandFailure };


/** Anything that can carry a command: the live session (WS 110/111, REST when the socket is down). */
export interface CommandCarrier {
  command(command: Command, commandId?: string): Promise<CommandAnswer>;
}

/**
 * Sends one bracket command and resolves once the server has stored it (so the text already shows
 * the change) or refused it; never rejects. The failure keeps the server's precise message.
 */
export async function sendCommand(collab: CommandCarrier, command: Command, commandId?: string): Promise<CommandOutcomeOrFailure> {
  let answer: CommandAnswer;
  try {
    answer = await collab.command(command, commandId);
  } catch (e) {
    return { ok: false, error: { code: 'error', message: `The command could not be sent: ${e instanceof Error ? e.message : String(e)}` } };
  }
  if (answer.ok) return answer;
  const code = answer.error.code as CommandFailure['code'];
  // A code without words (a malformed message): the sentence for the code, in the interface language.
  return { ok: false, error: { code, message: answer.error.message || refusalText({ code }) } };
}
