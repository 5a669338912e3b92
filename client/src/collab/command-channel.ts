import * as decoding from 'lib0/decoding';
import type { Command, CommandError, CommandOutcome } from '@accord/shared/brackets/index';
import { readCommandResult, writeCommand, type CommandResultMessage } from '@accord/shared/protocol';
import type { WebsocketProvider } from 'y-websocket';

export type CommandAnswer = { ok: true; result: CommandOutcome } | { ok: false; error: CommandError | { code: string; message: string } };

const TIMEOUT_MS = 15_000;

/**
 * Sends bracket commands (docs/protocol.md "Commands"): over the open WebSocket as COMMAND 110,
 * whose answer comes after the resulting Yjs update, so the text already shows the change when
 * the promise resolves; over REST when the socket is down. A `commandId` travels with the command
 * so that sending it again after a lost answer gets the first answer, not a second proposal.
 */
export class CommandChannel {
  private waiting = new Map<string, (m: CommandResultMessage) => void>();
  private next = 1;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly sessionId: string,
    private readonly token: string,
  ) {
    // A command on a socket that closes is never answered on it: say so now rather than after the timeout.
    provider.on('status', ({ status }) => {
      if (status === 'connected') return;
      for (const [reqId, settle] of [...this.waiting]) {
        settle({ reqId, ok: false, error: { code: 'disconnected', message: 'The connection dropped before the server answered.' } });
      }
      this.waiting.clear();
    });
  }

  /** Handler for COMMAND_RESULT 111 (registered in provider.messageHandlers). */
  receive = (decoder: decoding.Decoder): void => {
    const m = readCommandResult(decoder);
    this.waiting.get(m.reqId)?.(m);
    this.waiting.delete(m.reqId);
  };

  send(command: Command, commandId?: string): Promise<CommandAnswer> {
    const ws = this.provider.ws;
    if (!this.provider.wsconnected || !ws) return this.sendRest(command, commandId);
    const reqId = `c${this.next++}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reqId);
        resolve({ ok: false, error: { code: 'timeout', message: 'The server did not answer in time; check the text before trying again.' } });
      }, TIMEOUT_MS);
      this.waiting.set(reqId, (m) => {
        clearTimeout(timer);
        resolve(m.ok ? { ok: true, result: (m.result ?? {}) as CommandOutcome } : { ok: false, error: m.error ?? { code: 'error', message: 'refused' } });
      });
      ws.send(writeCommand(commandId ? { reqId, command, commandId } : { reqId, command }) as Uint8Array<ArrayBuffer>);
    });
  }

  private async sendRest(command: Command, commandId?: string): Promise<CommandAnswer> {
    try {
      const res = await fetch(`/api/sessions/${encodeURIComponent(this.sessionId)}/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(commandId ? { command, commandId } : { command }),
      });
      const body = (await res.json()) as CommandAnswer | { error?: { code: string; message: string } };
      if ('ok' in body) return body;
      return { ok: false, error: body.error ?? { code: 'error', message: `The server answered ${res.status}.` } };
    } catch {
      return { ok: false, error: { code: 'offline', message: 'Cannot reach the Accord server: the proposal was not sent.' } };
    }
  }
}
