import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort, startChild } from './child.js';

const serverDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../server');

export interface AccordInstance {
  base: string;
  adminKey: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

/** One Accord server from the sources, on a free port with a fresh data directory, for a bench that drives it over HTTP. */
export async function startAccordInstance(name: string): Promise<AccordInstance> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `accord-bench-${name}-`));
  const adminKey = randomBytes(16).toString('hex');
  const child = await startChild('accord', {
    cwd: serverDir,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ACCORD_ADMIN_KEY: adminKey, NODE_ENV: 'production' },
    args: ['--import', 'tsx', path.join(serverDir, 'src/main.ts')],
    port,
    timeoutMs: 60_000,
    stopSignal: 'SIGTERM',
  });
  return {
    base: `http://127.0.0.1:${port}`,
    adminKey,
    async stop() {
      await child.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
