import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait.js';
import { DRAFT } from '../revisions/helpers.js';
import { anchorOn, blocksByLabel, CommandSocket, postCommand, type Block } from './helpers.js';

/**
 * Every role × command, with real tokens on a real server, over REST and over the WebSocket.
 * Each case starts from proposals made for it so that one refusal never hides behind another.
 */
let t: TestServer;
let session: string;
const token: Record<string, string> = {};
let op: Map<string, Block>;

beforeAll(async () => {
  t = await startTestServer();
  const s = await t.createSession('Permissions', DRAFT);
  session = s.id;
  token.chair = s.chairToken;
  token.admin = t.adminKey;
  token.secretariat = await t.addParticipant(session, 'secretariat', 'Secretariat');
  token.eu = await t.addParticipant(session, 'delegation', 'EU');
  token.us = await t.addParticipant(session, 'delegation', 'United States');
  token.observer = await t.addParticipant(session, 'observer', 'UNODC');
  op = await blocksByLabel(t, session, token.chair);
});

afterAll(async () => {
  await t?.stop();
});

/** A fresh open insertion by the EU in OP 2, for a case to act on. */
async function euProposal(text = ' and ratify'): Promise<string> {
  const at = op.get('2')!.text.indexOf(' the Convention');
  const r = await postCommand(t, session, token.eu, {
    type: 'propose',
    kind: 'insert',
    anchor: { paragraphId: op.get('2')!.id, from: at, to: at, text: '' },
    text,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.result!.proposalId!;
}

const transports = {
  rest: async (who: string, command: unknown) => {
    const r = await postCommand(t, session, token[who], command);
    return { ok: r.body.ok, code: r.body.error?.code ?? null, status: r.status };
  },
  ws: async (who: string, command: unknown) => {
    const socket = await CommandSocket.open(t, session, token[who]);
    try {
      const r = await socket.send(command);
      return { ok: r.ok, code: r.error?.code ?? null, status: null };
    } finally {
      socket.close();
    }
  },
};

describe.each(Object.entries(transports))('permissions over %s', (transport, run) => {
  const refused = (code: string, status: number) => (r: { ok: boolean; code: string | null; status: number | null }) => {
    expect(r.ok).toBe(false);
    expect(r.code).toBe(code);
    if (transport === 'rest') expect(r.status).toBe(status);
  };
  const notPermitted = refused('not_permitted', 403);

  it('delegations, the secretariat and the chair propose; observers cannot', async () => {
    const anchor = anchorOn(op.get('3')!, 'ratify');
    for (const who of ['eu', 'secretariat', 'chair', 'admin']) {
      const r = await run(who, { type: 'propose', kind: 'reserve', anchor });
      expect(r, who).toMatchObject({ ok: true });
    }
    notPermitted(await run('observer', { type: 'propose', kind: 'reserve', anchor }));
  });

  it('only delegations support, oppose and co-sponsor; observers cannot even comment', async () => {
    const id = await euProposal();
    for (const type of ['support', 'oppose', 'cosponsor']) {
      expect(await run('us', { type, proposalId: id }), type).toMatchObject({ ok: true });
      for (const who of ['chair', 'secretariat', 'observer']) notPermitted(await run(who, { type, proposalId: id }));
    }
    expect(await run('secretariat', { type: 'comment', proposalId: id, text: 'Editorial: see OP 4.' })).toMatchObject({ ok: true });
    notPermitted(await run('observer', { type: 'comment', proposalId: id, text: 'May I?' }));
  });

  it('a delegation cannot edit or withdraw another delegation’s proposal; its sponsor can', async () => {
    const id = await euProposal(' promptly');
    notPermitted(await run('us', { type: 'editProposal', proposalId: id, text: ' never' }));
    notPermitted(await run('us', { type: 'withdraw', proposalId: id }));
    expect(await run('eu', { type: 'editProposal', proposalId: id, text: ' swiftly' })).toMatchObject({ ok: true });
    expect(await run('eu', { type: 'withdraw', proposalId: id })).toMatchObject({ ok: true });
    refused('proposal_not_open', 409)(await run('eu', { type: 'withdraw', proposalId: id }));
  });

  it('the secretariat and the chair edit and withdraw their own proposals, not others’ (BR1)', async () => {
    const at = op.get('1')!.text.indexOf(' annexed');
    const anchor = { paragraphId: op.get('1')!.id, from: at, to: at, text: '' };
    for (const who of ['secretariat', 'chair']) {
      const made = await run(who, { type: 'propose', kind: 'insert', anchor, text: ` (${who})` });
      expect(made).toMatchObject({ ok: true });
      const state = await t.api<{ proposals: { id: string; text: string | null; status: string }[] }>('GET', `/api/sessions/${session}/proposals`, token.eu);
      const id = state.body.proposals.find((p) => p.status === 'open' && p.text === ` (${who})`)!.id;
      notPermitted(await run('eu', { type: 'withdraw', proposalId: id }));
      notPermitted(await run(who === 'chair' ? 'secretariat' : 'chair', { type: 'editProposal', proposalId: id, text: ' (edited)' }));
      expect(await run(who, { type: 'editProposal', proposalId: id, text: ` (${who}, edited)` })).toMatchObject({ ok: true });
      expect(await run(who, { type: 'withdraw', proposalId: id })).toMatchObject({ ok: true });
    }
  });

  it('only the chair accepts, rejects, undoes and sets paragraph status', async () => {
    const id = await euProposal(' without delay');
    for (const who of ['eu', 'us', 'secretariat', 'observer']) {
      notPermitted(await run(who, { type: 'accept', proposalId: id }));
      notPermitted(await run(who, { type: 'reject', proposalId: id }));
      notPermitted(await run(who, { type: 'setParagraphStatus', paragraphId: op.get('5')!.id, status: 'agreed' }));
    }
    const accepted = await postCommand(t, session, token.chair, { type: 'accept', proposalId: id });
    expect(accepted.body.ok).toBe(true);
    for (const who of ['eu', 'secretariat', 'observer']) notPermitted(await run(who, { type: 'undoDecision', decisionId: accepted.body.result!.decisionId }));
    expect(await run('chair', { type: 'undoDecision', decisionId: accepted.body.result!.decisionId })).toMatchObject({ ok: true });
    expect(await run('admin', { type: 'reject', proposalId: id })).toMatchObject({ ok: true });
  });

  it('nobody proposes in a locked paragraph, the chair included, until it is reopened', async () => {
    const op6 = op.get('6')!;
    expect(await run('chair', { type: 'setParagraphStatus', paragraphId: op6.id, status: 'agreed' })).toMatchObject({ ok: true });
    const anchor = anchorOn(op6, 'report');
    for (const who of ['eu', 'secretariat', 'chair']) refused('paragraph_locked', 423)(await run(who, { type: 'propose', kind: 'reserve', anchor }));
    expect(await run('chair', { type: 'setParagraphStatus', paragraphId: op6.id, status: 'open' })).toMatchObject({ ok: true });
    const reserved = await postCommand(t, session, token.eu, { type: 'propose', kind: 'reserve', anchor });
    expect(reserved.body.ok).toBe(true);
    // Leaves OP 6 without open brackets, so that it can be agreed again by the other transport's run.
    expect((await postCommand(t, session, token.eu, { type: 'withdraw', proposalId: reserved.body.result!.proposalId })).body.ok).toBe(true);
  });

  it('a paragraph agreed ad ref keeps its brackets open but refuses edits, withdrawals and decisions on them; positions still count', async () => {
    const pp2 = op.get('PP2')!;
    const reserved = await postCommand(t, session, token.eu, { type: 'propose', kind: 'reserve', anchor: anchorOn(pp2, 'appreciation') });
    expect(reserved.body.ok).toBe(true);
    const id = reserved.body.result!.proposalId!;
    expect(await run('chair', { type: 'setParagraphStatus', paragraphId: pp2.id, status: 'adref' })).toMatchObject({ ok: true });
    const locked = refused('paragraph_locked', 423);
    locked(await run('eu', { type: 'editProposal', proposalId: id, explanation: 'Editorial' }));
    locked(await run('eu', { type: 'withdraw', proposalId: id }));
    locked(await run('chair', { type: 'accept', proposalId: id }));
    locked(await run('admin', { type: 'reject', proposalId: id }));
    expect(await run('us', { type: 'support', proposalId: id })).toMatchObject({ ok: true });
    expect(await run('chair', { type: 'setParagraphStatus', paragraphId: pp2.id, status: 'open' })).toMatchObject({ ok: true });
    expect(await run('chair', { type: 'reject', proposalId: id })).toMatchObject({ ok: true });
  });

  it('precise errors: unknown proposal, vanished anchor, malformed command', async () => {
    refused('not_found', 404)(await run('chair', { type: 'accept', proposalId: 'nope' }));
    refused('anchor_gone', 409)(await run('eu', { type: 'propose', kind: 'delete', anchor: { ...anchorOn(op.get('1')!, 'Adopts'), text: 'Adapts' } }));
    refused('invalid', 400)(await run('eu', { type: 'teleport' }));
    refused('invalid', 400)(await run('eu', 'accept everything'));
  });
});

describe('the command channel', () => {
  it('answers malformed messages with invalid and keeps the connection open', async () => {
    const socket = await CommandSocket.open(t, session, token.eu);
    try {
      expect(await socket.sendRaw('{"reqId": "bad", "command": ', '')).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expect(await socket.sendRaw('{"reqId": "none"}', 'none')).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expect(socket.open).toBe(true);
      const at = op.get('4')!.text.length - 1;
      const r = await socket.send({ type: 'propose', kind: 'insert', anchor: { paragraphId: op.get('4')!.id, from: at, to: at, text: '' }, text: ' by 2027' });
      expect(r).toMatchObject({ ok: true, result: { proposalId: expect.any(String) } });
    } finally {
      socket.close();
    }
  });

  it('relays a command’s change to every connected client, readers included', async () => {
    const observer = connectClient(t.wsUrl, session, token.observer);
    try {
      await observer.synced();
      const id = await euProposal(' as relayed');
      await waitFor(() => observer.doc.getMap('proposals').has(id), 'the proposal in the observer’s copy');
      expect(observer.doc.getXmlFragment('body').toString()).toContain(' as relayed');
    } finally {
      observer.destroy();
    }
  });

  it('answers a REST body without a command in the same refusal shape', async () => {
    const r = await t.api<{ ok: boolean; error: { code: string } }>('POST', `/api/sessions/${session}/commands`, token.eu, { type: 'accept' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('of two chairs accepting the same bracket at once, one wins and the other is told it is decided', async () => {
    const id = await euProposal(' in good faith');
    const [a, b] = await Promise.all([
      postCommand(t, session, token.chair, { type: 'accept', proposalId: id }),
      postCommand(t, session, token.admin, { type: 'accept', proposalId: id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error!.code).toBe('proposal_not_open');
    const log = await t.api<{ action: string; proposalId: string }[]>('GET', `/api/sessions/${session}/decisions`, token.eu);
    expect(log.body.filter((d) => d.proposalId === id && d.action === 'accept')).toHaveLength(1);
  });

  it('of two chairs deciding the same bracket over the WebSocket at once, one wins', async () => {
    const id = await euProposal(' at once');
    const [chair, admin] = await Promise.all([CommandSocket.open(t, session, token.chair), CommandSocket.open(t, session, token.admin)]);
    try {
      const answers = await Promise.all([chair.send({ type: 'reject', proposalId: id }), admin.send({ type: 'accept', proposalId: id })]);
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.find((a) => !a.ok)!.error).toMatchObject({ code: 'proposal_not_open' });
      const state = await t.api<{ proposals: { id: string; status: string }[] }>('GET', `/api/sessions/${session}/proposals`, token.eu);
      const winner = answers[0].ok ? 'rejected' : 'accepted';
      expect(state.body.proposals.find((p) => p.id === id)!.status).toBe(winner);
    } finally {
      chair.close();
      admin.close();
    }
  });

  it('GET /proposals lists proposals with paragraph states, labels and bracket counts; outsiders get 401', async () => {
    const r = await t.api<{ proposals: { id: string; status: string }[]; counts: { total: number; byParagraph: Record<string, number> }; labels: Record<string, string> }>(
      'GET',
      `/api/sessions/${session}/proposals`,
      token.observer,
    );
    expect(r.status).toBe(200);
    const open = r.body.proposals.filter((p) => p.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(r.body.counts.total).toBe(open.length);
    expect(r.body.labels[op.get('3')!.id]).toBe('OP3');
    expect((await t.api('GET', `/api/sessions/${session}/proposals`, 'not-a-token')).status).toBe(401);
  });
});
