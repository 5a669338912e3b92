import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';
import { DRAFT } from '../revisions/helpers.js';
import { anchorOn, blocksByLabel, postCommand } from './helpers.js';

interface DecisionView {
  id: string;
  at: string;
  by: string;
  action: string;
  proposalId: string | null;
  undoes: string | null;
  text: { paragraphId: string; before: string | null; after: string | null }[];
  entry: { id: string };
}

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('decisions', () => {
  it('the log says who decided what, when, with the paragraph text before and after; undo is logged too', async () => {
    const t = await startTestServer();
    servers.push(t);
    const { id, chairToken } = await t.createSession('Decisions', DRAFT);
    const eu = await t.addParticipant(id, 'delegation', 'EU');
    const op3 = (await blocksByLabel(t, id, chairToken)).get('3')!;
    const proposed = await postCommand(t, id, eu, { type: 'propose', kind: 'replace', anchor: anchorOn(op3, 'Urges'), text: 'Calls upon' });
    const accepted = await postCommand(t, id, chairToken, { type: 'accept', proposalId: proposed.body.result!.proposalId });
    expect(accepted.body.ok).toBe(true);
    const undone = await postCommand(t, id, chairToken, { type: 'undoDecision', decisionId: accepted.body.result!.decisionId });
    expect(undone.body.ok).toBe(true);

    const log = await t.api<DecisionView[]>('GET', `/api/sessions/${id}/decisions`, eu);
    expect(log.status).toBe(200);
    const [accept, undo] = log.body;
    expect(accept).toMatchObject({ by: 'Chair', action: 'accept', proposalId: proposed.body.result!.proposalId, undoes: null });
    expect(Date.now() - Date.parse(accept.at)).toBeLessThan(60_000);
    expect(accept.text).toEqual([{ paragraphId: op3.id, before: '[UrgesCalls upon] Member States to ratify the Convention;', after: 'Calls upon Member States to ratify the Convention;' }]);
    expect(undo).toMatchObject({ action: 'undo', undoes: accept.id });
    expect(undo.text[0]).toMatchObject({ before: accept.text[0].after, after: accept.text[0].before });
    expect((await blocksByLabel(t, id, chairToken)).get('3')!.text).toBe('[UrgesCalls upon] Member States to ratify the Convention;');
  });

  it('a command answered ok survives a restart: the answer comes only after it is stored', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    const { id, chairToken } = await first.createSession('Durable', DRAFT);
    const eu = await first.addParticipant(id, 'delegation', 'EU');
    const op2 = (await blocksByLabel(first, id, chairToken)).get('2')!;
    const r = await postCommand(first, id, eu, { type: 'propose', kind: 'reserve', anchor: anchorOn(op2, 'earliest date') });
    expect(r.body.ok).toBe(true);
    await first.stop();

    const second = await startTestServer({ dataDir });
    servers.push(second);
    const state = await second.api<{ proposals: { id: string; kind: string; sponsors: { name: string }[] }[] }>('GET', `/api/sessions/${id}/proposals`, eu);
    expect(state.body.proposals).toEqual([expect.objectContaining({ id: r.body.result!.proposalId, kind: 'reserve', sponsors: [expect.objectContaining({ name: 'EU', id: expect.stringMatching(/./) })] })]);
  });
});

describe('pending brackets of an imported text', () => {
  it('are open proposals the chair resolves by accepting a text for them', async () => {
    const t = await startTestServer();
    servers.push(t);
    const { id, chairToken } = await t.createSession('占位', '大会，\n\n1. 决定将[日期]定为国际日；\n');
    const state = await t.api<{ proposals: { id: string; kind: string; anchorText: string; status: string }[]; counts: { total: number } }>(
      'GET',
      `/api/sessions/${id}/proposals`,
      chairToken,
    );
    expect(state.body.proposals).toEqual([expect.objectContaining({ kind: 'pending', anchorText: '日期', status: 'open' })]);
    expect(state.body.counts.total).toBe(1);
    const r = await postCommand(t, id, chairToken, { type: 'accept', proposalId: state.body.proposals[0].id, text: '11月23日' });
    expect(r.body).toMatchObject({ ok: true });
    expect((await blocksByLabel(t, id, chairToken)).get('1')!.text).toBe('决定将11月23日定为国际日；');
  });
});
