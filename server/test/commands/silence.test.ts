import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Silence } from '@accord/shared/brackets/index';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait.js';
import { DRAFT } from '../revisions/helpers.js';
import { anchorOn, blocksByLabel, CommandSocket, firstText, paragraphElement, postCommand, type Block } from './helpers.js';

/** The silence procedure over REST and the WebSocket, by role, across restarts, against a real server (shared/SPEC.md BR90–BR97). */

interface SilenceView {
  silences: (Silence & { deadlineIso: string })[];
  open: string[];
  labels: Record<string, string | null>;
  now: number;
}
type Answer = { ok: boolean; result?: { silenceId?: string; decisionId?: string }; error?: { code: string; message: string } };
interface LogEntry {
  action: string;
  at: string;
  by: string;
  paragraphs: { id: string; after: { status: string } | null }[];
  entry: { silence?: { action: string; silenceId: string; statement?: string; name?: string } };
}

async function setUp(t: TestServer) {
  const s = await t.createSession('Silence', DRAFT);
  const token: Record<string, string> = { chair: s.chairToken };
  token.secretariat = await t.addParticipant(s.id, 'secretariat', 'Secretariat');
  token.kenya = await t.addParticipant(s.id, 'delegation', 'Kenya');
  token.eu = await t.addParticipant(s.id, 'delegation', 'EU');
  token.observer = await t.addParticipant(s.id, 'observer', 'UNODC');
  const op = await blocksByLabel(t, s.id, token.chair);
  const post = (who: string, path: string, body: unknown = {}) => t.api<Answer>('POST', `/api/sessions/${s.id}/${path}`, token[who], body);
  const view = async () => (await t.api<SilenceView>('GET', `/api/sessions/${s.id}/silence`, token.observer)).body;
  const log = async () => (await t.api<LogEntry[]>('GET', `/api/sessions/${s.id}/decisions`, token.eu)).body.filter((d) => d.action === 'silence');
  const statuses = async () => (await t.api<{ paragraphs: Record<string, { status: string }> }>('GET', `/api/sessions/${s.id}/proposals`, token.eu)).body.paragraphs;
  return { session: s.id, token, op, post, view, log, statuses };
}

describe('the silence procedure over REST', () => {
  let t: TestServer;
  let s: Awaited<ReturnType<typeof setUp>>;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    t = await startTestServer();
    s = await setUp(t);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  it('the chair puts OP3 under silence (ISO deadline with offset); everyone reads it with its label; the log has it', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    // The same instant written in UTC+05:30.
    const local = new Date(deadline.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 16) + '+05:30';
    const r = await s.post('chair', 'silence', { deadline: local, paragraphIds: [s.op.get('3')!.id], note: 'Last call on OP3' });
    expect(r.status).toBe(200);
    const v = await s.view();
    expect(v.open).toEqual([r.body.result!.silenceId]);
    expect(v.silences[0]).toMatchObject({ state: 'open', by: 'chair', paragraphIds: [s.op.get('3')!.id], note: 'Last call on OP3' });
    expect(v.silences[0].deadline).toBe(Math.floor(deadline.getTime() / 60_000) * 60_000);
    expect(v.silences[0].deadlineIso).toBe(new Date(v.silences[0].deadline).toISOString());
    expect(v.labels).toEqual({ [s.op.get('3')!.id]: 'OP3' });
    expect((await s.log()).map((d) => d.entry.silence!.action)).toEqual(['start']);
  });

  it('refuses by role: a delegation cannot start or lift, an observer or the chair cannot break; bad forms are 400, overlaps 409', async () => {
    const id = (await s.view()).open[0];
    const future = Date.now() + 60_000;
    expect((await s.post('kenya', 'silence', { deadline: future })).status).toBe(403);
    expect((await s.post('secretariat', 'silence', { deadline: future })).status).toBe(403);
    expect((await s.post('kenya', 'silence/lift', { silenceId: id })).status).toBe(403);
    expect((await s.post('observer', 'silence/break', { silenceId: id, statement: 'We object' })).status).toBe(403);
    expect((await s.post('chair', 'silence/break', { silenceId: id, statement: 'We object' })).status).toBe(403);
    expect((await s.post('kenya', 'silence/break', { silenceId: id })).status).toBe(400);
    expect((await s.post('kenya', 'silence/break', { silenceId: id, statement: 'x'.repeat(2001) })).status).toBe(400);
    expect((await s.post('kenya', 'silence/break', { silenceId: 'nope', statement: 'x' })).status).toBe(404);
    expect((await s.post('chair', 'silence', { deadline: '2030-01-01T10:00' })).status).toBe(400);
    expect((await s.post('chair', 'silence', { deadline: Date.now() - 1000 })).status).toBe(400);
    const overlap = await s.post('chair', 'silence', { deadline: future });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error!.message).toMatch(/^OP3 is under silence already/);
    expect((await s.view()).silences.map((x) => x.state)).toEqual(['open']);
  });

  it('while OP3 is under silence: a proposal there is 423 with the deadline, elsewhere fine; a revision waits', async () => {
    const refused = await postCommand(t, s.session, s.token.eu, { type: 'propose', kind: 'delete', anchor: anchorOn(s.op.get('3')!, 'Urges') });
    expect(refused.status).toBe(423);
    expect(refused.body.error!.message).toMatch(/^OP3 is under silence until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const elsewhere = await postCommand(t, s.session, s.token.eu, { type: 'propose', kind: 'delete', anchor: anchorOn(s.op.get('2')!, 'all') });
    expect(elsewhere.status).toBe(200);
    const status = await postCommand(t, s.session, s.token.chair, { type: 'setParagraphStatus', paragraphId: s.op.get('3')!.id, status: 'agreed' });
    expect(status.status).toBe(423);
    const revision = await t.api<{ error: { code: string } }>('POST', `/api/sessions/${s.session}/revisions`, s.token.chair, { label: 'Rev.1' });
    expect(revision.status).toBe(423);
  });

  it("the update guard refuses a writer's edit in the silenced paragraph, and lets the others through", async () => {
    const secretariat = connectClient(t.wsUrl, s.session, s.token.secretariat, { acks: true });
    clients.push(secretariat);
    await secretariat.synced();
    firstText(paragraphElement(secretariat.doc, s.op.get('3')!.id)).insert(0, 'Also ');
    await waitFor(() => secretariat.notices.length > 0, 'a notice for typing in OP3');
    expect(secretariat.notices[0]).toMatchObject({ code: 'paragraph_locked', paragraphId: s.op.get('3')!.id, message: expect.stringMatching(/^OP3 is under silence until/) });
    const other = connectClient(t.wsUrl, s.session, s.token.secretariat, { acks: true });
    clients.push(other);
    await other.synced();
    firstText(paragraphElement(other.doc, s.op.get('4')!.id)).insert(0, 'Further ');
    await other.acked();
    expect(other.notices).toEqual([]);
    const now = await blocksByLabel(t, s.session, s.token.chair);
    expect(now.get('3')!.text).toBe(s.op.get('3')!.text);
    expect(now.get('4')!.text).toMatch(/^Further /);
  });

  it('Kenya breaks silence with a statement (over the WebSocket); the break is on the record and OP3 is open again', async () => {
    const id = (await s.view()).open[0];
    const ws = await CommandSocket.open(t, s.session, s.token.kenya);
    const r = await ws.send({ type: 'silence.break', silenceId: id, statement: 'Kenya cannot join consensus on OP3.' });
    ws.ws.close();
    expect(r).toMatchObject({ ok: true });
    const v = await s.view();
    expect(v.open).toEqual([]);
    expect(v.silences[0]).toMatchObject({ state: 'broken', break: { name: 'Kenya', statement: 'Kenya cannot join consensus on OP3.' } });
    const log = await s.log();
    expect(log.map((d) => d.entry.silence!.action)).toEqual(['start', 'break']);
    expect(log[1]).toMatchObject({ by: 'Kenya', entry: { silence: { name: 'Kenya', statement: 'Kenya cannot join consensus on OP3.' } } });
    expect((await postCommand(t, s.session, s.token.eu, { type: 'propose', kind: 'delete', anchor: anchorOn(s.op.get('3')!, 'Urges') })).status).toBe(200);
  });

  it('the whole text under silence refuses a new paragraph from a writer; the chair lifts it and the text is open again', async () => {
    // Open brackets first (OP2's and OP3's deletions above): silence adopts settled text only.
    const bracketed = await s.post('chair', 'silence', { deadline: Date.now() + 600_000 });
    expect(bracketed.status).toBe(400);
    expect(bracketed.body.error!.message).toMatch(/^open brackets remain in OP2 \(1\), OP3 \(1\): decide them/);
    const open = (await t.api<{ proposals: { id: string; status: string }[] }>('GET', `/api/sessions/${s.session}/proposals`, s.token.chair)).body.proposals.filter((p) => p.status === 'open');
    for (const p of open) expect((await postCommand(t, s.session, s.token.chair, { type: 'reject', proposalId: p.id })).status).toBe(200);
    const start = await s.post('chair', 'silence', { deadline: Date.now() + 600_000 });
    expect(start.status).toBe(200);
    const chair = connectClient(t.wsUrl, s.session, s.token.chair, { acks: true });
    clients.push(chair);
    await chair.synced();
    const body = chair.doc.getXmlFragment('body');
    const Y = await import('yjs');
    const p = new Y.XmlElement('operative');
    p.setAttribute('id', 'new-op');
    body.insert(body.length, [p]);
    await waitFor(() => chair.notices.length > 0, 'a notice for a new paragraph');
    expect(chair.notices[0]).toMatchObject({ code: 'paragraph_locked', message: expect.stringMatching(/^The text is under silence until/) });
    expect((await s.post('chair', 'silence/lift', { silenceId: start.body.result!.silenceId })).status).toBe(200);
    expect((await s.view()).silences.at(-1)!.state).toBe('lifted');
    expect((await s.post('chair', 'silence/lift', { silenceId: start.body.result!.silenceId })).status).toBe(400);
    expect((await s.log()).map((d) => d.entry.silence!.action)).toEqual(['start', 'break', 'start', 'lift']);
  });

  it('a silence that runs out unbroken adopts its paragraphs, logged with the time', async () => {
    const before = Date.now();
    const r = await s.post('chair', 'silence', { deadline: Date.now() + 1_000, paragraphIds: [s.op.get('5')!.id, s.op.get('6')!.id] });
    expect(r.status).toBe(200);
    await waitFor(async () => (await s.view()).open.length === 0, 'the silence to end', 10_000);
    const st = await s.statuses();
    expect(st[s.op.get('5')!.id]).toEqual({ status: 'adopted' });
    expect(st[s.op.get('6')!.id]).toEqual({ status: 'adopted' });
    const adopt = (await s.log()).at(-1)!;
    expect(adopt).toMatchObject({ by: 'Accord', entry: { silence: { action: 'adopt', silenceId: r.body.result!.silenceId } } });
    expect(adopt.paragraphs.map((p) => p.after?.status)).toEqual(['adopted', 'adopted']);
    expect(Date.parse(adopt.at)).toBeGreaterThanOrEqual(before + 1_000);
    const refused = await postCommand(t, s.session, s.token.eu, { type: 'propose', kind: 'delete', anchor: anchorOn(s.op.get('5')!, s.op.get('5')!.text.split(' ')[0]) });
    expect(refused.status).toBe(423);
    expect(refused.body.error!.message).toBe('OP5 is adopted under silence procedure; the chair must reopen it first');
  });
});

describe('the silence procedure across a restart', () => {
  const dataDir = tempDir();
  let t: TestServer | null = null;
  afterAll(async () => {
    await t?.stop();
  });

  it('stopped before the deadline and started after it: the silence is adopted at start, and logged', async () => {
    t = await startTestServer({ dataDir });
    const s = await setUp(t);
    const deadline = Date.now() + 1_500;
    const r = await s.post('chair', 'silence', { deadline, paragraphIds: [s.op.get('2')!.id] });
    expect(r.status).toBe(200);
    await t.stop();
    t = null;
    // Down across the deadline.
    await new Promise((ok) => setTimeout(ok, Math.max(0, deadline - Date.now()) + 200));
    t = await startTestServer({ dataDir });
    // Resolved during start: no waiting.
    const v = (await t.api<SilenceView>('GET', `/api/sessions/${s.session}/silence`, s.token.eu)).body;
    expect(v.silences[0]).toMatchObject({ state: 'adopted' });
    expect(v.silences[0].endedAt!).toBeGreaterThanOrEqual(deadline);
    const statuses = (await t.api<{ paragraphs: Record<string, { status: string }> }>('GET', `/api/sessions/${s.session}/proposals`, s.token.eu)).body.paragraphs;
    expect(statuses[s.op.get('2')!.id]).toEqual({ status: 'adopted' });
    const log = (await t.api<LogEntry[]>('GET', `/api/sessions/${s.session}/decisions`, s.token.eu)).body.filter((d) => d.action === 'silence');
    expect(log.map((d) => d.entry.silence!.action)).toEqual(['start', 'adopt']);
    expect(Date.parse(log[1].at)).toBeGreaterThanOrEqual(deadline);
    await t.stop();
    t = null;
  });

  it('restarted before the deadline: still open after the start, then adopted when it is due', async () => {
    t = await startTestServer({ dataDir });
    const s = await setUp(t);
    const deadline = Date.now() + 2_500;
    const r = await s.post('chair', 'silence', { deadline });
    expect(r.status).toBe(200);
    await t.stop();
    t = await startTestServer({ dataDir });
    const server = t;
    const view = async () => (await server.api<SilenceView>('GET', `/api/sessions/${s.session}/silence`, s.token.eu)).body;
    expect(Date.now()).toBeLessThan(deadline);
    expect((await view()).open).toEqual([r.body.result!.silenceId]);
    await waitFor(async () => (await view()).silences[0].state === 'adopted', 'the whole text to be adopted', 10_000);
    const statuses = (await server.api<{ paragraphs: Record<string, { status: string }> }>('GET', `/api/sessions/${s.session}/proposals`, s.token.eu)).body.paragraphs;
    for (const b of s.op.values()) if (b.type === 'operative' || b.type === 'preambular') expect(statuses[b.id]).toEqual({ status: 'adopted' });
  });
});

describe('the silence clock and unloaded rooms', () => {
  let t: TestServer;
  afterAll(async () => {
    await t?.stop();
  });

  it('a silence whose room was unloaded meanwhile is still adopted at its deadline', async () => {
    t = await startTestServer({ idleUnloadMs: 50 });
    const s = await setUp(t);
    const r = await s.post('chair', 'silence', { deadline: Date.now() + 1_000, paragraphIds: [s.op.get('1')!.id] });
    expect(r.status).toBe(200);
    await waitFor(() => !t.server.rooms.isLoaded(s.session), 'the room to unload', 5_000);
    await waitFor(() => t.server.rooms.isLoaded(s.session), 'the clock to load the room at the deadline', 5_000);
    await waitFor(async () => (await s.view()).silences[0].state === 'adopted', 'adoption', 5_000);
  });
});

export type { Block };
