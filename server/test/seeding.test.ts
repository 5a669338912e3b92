import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient } from './helpers/client.js';
import { startTestServer, tempDir, type TestServer } from './helpers/test-server.js';

const seedDir = resolve(fileURLToPath(import.meta.url), '../../../seeds');

describe('seeding', () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.stop();
    t = null;
  });

  it('imports both seed texts on first start, exactly once, listed first', async () => {
    const dataDir = tempDir();
    t = await startTestServer({ dataDir, seedDir });
    await t.createSession('Mine');
    await t.stop();
    t = await startTestServer({ dataDir, seedDir });
    const list = await t.api<{ id: string; title: string; seed: boolean; chairToken: string }[]>('GET', '/api/sessions', t.adminKey);
    expect(list.body.map((s) => s.seed)).toEqual([true, true, false]);
    const [first] = list.body;
    const c = connectClient(t.wsUrl, first.id, first.chairToken);
    await c.synced();
    const body = c.doc.getXmlFragment('body');
    expect(body.length).toBeGreaterThan(5);
    expect(body.toString()).toContain('打击');
    c.destroy();
    const txt = await t.api<string>('GET', `/api/sessions/${first.id}/export?format=txt`, first.chairToken);
    expect(txt.body).toContain('打击');
  });

  it('keeps the admin key across restarts unless one is configured', async () => {
    const dataDir = tempDir();
    const emptySeeds = join(dataDir, 'seeds');
    mkdirSync(emptySeeds);
    writeFileSync(join(emptySeeds, 'notes.md'), 'not a seed');
    t = await startTestServer({ dataDir, seedDir: emptySeeds, adminKey: undefined });
    const key = t.adminKey;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await t.stop();
    t = await startTestServer({ dataDir, adminKey: undefined });
    expect(t.adminKey).toBe(key);
    expect((await t.api<unknown[]>('GET', '/api/sessions', key)).body).toEqual([]);
  });
});
