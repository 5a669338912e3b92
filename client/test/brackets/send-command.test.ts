import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '@accord/shared/brackets/index';
import { MESSAGE_COMMAND, readCommand, writeCommandResult, type CommandResultMessage } from '@accord/shared/protocol';
import type { WebsocketProvider } from 'y-websocket';
import { CommandChannel } from '../../src/collab/command-channel';
import { sendCommand } from '../../src/brackets/send-command';

const support: Command = { type: 'support', proposalId: 'p1' };

/** A provider whose socket records what the client sends. */
function fakeProvider(connected = true) {
  const sent: Uint8Array[] = [];
  const provider = { wsconnected: connected, ws: { send: (b: Uint8Array) => sent.push(b) }, on: () => undefined } as unknown as WebsocketProvider;
  return { provider, sent };
}

/** The COMMAND 110 the client sent: type first, then the JSON body. */
function decodeSent(b: Uint8Array) {
  const d = decoding.createDecoder(b);
  expect(decoding.readVarUint(d)).toBe(MESSAGE_COMMAND);
  return readCommand(d);
}

/** Feeds a COMMAND_RESULT 111 to the channel as the provider's message handler would (type already read). */
function answer(channel: CommandChannel, m: CommandResultMessage) {
  const d = decoding.createDecoder(writeCommandResult(m));
  decoding.readVarUint(d);
  channel.receive(d);
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('command channel over WS 110/111', () => {
  it('matches answers to requests by reqId, whatever their order', async () => {
    const { provider, sent } = fakeProvider();
    const channel = new CommandChannel(provider, 's1', 't');
    const first = channel.send(support);
    const second = channel.send({ type: 'withdraw', proposalId: 'p2' });
    const [a, b] = sent.map(decodeSent);
    expect(a.command).toEqual(support);
    expect(a.reqId).not.toBe(b.reqId);
    answer(channel, { reqId: b.reqId, ok: false, error: { code: 'not_permitted', message: 'only a sponsor may withdraw a proposal' } });
    answer(channel, { reqId: a.reqId, ok: true, result: { proposalId: 'p1' } });
    expect(await first).toEqual({ ok: true, result: { proposalId: 'p1' } });
    expect(await second).toEqual({ ok: false, error: { code: 'not_permitted', message: 'only a sponsor may withdraw a proposal' } });
  });

  it('gives up after a while with a timeout error, and ignores the late answer', async () => {
    vi.useFakeTimers();
    const { provider, sent } = fakeProvider();
    const channel = new CommandChannel(provider, 's1', 't');
    const pending = channel.send(support);
    vi.advanceTimersByTime(60_000);
    const r = await pending;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('timeout');
    expect(() => answer(channel, { reqId: decodeSent(sent[0]).reqId, ok: true, result: {} })).not.toThrow();
  });

  it('falls back to POST /commands while the socket is down, keeping the server’s error', async () => {
    const fetch = vi.fn().mockResolvedValue(
      new Response(JSON.stringify({ ok: false, error: { code: 'paragraph_locked', message: 'OP4 is agreed' } }), { status: 423 }),
    );
    vi.stubGlobal('fetch', fetch);
    const channel = new CommandChannel(fakeProvider(false).provider, 'abc', 'tok');
    expect(await channel.send(support)).toEqual({ ok: false, error: { code: 'paragraph_locked', message: 'OP4 is agreed' } });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/sessions/abc/commands');
    expect(init.headers).toMatchObject({ authorization: 'Bearer tok' });
    expect(JSON.parse(init.body as string)).toEqual({ command: support });
  });

  it('says the server cannot be reached when the request fails', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const r = await new CommandChannel(fakeProvider(false).provider, 'abc', 'tok').send(support);
    expect(!r.ok && r.error.code).toBe('offline');
  });
});

describe('sendCommand', () => {
  it('passes results and precise messages through, and words a bare error code', async () => {
    const ok = await sendCommand({ command: () => Promise.resolve({ ok: true, result: { decisionId: 'd1' } }) }, support);
    expect(ok).toEqual({ ok: true, result: { decisionId: 'd1' } });
    const precise = await sendCommand({ command: () => Promise.resolve({ ok: false, error: { code: 'anchor_gone', message: 'the text 尽快 is gone' } }) }, support);
    expect(precise).toEqual({ ok: false, error: { code: 'anchor_gone', message: 'the text 尽快 is gone' } });
    const bare = await sendCommand({ command: () => Promise.resolve({ ok: false, error: { code: 'invalid', message: '' } }) }, support);
    expect(!bare.ok && bare.error.message).toBe('The server could not read this request.');
  });

  it('never rejects, even when sending throws', async () => {
    const r = await sendCommand({ command: () => Promise.reject(new Error('socket closed')) }, support);
    expect(r).toEqual({ ok: false, error: { code: 'error', message: 'The command could not be sent: socket closed' } });
  });
});
