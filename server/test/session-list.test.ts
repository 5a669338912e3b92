import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomIndex } from '@accord/shared/brackets/index';
import { createSqliteStorage } from '../src/storage/sqlite-storage.js';
import { anchorOn, blocksByLabel, postCommand } from './commands/helpers.js';
import { flaky, type FlakyStorage } from './helpers/flaky-storage.js';
import { startTestServer, tempDir, type TestServer } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

const seedDir = resolve(fileURLToPath(import.meta.url), '../../../seeds');
const CONVENTION = '联合国打击网络犯罪（使用信息和通信技术系统实施的犯罪）公约';

interface Listed {
  id: string;
  seed: boolean;
  symbol: string;
  title: string;
  language: string;
  revisionLabel: string;
  lastActivity: string;
  openBrackets: number | null;
  role: string;
  organiser: boolean;
  chairToken?: string | null;
}

const list = async (t: TestServer, token: string) => {
  const r = await t.api<Listed[]>('GET', '/api/sessions', token);
  expect(r.status).toBe(200);
  return r.body;
};

/** BR50 as the proposals endpoint counts it, from the whole text. */
const openCount = async (t: TestServer, id: string) =>
  (await t.api<{ counts: { total: number } }>('GET', `/api/sessions/${id}/proposals`, t.adminKey)).body.counts.total;

describe('GET /api/sessions: the session list', () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await t?.stop();
    t = null;
  });

  it('lists the seeds with their name, language, revision label, last activity, open brackets and the organiser as chair', async () => {
    t = await startTestServer({ seedDir });
    const seeds = (await list(t, t.adminKey)).filter((s) => s.seed);
    expect(seeds.map((s) => s.title)).toEqual([CONVENTION, '打击为犯罪目的使用信息和通信技术行为']);
    for (const s of seeds) {
      expect(s.title.startsWith('[xx/xxx]')).toBe(false);
      expect(s).toMatchObject({ language: 'zh', revisionLabel: '', role: 'chair', organiser: true, symbol: '' });
      expect(Number.isNaN(Date.parse(s.lastActivity))).toBe(false);
      expect(s.openBrackets).toBe(await openCount(t, s.id));
    }
    expect(seeds[0].openBrackets).toBeGreaterThan(0);
  });

  it('a participant token lists only its own session, with its own role there', async () => {
    t = await startTestServer();
    const a = await t.createSession('Text A', 'Text A\n\nThe General Assembly,\n\n1. Decides to act;\n');
    const b = await t.createSession('Text B');
    const kenya = await t.addParticipant(a.id, 'delegation', 'Kenya');
    const observer = await t.addParticipant(b.id, 'observer', 'UNODC');

    const forKenya = await list(t, kenya);
    expect(forKenya.map((s) => [s.id, s.role, s.organiser])).toEqual([[a.id, 'delegation', false]]);
    expect(forKenya[0].chairToken).toBeUndefined();
    expect(forKenya[0]).toMatchObject({ title: 'Text A', language: 'en', openBrackets: 0 });
    expect((await list(t, observer)).map((s) => [s.id, s.role])).toEqual([[b.id, 'observer']]);
    const forChair = await list(t, b.chairToken);
    expect(forChair.map((s) => [s.id, s.role, s.organiser, s.chairToken])).toEqual([[b.id, 'chair', false, b.chairToken]]);
    expect((await list(t, t.adminKey)).map((s) => [s.id, s.role, s.organiser])).toEqual([[a.id, 'chair', true], [b.id, 'chair', true]]);
    expect((await t.api('GET', '/api/sessions', 'x'.repeat(43))).status).toBe(401);
  });

  it('never reads a document to list: summaries are counted once, then after changes only', async () => {
    const dataDir = tempDir();
    let storage: FlakyStorage = flaky(createSqliteStorage({ dataDir }));
    t = await startTestServer({ dataDir, storage, seedDir, summaryDelayMs: 20 });
    const [seed] = await list(t, t.adminKey); // summarised once here, from the stored state
    const loadsAfterFirst = storage.loadCalls;
    expect(loadsAfterFirst).toBe(2);
    const before = await list(t, t.adminKey);
    expect(storage.loadCalls).toBe(loadsAfterFirst);

    // A delegation proposes: the room loads (a command), the list follows without reading the text.
    const kenya = await t.addParticipant(seed.id, 'delegation', 'Kenya');
    const blocks = await blocksByLabel(t, seed.id, kenya);
    const op1 = blocks.get('1')!;
    const proposed = await postCommand(t, seed.id, kenya, { type: 'propose', kind: 'delete', anchor: anchorOn(op1, op1.text.slice(0, 4)) });
    expect(proposed.body.ok).toBe(true);
    const loads = storage.loadCalls;
    const docOf = vi.spyOn(RoomIndex.prototype, 'docOf');
    const after = await waitFor(async () => {
      const s = (await list(t!, t!.adminKey))[0];
      return s.openBrackets === before[0].openBrackets! + 1 ? s : null;
    }, 'the new bracket in the list');
    expect(Date.parse(after.lastActivity)).toBeGreaterThan(Date.parse(before[0].lastActivity));
    const recounts = docOf.mock.calls.length;
    expect(recounts).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 5; i++) await list(t, t.adminKey);
    expect(docOf.mock.calls.length).toBe(recounts); // listing recounts nothing
    expect(storage.loadCalls).toBe(loads);

    // Stored: a restart lists the same without summarising again.
    await t.stop();
    storage = flaky(createSqliteStorage({ dataDir }));
    t = await startTestServer({ dataDir, storage, seedDir });
    const again = await list(t, t.adminKey);
    expect(storage.loadCalls).toBe(0);
    const shown = (s: Listed) => [s.title, s.openBrackets, s.lastActivity];
    expect(again.map(shown)).toEqual([after, before[1]].map(shown));
  });

  it('a room that unloads before its recount is recounted as it goes', async () => {
    const dataDir = tempDir();
    t = await startTestServer({ dataDir, seedDir, summaryDelayMs: 60_000 });
    const [seed] = await list(t, t.adminKey);
    const kenya = await t.addParticipant(seed.id, 'delegation', 'Kenya');
    const op2 = (await blocksByLabel(t, seed.id, kenya)).get('2')!;
    expect((await postCommand(t, seed.id, kenya, { type: 'propose', kind: 'delete', anchor: anchorOn(op2, op2.text.slice(0, 3)) })).body.ok).toBe(true);
    await t.stop(); // unloads the room long before the 60 s recount
    const storage = flaky(createSqliteStorage({ dataDir }));
    t = await startTestServer({ dataDir, storage, seedDir });
    const [again] = await list(t, t.adminKey);
    expect(again.openBrackets).toBe(seed.openBrackets! + 1);
    expect(storage.loadCalls).toBe(0);
  });
});
