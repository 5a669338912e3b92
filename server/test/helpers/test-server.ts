import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccordServer, type AccordServer, type AccordServerOptions } from '../../src/create-accord-server.js';

export interface TestServer {
  server: AccordServer;
  url: string;
  wsUrl: string;
  dataDir: string;
  adminKey: string;
  api<T = unknown>(method: string, path: string, token?: string | null, body?: unknown): Promise<{ status: number; body: T }>;
  createSession(title?: string, text?: string): Promise<{ id: string; chairToken: string }>;
  addParticipant(sessionId: string, role: string, delegation: string): Promise<string>;
  stop(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'accord-test-'));
}

/** A real server on port 0 with real SQLite in a fresh temp dir (unless options say otherwise). */
export async function startTestServer(options: Partial<AccordServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const server = createAccordServer({ port: 0, dataDir, adminKey: 'test-admin-key-0123456789', idleUnloadMs: 60_000, ...options });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  const api: TestServer['api'] = async (method, path, token, body) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // text/plain responses stay strings
    }
    return { status: res.status, body: parsed as never };
  };
  return {
    server,
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    dataDir,
    adminKey: server.adminKey,
    api,
    async createSession(title = 'Test text', text?: string) {
      const r = await api<{ session: { id: string }; chairToken: string }>('POST', '/api/sessions', server.adminKey, { title, text });
      if (r.status !== 201) throw new Error(`create session: ${r.status} ${JSON.stringify(r.body)}`);
      return { id: r.body.session.id, chairToken: r.body.chairToken };
    },
    async addParticipant(sessionId, role, delegation) {
      const r = await api<{ token: string }>('POST', `/api/sessions/${sessionId}/participants`, server.adminKey, { role, delegation });
      if (r.status !== 201) throw new Error(`add participant: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token;
    },
    async stop() {
      await server.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
