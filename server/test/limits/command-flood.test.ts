import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MESSAGE_COMMAND, MESSAGE_COMMAND_RESULT, readCommandResult, type CommandResultMessage } from '@accord/shared/protocol';
import { connectClient, type TestClient } from '../helpers/client.js';
import { latencyBound, percentile, probeWhile } from '../helpers/latency-probe.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { once, waitFor } from '../helpers/wait.js';
import { CommandSocket, postCommand } from '../commands/helpers.js';

/** A text of `n` operative paragraphs (~100 characters each). */
function longText(n: number): string {
  const paras = ['Draft resolution', '', 'The General Assembly,', ''];
  for (let i = 1; i <= n; i++) paras.push(`${i}. Decides that the ad hoc committee shall hold session number ${i} in New York, open to all States;`, '');
  return paras.join('\n');
}

/** A raw socket that floods commands and records every answer and how it was closed. */
async function flooder(t: TestServer, sessionId: string, token: string) {
  const ws = new WebSocket(`${t.wsUrl}/${sessionId}?token=${token}`);
  ws.on('error', () => {});
  const answers: CommandResultMessage[] = [];
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) === MESSAGE_COMMAND_RESULT) answers.push(readCommandResult(d));
  });
  const closed = new Promise<number>((r) => ws.once('close', (code: number) => r(code)));
  await once(ws, 'open');
  return {
    answers,
    closed,
    send(n: number, command: (i: number) => unknown) {
      for (let i = 0; i < n && ws.readyState === WebSocket.OPEN; i++) {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MESSAGE_COMMAND);
        encoding.writeVarString(e, JSON.stringify({ reqId: `f${i}`, command: command(i) }));
        ws.send(encoding.toUint8Array(e));
      }
    },
  };
}

describe('command fair shares', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  /** Two clients of another session: the chair types, the observer-side reader measures. */
  async function victimRoom() {
    const v = await t.createSession('Victim');
    const reader = await t.addParticipant(v.id, 'delegation', 'Kenya');
    const a = connectClient(t.wsUrl, v.id, v.chairToken);
    const b = connectClient(t.wsUrl, v.id, reader);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    return { writer: a, reader: b };
  }

  it("an observer's 1,000 refused commands on a long text: another session's typing and /api/health stay fast", async () => {
    const flood = await t.createSession('Long text', longText(2_000));
    const observer = await t.addParticipant(flood.id, 'observer', 'Press');
    const { writer, reader } = await victimRoom();
    const f = await flooder(t, flood.id, observer);
    await waitFor(async () => (await postCommand(t, flood.id, flood.chairToken, { type: 'reject', proposalId: 'none' })).status === 404, 'room loaded');

    const bound = await latencyBound(writer, reader, t.url);
    const probe = await probeWhile(writer, reader, `${t.url}/api/health`, 1_500, async () => {
      await new Promise((r) => setTimeout(r, 200));
      f.send(1_000, (i) => ({ type: 'accept', proposalId: `p${i}` }));
    });
    const relayP99 = percentile(probe.relay, 99);
    const healthMax = percentile(probe.health, 100);
    console.log(`observer flood: victim relay p50 ${percentile(probe.relay, 50).toFixed(1)} ms, p99 ${relayP99.toFixed(1)} ms; /api/health p50 ${percentile(probe.health, 50).toFixed(1)} ms, max ${healthMax.toFixed(1)} ms`);

    expect(await f.closed).toBe(1008);
    const codes = new Set(f.answers.map((a) => a.error?.code));
    expect([...codes].sort()).toEqual(['not_permitted', 'rate_limited']);
    expect(f.answers.length).toBeLessThan(200);
    expect(relayP99).toBeLessThan(bound);
    expect(healthMax).toBeLessThan(bound);
  });

  it("a delegation's flood is answered rate_limited, then closed 1008 (REST: 429), while others are served", async () => {
    const s = await t.createSession('Small', '1. Decides to establish an ad hoc committee;\n');
    const flooding = await t.addParticipant(s.id, 'delegation', 'Ruritania');
    const other = await t.addParticipant(s.id, 'delegation', 'Kenya');
    const { writer, reader } = await victimRoom();
    const f = await flooder(t, s.id, flooding);
    const kenya = await CommandSocket.open(t, s.id, other);

    let kenyaAnswer: CommandResultMessage | null = null;
    const bound = await latencyBound(writer, reader, t.url);
    const probe = await probeWhile(writer, reader, `${t.url}/api/health`, 1_000, async () => {
      f.send(1_000, (i) => ({ type: 'support', proposalId: `nope${i}` }));
      await waitFor(() => f.answers.some((a) => a.error?.code === 'rate_limited'), 'rate_limited');
      kenyaAnswer = await kenya.send({ type: 'support', proposalId: 'nope' });
    });
    console.log(`delegation flood: victim relay p99 ${percentile(probe.relay, 99).toFixed(1)} ms; /api/health max ${percentile(probe.health, 100).toFixed(1)} ms`);

    expect(await f.closed).toBe(1008);
    const codes = f.answers.map((a) => a.error?.code);
    // The burst and the queue run (and are refused by the rules: no such proposal), the rest is rate_limited.
    expect(codes.filter((c) => c === 'not_found').length).toBeGreaterThanOrEqual(40);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThan(0);
    expect(codes.length).toBeLessThan(300);
    // Someone else in the same room is served normally.
    expect(kenyaAnswer!.error?.code).toBe('not_found');
    expect(percentile(probe.relay, 99)).toBeLessThan(bound);
    expect(percentile(probe.health, 100)).toBeLessThan(bound);
    // The token's share over REST: beyond burst and queue (60), 429 rate_limited.
    const rest = await Promise.all(Array.from({ length: 80 }, () => postCommand(t, s.id, flooding, { type: 'support', proposalId: 'nope' })));
    const refused = rest.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(refused[0].body.error?.code).toBe('rate_limited');
    kenya.close();
  });
});
