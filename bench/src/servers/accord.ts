// Accord: server/src/main.ts as a child process, with a fresh SQLite DATA_DIR per bench run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort, startChild, type Child } from './child.js';
import { seatsFor } from './relay.js';
import type { BenchServer, RoomRequest, RoomSetup, ServerFactory } from './types.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const serverDir = path.resolve(here, '../../../server');

async function api<T>(base: string, method: string, url: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function mapLimit<T, R>(items: T[], limit: number, f: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i], i);
    }
  }));
  return out;
}

export const accord = accordServer('accord', 'Accord (server/src/main.ts, SQLite synchronous=FULL)', {});
/** Diagnosis only (not in the default list): the same server with SQLite synchronous=NORMAL. */
export const accordNormal = accordServer('accord-normal', 'Accord, SQLite synchronous=NORMAL', { ACCORD_SYNCHRONOUS: 'NORMAL' });
/**
 * Before/after (not in the default list): Accord from another checkout of the repository,
 * `BENCH_ACCORD_BEFORE=<dir>` (e.g. `git archive <commit>` unpacked, with its node_modules linked
 * to these), rotated with the others so that both see the same machine.
 */
const beforeDir = process.env.BENCH_ACCORD_BEFORE;
export const accordBefore = accordServer(
  'accord-before', `Accord from ${beforeDir ?? 'BENCH_ACCORD_BEFORE'}`, {},
  beforeDir ? path.resolve(beforeDir, 'server') : undefined,
);

function accordServer(name: string, label: string, extraEnv: Record<string, string>, otherServerDir?: string): ServerFactory {
  const dir = otherServerDir ?? (name === 'accord-before' ? '' : serverDir);
  const main = dir ? path.join(dir, 'src/main.ts') : '';
  return {
    name,
    label,
    unavailable: () => (!main ? 'BENCH_ACCORD_BEFORE is not set' : fs.existsSync(main) ? null : `${path.relative(process.cwd(), main)} does not exist`),
    async start(): Promise<BenchServer> {
      const port = await freePort();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
      const adminKey = randomBytes(16).toString('hex');
      const base = `http://127.0.0.1:${port}`;
      const launch = async (): Promise<Child> => {
        const child = await startChild(name, {
          cwd: dir,
          env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ACCORD_ADMIN_KEY: adminKey, NODE_ENV: 'production', ...extraEnv },
          args: ['--import', 'tsx', main],
          port,
          timeoutMs: 60_000,
          stopSignal: 'SIGTERM', // graceful: commits, compacts, closes SQLite (and --cpu-prof is written)
        });
        const deadline = Date.now() + 30_000;
        for (;;) {
          try {
            const res = await fetch(`${base}/api/health`);
            if (res.ok) break;
          } catch { /* not yet */ }
          if (Date.now() > deadline) throw new Error(`accord /api/health never answered:\n${child.output()}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        return child;
      };
      let child = await launch();
      const wsUrl = (id: string, token: string) => `ws://127.0.0.1:${port}/collab/${id}?token=${encodeURIComponent(token)}`;
      const server: BenchServer = {
        name,
        get pid() { return child.pid; },
        async createRoom(req: RoomRequest): Promise<RoomSetup> {
          const created = await api<{ session: { id: string }; chairToken: string }>(base, 'POST', '/api/sessions', adminKey, { title: req.title });
          const id = created.session.id;
          const chair = created.chairToken;
          const invite = async (role: string, delegation: string): Promise<string> => {
            const r = await api<{ token: string }>(base, 'POST', `/api/sessions/${id}/participants`, chair, { role, delegation });
            return r.token;
          };
          let typistRole = 'secretariat';
          try { await invite(typistRole, 'Secretariat probe'); } catch { typistRole = 'chair'; }
          const kinds = seatsFor(req, (kind, i) => `${kind}:${i}`).map((s) => s.url.split(':') as ['typist' | 'delegation' | 'observer', string]);
          const tokens = await mapLimit(kinds, 16, async ([kind, i]) => {
            if (kind === 'typist') return typistRole === 'chair' ? chair : invite('secretariat', `Secretariat ${Number(i) + 1}`);
            // All writers: the delegation seats as secretariat members, the observer seats as chairs.
            if (req.writers) return invite(kind === 'delegation' ? typistRole : 'chair', kind === 'delegation' ? `Member State ${Number(i) + 1}` : `Observer ${Number(i) + 1}`);
            return invite(kind, kind === 'delegation' ? `Member State ${Number(i) + 1}` : `Observer ${Number(i) + 1}`);
          });
          let k = 0;
          return {
            seats: seatsFor(req, () => wsUrl(id, tokens[k++])),
            writerUrl: wsUrl(id, chair),
            serverSync: true,
            provider: { serverUrl: `ws://127.0.0.1:${port}/collab`, room: id, params: { token: chair } },
          };
        },
        async restart() {
          await child.stop();
          child = await launch();
        },
        async stop() {
          await child.stop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
      return server;
    },
  };
}
