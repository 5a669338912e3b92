import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = resolve(fileURLToPath(import.meta.url), '../../..');

/** A port free right now on 127.0.0.1, for a server that must keep it across a restart. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** The real server (src/main.ts) as a child process, resolved once it says it is ready. */
export async function spawnServer(port: number, dataDir: string, adminKey: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(serverDir, 'src/main.ts')], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ACCORD_ADMIN_KEY: adminKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('server did not start:\n' + log)), 30_000);
    child.stdout!.on('data', (b: Buffer) => {
      log += b.toString();
      if (log.includes('Accord is ready')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.stderr!.on('data', (b: Buffer) => (log += b.toString()));
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${log}`)));
  });
  return child;
}
