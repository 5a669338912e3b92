// Starting a server as a child process, waiting for it to listen, and stopping it.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export interface ChildOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  args: string[];
  port: number;
  timeoutMs?: number;
  /** How to ask it to stop: SIGUSR2 (the preload exits at once) unless the server stops gracefully itself. */
  stopSignal?: NodeJS.Signals;
}

const CPU_PROF = process.env.BENCH_CPU_PROF;
const PRELOAD = new URL('./preload.mjs', import.meta.url).href;
const PROFILE_DIR = new URL('../../results/profiles', import.meta.url).pathname;

export async function startChild(name: string, opts: ChildOptions): Promise<Child> {
  const args = ['--import', PRELOAD, ...opts.args];
  if (CPU_PROF && (CPU_PROF === '1' || CPU_PROF.split(',').includes(name))) {
    // One file per thread (tsx's loader runs in a worker thread): the main thread's is the largest.
    args.unshift('--cpu-prof', `--cpu-prof-dir=${path.join(path.resolve(process.env.BENCH_CPU_PROF_DIR ?? PROFILE_DIR), name)}`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const proc = spawn(process.execPath, args, {
    cwd: opts.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => { out = (out + b.toString()).slice(-20_000); };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => proc.once('exit', () => { exited = true; resolve(); }));
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  while (!(await canConnect(opts.port))) {
    if (exited) throw new Error(`${name} exited before listening:\n${out}`);
    if (Date.now() > deadline) { proc.kill('SIGKILL'); throw new Error(`${name} did not listen on ${opts.port}:\n${out}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    pid: proc.pid!,
    output: () => out,
    async stop() {
      if (exited) return;
      proc.kill(opts.stopSignal ?? 'SIGUSR2');
      const t = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(t);
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}
