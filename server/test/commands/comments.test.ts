import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_COMMENTS_PER_PARTICIPANT, MAX_COMMENTS_PER_PROPOSAL } from '@accord/shared/brackets/index';
import { NOTICE_UPDATE_REJECTED } from '@accord/shared/protocol';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { once, waitFor } from '../helpers/wait.js';
import { anchorOn, blocksByLabel, postCommand } from './helpers.js';

const DRAFT = 'The General Assembly,\n\n1. Decides to convene a conference in 2026;\n';
const COMMENT_CHARS = 2_000;

/** A comment of exactly 2,000 characters, different each time (so nothing compresses away). */
function commentText(n: number): string {
  const head = `Comment ${n}: `;
  let body = '';
  for (let i = 0; body.length < COMMENT_CHARS - head.length; i++) body += `${(n * 7919 + i * 104729) % 1000003} `;
  return (head + body).slice(0, COMMENT_CHARS);
}

describe('[BR15] comments as their own entries (real server, port 0, SQLite)', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  it('300 comments of 2,000 characters on one proposal: each relays O(comment) bytes to another client; the caps refuse the rest', async () => {
    // Generous command rates: this test is about bytes, not about the command limiter.
    t = await startTestServer({ limits: { commandsPerSecond: 10_000, commandBurst: 10_000 } });
    const { id, chairToken } = await t.createSession('Comments', DRAFT);
    const op1 = (await blocksByLabel(t, id, chairToken)).get('1')!;
    const delegations = await Promise.all(['Kenya', 'Norway', 'Japan', 'Brazil', 'Fiji'].map((d) => t.addParticipant(id, 'delegation', d)));
    const proposed = await postCommand(t, id, delegations[0], { type: 'propose', kind: 'delete', anchor: anchorOn(op1, ' in 2026') });
    expect(proposed.status).toBe(200);
    const proposalId = proposed.body.result!.proposalId!;

    // Another client (an observer) counts every byte the server sends it.
    const observer = await t.addParticipant(id, 'observer', 'Press');
    const ws = new WebSocket(`${t.wsUrl}/${id}?token=${observer}`);
    let received = 0;
    ws.on('message', (data: Buffer) => (received += data.length));
    await once(ws, 'open');
    await waitFor(() => received > 0, 'the greeting');

    // 300 comments: the first delegation makes 51 (the 51st over its own cap), three more make 50
    // each (200: the proposal's cap), and a fifth makes 99 more (over the proposal's cap).
    const perComment: number[] = [];
    const refused: { status: number; code?: string; message?: string }[] = [];
    let n = 0;
    const comment = async (token: string) => {
      const before = received;
      const r = await postCommand(t, id, token, { type: 'comment', proposalId, text: commentText(n++) });
      if (r.status === 200) {
        // The relay goes out once the change is durable, before the answer: wait for it to arrive.
        await waitFor(() => received > before, `comment ${n} relayed`);
        perComment.push(received - before);
      } else refused.push({ status: r.status, code: r.body.error?.code, message: r.body.error?.message });
    };
    for (let d = 0; d < 4; d++) for (let i = 0; i < MAX_COMMENTS_PER_PARTICIPANT + (d === 0 ? 1 : 0); i++) await comment(delegations[d]);
    for (let i = 0; i < 99; i++) await comment(delegations[4]);
    expect(n).toBe(300);
    expect(perComment).toHaveLength(MAX_COMMENTS_PER_PROPOSAL);
    expect(refused).toHaveLength(100);
    expect(refused[0]).toMatchObject({ status: 400, code: 'invalid', message: expect.stringContaining(`${MAX_COMMENTS_PER_PARTICIPANT} comments`) });
    for (const r of refused.slice(1)) expect(r).toMatchObject({ status: 400, code: 'invalid', message: expect.stringContaining(`${MAX_COMMENTS_PER_PROPOSAL} comments`) });

    // Each comment relays about its own size: never the proposal record with every earlier comment.
    const max = Math.max(...perComment);
    const total = perComment.reduce((a, b) => a + b, 0);
    console.log(`[BR15] bytes relayed per comment of ${COMMENT_CHARS} characters: max ${max}, mean ${Math.round(total / perComment.length)}, total ${total} for ${perComment.length}`);
    expect(max).toBeLessThan(3 * COMMENT_CHARS);
    expect(perComment[perComment.length - 1]).toBeLessThan(perComment[0] + 200);

    // Readers: REST lists them with the proposal, oldest first; the proposal record itself has none.
    const view = await t.api<{ proposals: { id: string; comments: { text: string; by: { name: string } }[] }[] }>('GET', `/api/sessions/${id}/proposals`, observer);
    const p = view.body.proposals.find((x) => x.id === proposalId)!;
    expect(p.comments).toHaveLength(MAX_COMMENTS_PER_PROPOSAL);
    expect(p.comments[0]).toMatchObject({ text: commentText(0), by: { name: 'Kenya' } });
    const room = t.server.rooms.loaded.find((r) => r.name === id)!;
    expect((room.doc.getMap('proposals').get(proposalId) as { comments?: unknown }).comments).toBeUndefined();
    expect(room.doc.getMap('comments').size).toBe(MAX_COMMENTS_PER_PROPOSAL);
    ws.close();
  });

  it('a writer cannot write the comments map itself (NOTICE update_rejected, nothing stored)', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Forged comments', DRAFT);
    const chair = connectClient(t.wsUrl, id, chairToken);
    clients.push(chair);
    await chair.synced();
    chair.doc.getMap('comments').set('forged', { id: 'forged', proposalId: 'x', by: { name: 'Chair' }, at: 0, text: 'forged' });
    const notice = await waitFor(() => chair.notices.find((m) => m.code === NOTICE_UPDATE_REJECTED), 'the refusal');
    expect(notice.message).toContain('comments');
    const room = t.server.rooms.loaded.find((r) => r.name === id)!;
    expect(room.doc.getMap('comments').size).toBe(0);
  });
});
