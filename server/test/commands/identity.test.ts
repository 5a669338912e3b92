import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';
import { DRAFT } from '../revisions/helpers.js';
import { anchorOn, blocksByLabel, CommandSocket, postCommand, type Block } from './helpers.js';

/**
 * Issue 8, "records forgeable": identity is the participant id, names are unique, observers never
 * touch a record, `onBehalfOf` only names a group the chair assigned, and a repeated commandId
 * never makes a second proposal. Real server on port 0, real SQLite, REST and WebSocket.
 */
let t: TestServer;
let session: string;
let chair: string;
const token: Record<string, string> = {};
const pid: Record<string, string> = {};
let op: Map<string, Block>;

interface ProposalView {
  id: string;
  kind: string;
  status: string;
  commandId?: string;
  sponsors: { id?: string; name: string; via?: string; viaId?: string }[];
  supporters: { id?: string; name: string; via?: string }[];
  opposers: { id?: string; name: string; via?: string }[];
  comments: unknown[];
}

async function proposals(): Promise<ProposalView[]> {
  return (await t.api<{ proposals: ProposalView[] }>('GET', `/api/sessions/${session}/proposals`, chair)).body.proposals;
}
const proposal = async (id: string) => (await proposals()).find((p) => p.id === id)!;

async function add(role: string, delegation: string): Promise<{ status: number; token?: string; id?: string }> {
  const r = await t.api<{ token: string; participant: { id: string } }>('POST', `/api/sessions/${session}/participants`, chair, { role, delegation });
  return { status: r.status, token: r.body.token, id: r.body.participant?.id };
}

/** Kenya's fresh insertion in OP 2 (REST). */
async function kenyaProposes(text: string): Promise<string> {
  const at = op.get('2')!.text.indexOf(' the Convention');
  const r = await postCommand(t, session, token.kenya, { type: 'propose', kind: 'insert', anchor: { paragraphId: op.get('2')!.id, from: at, to: at, text: '' }, text });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.result!.proposalId!;
}

beforeAll(async () => {
  t = await startTestServer();
  const s = await t.createSession('Identity', DRAFT);
  session = s.id;
  chair = s.chairToken;
  for (const [key, role, name] of [
    ['kenya', 'delegation', 'Kenya'],
    ['sudan', 'delegation', 'Sudan'],
    ['egypt', 'delegation', 'Egypt'],
    ['observer', 'observer', 'UNODC'],
  ] as const) {
    const r = await add(role, name);
    expect(r.status).toBe(201);
    token[key] = r.token!;
    pid[key] = r.id!;
  }
  op = await blocksByLabel(t, session, chair);
});

afterAll(async () => {
  await t?.stop();
});

describe('participants have ids and unique names', () => {
  it('each participant gets a stable id, shown to the chair and to itself; the session chair is `chair`', async () => {
    const list = (await t.api<{ id: string; delegation: string }[]>('GET', `/api/sessions/${session}/participants`, chair)).body;
    expect(list.map((p) => [p.delegation, p.id])).toEqual([
      ['Chair', 'chair'],
      ['Kenya', pid.kenya],
      ['Sudan', pid.sudan],
      ['Egypt', pid.egypt],
      ['UNODC', pid.observer],
    ]);
    expect(new Set(Object.values(pid)).size).toBe(4);
    expect((await t.api<{ me: { id: string } }>('GET', `/api/sessions/${session}`, token.kenya)).body.me.id).toBe(pid.kenya);
    expect((await t.api<{ me: { id: string } }>('GET', `/api/sessions/${session}`, t.adminKey)).body.me.id).toBe('chair');
  });

  it('a name already used in the session (any role, any case, spaces trimmed) → 409, and nothing is added', async () => {
    for (const [role, name] of [
      ['delegation', 'Kenya'],
      ['observer', ' kenya '],
      ['secretariat', 'UNODC'],
      ['delegation', 'CHAIR'],
      ['delegation', 'Secretariat'],
    ]) {
      const r = await t.api<{ error: { code: string } }>('POST', `/api/sessions/${session}/participants`, chair, { role, delegation: name });
      expect([name, r.status, r.body.error?.code]).toEqual([name, 409, 'name-taken']);
    }
    expect((await t.api<unknown[]>('GET', `/api/sessions/${session}/participants`, chair)).body).toHaveLength(5);
  });
});

describe('revoking by participant id', () => {
  it('the chair revokes a participant by its id: its token stops working', async () => {
    const brazil = await add('delegation', 'Brazil');
    expect((await t.api('GET', `/api/sessions/${session}`, brazil.token)).status).toBe(200);
    expect((await t.api('DELETE', `/api/sessions/${session}/participants/${brazil.id}`, chair)).status).toBe(200);
    expect((await t.api('GET', `/api/sessions/${session}`, brazil.token)).status).toBe(401);
  });
});

describe('observers never edit, withdraw or comment', () => {
  it('edit, withdraw and comment by an observer → 403 over REST and WS; the proposal is unchanged', async () => {
    const id = await kenyaProposes(' and ratify');
    const before = await proposal(id);
    for (const command of [
      { type: 'editProposal', proposalId: id, text: ' and denounce' },
      { type: 'editProposal', proposalId: id, explanation: 'mine' },
      { type: 'withdraw', proposalId: id },
      { type: 'comment', proposalId: id, text: 'hello' },
    ]) {
      const r = await postCommand(t, session, token.observer, command);
      expect([command.type, r.status, r.body.error?.code]).toEqual([command.type, 403, 'not_permitted']);
      const socket = await CommandSocket.open(t, session, token.observer);
      try {
        expect(await socket.send(command)).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
      } finally {
        socket.close();
      }
    }
    expect(await proposal(id)).toEqual(before);
  });
});

describe('onBehalfOf names only a group the chair assigned', () => {
  let g77: string;

  it('groups are managed by the chair only; members must be delegations of the session', async () => {
    expect((await t.api('POST', `/api/sessions/${session}/groups`, token.sudan, { name: 'G77 and China', members: [pid.sudan] })).status).toBe(403);
    expect((await t.api('POST', `/api/sessions/${session}/groups`, chair, { name: 'G77 and China', members: [pid.observer] })).status).toBe(400);
    expect((await t.api('POST', `/api/sessions/${session}/groups`, chair, { name: 'Kenya', members: [] })).status).toBe(409);
    const r = await t.api<{ id: string; name: string; members: string[]; memberNames: string[] }>('POST', `/api/sessions/${session}/groups`, chair, {
      name: 'G77 and China',
      members: [pid.sudan],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'G77 and China', members: [pid.sudan], memberNames: ['Sudan'] });
    g77 = r.body.id;
    expect((await t.api('POST', `/api/sessions/${session}/groups`, chair, { name: 'g77 AND china' })).status).toBe(409);
    const african = await t.api('POST', `/api/sessions/${session}/groups`, t.adminKey, { name: 'African Group', members: [pid.kenya] });
    expect(african.status).toBe(201);
    // A participant may not take a group's name either.
    expect((await add('delegation', 'African group')).status).toBe(409);
    const listed = await t.api<{ name: string }[]>('GET', `/api/sessions/${session}/groups`, token.egypt);
    expect(listed.body.map((g) => g.name)).toEqual(['African Group', 'G77 and China']);
  });

  it("Sudan speaking for Kenya, the chair or an unassigned group → 403, and Kenya's position is unchanged", async () => {
    const id = await kenyaProposes(' and implement');
    const egypt = await postCommand(t, session, token.egypt, { type: 'oppose', proposalId: id });
    expect(egypt.status).toBe(200);
    const before = await proposal(id);
    expect(before.opposers).toEqual([{ id: pid.egypt, name: 'Egypt' }]);
    for (const onBehalfOf of ['Egypt', 'Kenya', 'Chair', 'African Group', 'EU']) {
      for (const type of ['support', 'oppose', 'cosponsor']) {
        const r = await postCommand(t, session, token.sudan, { type, proposalId: id, onBehalfOf });
        expect([onBehalfOf, type, r.status, r.body.error?.code]).toEqual([onBehalfOf, type, 403, 'not_permitted']);
      }
      const socket = await CommandSocket.open(t, session, token.sudan);
      try {
        expect(await socket.send({ type: 'support', proposalId: id, onBehalfOf })).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
      } finally {
        socket.close();
      }
    }
    expect(await proposal(id)).toEqual(before);
    // Sudan's own position leaves Egypt's where it is.
    expect((await postCommand(t, session, token.sudan, { type: 'support', proposalId: id })).status).toBe(200);
    expect((await proposal(id)).opposers).toEqual([{ id: pid.egypt, name: 'Egypt' }]);
  });

  it('Sudan, assigned to the G77 and China, acts for it; removed from the group, it no longer can', async () => {
    const id = await kenyaProposes(' and apply');
    const r = await postCommand(t, session, token.sudan, { type: 'support', proposalId: id, onBehalfOf: 'G77 and China' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await proposal(id)).supporters).toEqual([{ id: g77, name: 'G77 and China', via: 'Sudan', viaId: pid.sudan }]);
    const at = op.get('3')!;
    const p = await postCommand(t, session, token.sudan, { type: 'propose', kind: 'delete', anchor: anchorOn(at, at.text.split(' ')[1]), onBehalfOf: 'G77 and China' });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    // Egypt is not a member.
    expect((await postCommand(t, session, token.egypt, { type: 'oppose', proposalId: id, onBehalfOf: 'G77 and China' })).status).toBe(403);

    expect((await t.api('PUT', `/api/sessions/${session}/groups/${g77}`, chair, { members: [pid.egypt] })).status).toBe(200);
    expect((await postCommand(t, session, token.egypt, { type: 'oppose', proposalId: id, onBehalfOf: 'G77 and China' })).status).toBe(200);
    expect((await postCommand(t, session, token.sudan, { type: 'support', proposalId: id, onBehalfOf: 'G77 and China' })).status).toBe(403);
    // The group's position is one: Egypt's opposition for the G77 replaced Sudan's support for it.
    const now = await proposal(id);
    expect(now.supporters).toEqual([]);
    expect(now.opposers).toEqual([{ id: g77, name: 'G77 and China', via: 'Egypt', viaId: pid.egypt }]);
    expect((await t.api('DELETE', `/api/sessions/${session}/groups/${g77}`, token.egypt)).status).toBe(403);
    expect((await t.api('DELETE', `/api/sessions/${session}/groups/${g77}`, chair)).status).toBe(204);
    expect((await postCommand(t, session, token.egypt, { type: 'support', proposalId: id, onBehalfOf: 'G77 and China' })).status).toBe(403);
  });
});

describe('commandId: a repeat gets the first answer and applies nothing', () => {
  const insertion = (text: string) => {
    const at = op.get('2')!.text.indexOf(' the Convention');
    return { type: 'propose', kind: 'insert', anchor: { paragraphId: op.get('2')!.id, from: at, to: at, text: '' }, text };
  };

  it('over REST: the same commandId twice → one proposal, the same answer', async () => {
    const before = (await proposals()).length;
    const send = () => t.api<{ ok: boolean; result: { proposalId: string } }>('POST', `/api/sessions/${session}/commands`, token.kenya, { command: insertion(' twice'), commandId: 'rest-1' });
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect((await proposals()).length).toBe(before + 1);
    expect((await proposal(a.body.result.proposalId)).commandId).toBe('rest-1');
  });

  it('over WS: the same commandId twice → one proposal, the same answer; REST after WS too', async () => {
    const before = (await proposals()).length;
    const socket = await CommandSocket.open(t, session, token.kenya);
    try {
      const message = (reqId: string) => JSON.stringify({ reqId, command: insertion(' by socket'), commandId: 'ws-1' });
      const first = await socket.sendRaw(message('a'), 'a');
      const second = await socket.sendRaw(message('b'), 'b');
      expect(first).toMatchObject({ ok: true });
      expect({ ...second, reqId: 'a' }).toEqual(first);
      const rest = await t.api('POST', `/api/sessions/${session}/commands`, token.kenya, { command: insertion(' by socket'), commandId: 'ws-1' });
      expect(rest.body).toEqual({ ok: first.ok, result: first.result });
    } finally {
      socket.close();
    }
    expect((await proposals()).length).toBe(before + 1);
  });

  it("another participant's commandId is its own; a malformed commandId → 400 invalid", async () => {
    const before = (await proposals()).length;
    const r = await t.api<{ ok: boolean }>('POST', `/api/sessions/${session}/commands`, token.sudan, { command: insertion(' mine'), commandId: 'rest-1' });
    expect(r.status).toBe(200);
    expect((await proposals()).length).toBe(before + 1);
    for (const commandId of ['', 'a b', 'x'.repeat(65), 42]) {
      const bad = await t.api<{ error: { code: string } }>('POST', `/api/sessions/${session}/commands`, token.sudan, { command: insertion(' bad'), commandId });
      expect([commandId, bad.status, bad.body.error.code]).toEqual([commandId, 400, 'invalid']);
    }
    expect((await proposals()).length).toBe(before + 1);
  });
});

describe('commandId across a restart', () => {
  it('a proposal remembers its commandId: the repeat after a restart gets the same proposal', async () => {
    const dataDir = tempDir();
    try {
      const first = await startTestServer({ dataDir });
      const { id, chairToken } = await first.createSession('Restart', DRAFT);
      const eu = await first.addParticipant(id, 'delegation', 'EU');
      const op2 = (await blocksByLabel(first, id, chairToken)).get('2')!;
      const body = { command: { type: 'propose', kind: 'reserve', anchor: anchorOn(op2, 'earliest date') }, commandId: 'outbox-7' };
      const a = await first.api('POST', `/api/sessions/${id}/commands`, eu, body);
      expect(a.status).toBe(200);
      await first.stop();
      const second = await startTestServer({ dataDir });
      try {
        const b = await second.api('POST', `/api/sessions/${id}/commands`, eu, body);
        expect(b.body).toEqual(a.body);
        const listed = await second.api<{ proposals: unknown[] }>('GET', `/api/sessions/${id}/proposals`, eu);
        expect(listed.body.proposals).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
