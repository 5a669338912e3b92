import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTask } from '../src/work/heavy-tasks.js';
import { heavyWork } from '../src/work/heavy-work.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const WORDS = 'the States Parties shall take appropriate measures in accordance with domestic law and international cooperation on information criminal offences'.split(' ');

/** A plain-text draft of about `chars` characters: a title, then numbered operative paragraphs. */
function draft(chars: number): string {
  const lines = ['Countering the use of information and communications technologies for criminal purposes', ''];
  let n = lines[0].length;
  for (let i = 1; n < chars; i++) {
    let p = `${i}. Decides that`;
    for (let w = 0; p.length < 300; w++) p += ' ' + WORDS[(i * 7 + w * 3) % WORDS.length];
    lines.push(p + ';', '');
    n += p.length + 3;
  }
  return lines.join('\n');
}

/** Polls /api/health back to back until `done` settles; the longest wait for an answer and how many came. */
async function pollHealth(url: string, done: Promise<unknown>): Promise<{ answers: number; maxGapMs: number }> {
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => undefined);
  let answers = 0;
  let maxGapMs = 0;
  let last = performance.now();
  while (!settled) {
    const res = await fetch(`${url}/api/health`);
    await res.text();
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    answers++;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { answers, maxGapMs };
}

describe('whole-text work runs off the event loop (work/heavy-work.ts)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a 5 M-character import by the organiser leaves /api/health answering', async () => {
    const text = draft(5_000_000);
    const before = heavyWork.offloaded;
    const created = t.api<{ session: { id: string } }>('POST', '/api/sessions', t.adminKey, { title: 'Treaty', text });
    const health = await pollHealth(t.url, created);
    const res = await created;
    expect(res.status).toBe(201);
    expect(heavyWork.offloaded).toBe(before + 1);

    // The same import in place, for comparison: how long it would hold the event loop.
    const t0 = performance.now();
    importTask({ text, title: 'Treaty' });
    const inlineMs = performance.now() - t0;
    console.log(`5 M-character import: /api/health answered ${health.answers} times, longest wait ${health.maxGapMs.toFixed(0)} ms; the same import in place blocks ${inlineMs.toFixed(0)} ms`);
    // Robust on a shared machine: many answers, no wait anywhere near the import's own length.
    expect(health.answers).toBeGreaterThanOrEqual(5);
    expect(health.maxGapMs).toBeLessThan(Math.max(500, inlineMs / 4));

    // Exporting it goes through the worker too, and gives the whole text back.
    const exported = await t.api<string>('GET', `/api/sessions/${res.body.session.id}/export?format=txt`, t.adminKey);
    expect(exported.status).toBe(200);
    expect(exported.body.length).toBeGreaterThan(4_500_000);
    expect(exported.body).toContain('1. Decides that');
    expect(heavyWork.offloaded).toBe(before + 2);
  }, 120_000);

  it('compare (JSON and HTML), the document JSON and the revision preview of a large text come from the worker', async () => {
    const { id } = await t.createSession('Mid-size', draft(250_000));
    const rev = await t.api<{ id: string }>('POST', `/api/sessions/${id}/revisions`, t.adminKey, { label: 'Rev.1' });
    expect(rev.status).toBe(201);
    const before = heavyWork.offloaded;
    const json = await t.api<{ stats: unknown }>('GET', `/api/sessions/${id}/compare?from=rev:${rev.body.id}&to=live`, t.adminKey);
    expect(json.status).toBe(200);
    expect(json.body.stats).toBeDefined();
    const html = await t.api<string>('GET', `/api/sessions/${id}/compare?from=rev:${rev.body.id}&to=live&format=html`, t.adminKey);
    expect(html.status).toBe(200);
    expect(html.body).toContain('<html');
    const doc = await t.api<{ blocks: unknown[] }>('GET', `/api/sessions/${id}/document`, t.adminKey);
    expect(doc.status).toBe(200);
    expect(doc.body.blocks.length).toBeGreaterThan(700);
    const preview = await t.api<{ renumbering: unknown[]; references: unknown[]; flagged: unknown[] }>('GET', `/api/sessions/${id}/revisions/preview`, t.adminKey);
    expect(preview.body).toEqual({ renumbering: [], references: [], flagged: [] });
    expect(heavyWork.offloaded).toBe(before + 4);

    // The live text and history points reach the worker as Y.Doc state: reading them into versions
    // (as long as the diff itself on a treaty) is not done on the event loop either.
    const [revision, live] = await t.server.revisions.comparePair(id, { kind: 'rev', id: rev.body.id }, { kind: 'live' });
    expect('snapshot' in revision).toBe(true);
    expect('updates' in live).toBe(true);
  }, 120_000);
});
