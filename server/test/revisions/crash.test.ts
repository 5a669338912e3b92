import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, spawnServer } from '../helpers/server-process.js';
import { tempDir } from '../helpers/test-server.js';

const ADMIN = 'revisions-crash-admin-key-0123';

describe('revisions and history across a crash', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a revision answered 201 survives SIGKILL, with its snapshot, its history point and the live revision label', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api`;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed JSON in a test
    type Json = any;
    const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
      const res = await fetch(base + path, { method, headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const first = await spawnServer(port, dataDir, ADMIN);
    children.push(first);
    const text = 'Draft\n\nThe General Assembly,\n\n1. Adopts the Convention;\n\n2. Requests a report.\n';
    const created = await api('POST', '/sessions', { title: 'Crash', text });
    const id = created.body.session.id as string;
    const rev = await api('POST', `/sessions/${id}/revisions`, { label: 'Rev.1', note: 'before the crash' });
    expect(rev.status).toBe(201);
    const snapshot = (await api('GET', `/sessions/${id}/revisions/${rev.body.id as string}`)).body.snapshot;
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const second = await spawnServer(port, dataDir, ADMIN);
    children.push(second);
    const list = await api('GET', `/sessions/${id}/revisions`);
    expect(list.body).toEqual([rev.body]);
    expect((await api('GET', `/sessions/${id}/revisions/${rev.body.id as string}`)).body.snapshot).toEqual(snapshot);
    expect(((await api('GET', `/sessions/${id}/history`)).body as Array<{ reason: string }>).map((p) => p.reason)).toContain('before-revision');
    const doc = await api('GET', `/sessions/${id}/document`);
    expect(doc.body.meta.revisionLabel).toBe('Rev.1');
  });
});
