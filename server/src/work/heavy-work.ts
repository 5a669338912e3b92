import { Worker } from 'node:worker_threads';
import { tasks, type TaskName, type Tasks } from './heavy-tasks.js';

/**
 * Runs whole-text work (heavy-tasks.ts: import, export, compare) off the event loop, in one worker
 * thread started on first use and kept (unref'd, so it never holds the process open). Jobs run
 * one at a time in arrival order; a crashed worker fails its jobs and the next job starts a new one.
 *
 * The worker's entry file: the server runs either from its TypeScript sources (tsx: `pnpm dev`,
 * tests) or from the esbuild bundle (`pnpm start`, server/build.mjs). This module knows which by
 * its own URL: in the bundle it is part of dist/main.js and the worker is dist/heavy-worker.js,
 * a plain JavaScript file; from the sources it is src/work/heavy-work.ts and the worker starts
 * heavy-worker-from-sources.mjs beside it, which loads heavy-worker.ts through tsx's `tsImport`
 * (Node 20 does not apply the parent's `--import tsx` or an execArgv loader to a worker thread;
 * vitest has no such flag at all).
 */
const fromSources = import.meta.url.endsWith('.ts');
const workerEntry = new URL(fromSources ? './heavy-worker-from-sources.mjs' : './heavy-worker.js', import.meta.url);

/** Below this many characters (or bytes of Y.Doc state) the work runs in place: cheaper than a message. */
export const HEAVY_MIN_SIZE = 200_000;

type Result<N extends TaskName> = Awaited<ReturnType<Tasks[N]>>;
interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

class HeavyWork {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Jobs sent to a worker (tests and diagnostics). */
  offloaded = 0;

  /** Runs `name` in the worker when `size` is at least HEAVY_MIN_SIZE, in place otherwise. */
  async run<N extends TaskName>(name: N, input: Parameters<Tasks[N]>[0], size: number): Promise<Result<N>> {
    if (size < HEAVY_MIN_SIZE) return (tasks[name] as (i: typeof input) => Result<N> | Promise<Result<N>>)(input);
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    this.offloaded++;
    return new Promise<Result<N>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, name, input });
    });
  }

  /** Ends the worker (server stop); jobs still running fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    const worker = new Worker(workerEntry, { stdout: false, stderr: false });
    worker.unref();
    worker.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`heavy work failed: ${m.error ?? 'unknown error'}`));
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err));
    worker.on('exit', (code) => fail(new Error(`heavy work: the worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}

/** The process's one worker for whole-text work. */
export const heavyWork = new HeavyWork();
