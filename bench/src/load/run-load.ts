// Drives every target room at once with the load-generator workers: the same clients stay
// connected to all servers, and typing rotates between servers in short slices, so that any
// other load on the machine falls on every server alike. Turns the records into latencies.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cpuCount, machineJiffies, processCpuSeconds, processRssMb } from '../cpu.js';
import { nowMs } from '../protocol.js';
import { percentile } from '../stats.js';
import type { BenchServer, RoomSetup } from '../servers/types.js';
import type { FromWorker, Slice, ToWorker, WorkerResult, WorkerSeat } from './messages.js';

export interface LoadOptions {
  seconds: number;
  warmupSeconds: number;
  sliceSeconds: number;
  drainSeconds: number;
  workers: number;
  keystrokeMs: number;
  readerAwarenessMs: number;
}

export interface LoadTarget {
  server: BenchServer;
  setup: RoomSetup;
}

export interface LoadResult {
  clients: number;
  typists: number;
  keystrokes: number;
  /** Keystrokes in the window that some client never received before the drain ended. */
  incomplete: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Server CPU seconds (user+sys) per second of measured load. */
  serverCpu: number;
  serverRssMb: number;
  /** Load-generator CPU seconds per second, all workers together. */
  generatorCpu: number;
  /** Interrupt/softirq time (mostly loopback networking), CPU seconds per second. */
  irqCpu: number;
  /** CPUs busy with anything else (other processes on the machine), in CPU seconds per second. */
  otherCpu: number;
  /** Share of all the machine's CPUs that was busy during the window. */
  machineBusy: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
  measuredSeconds: number;
  errors: string[];
}

const here = path.dirname(new URL(import.meta.url).pathname);

class Worker {
  readonly proc: ChildProcess;
  private waiters: Array<(m: FromWorker) => void> = [];
  constructor() {
    this.proc = fork(path.join(here, 'worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      cwd: path.resolve(here, '../..'),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (m: FromWorker) => this.waiters.shift()?.(m));
  }
  post(m: ToWorker): void {
    this.proc.send(m);
  }
  next(timeoutMs: number): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('load worker did not answer')), timeoutMs);
      this.waiters.push((m) => { clearTimeout(t); resolve(m); });
    });
  }
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - nowMs())));
const GAP_MS = 300;

/** A warm-up slice per target, then measured slices in rotating order. */
export function schedule(targets: number, opts: LoadOptions, t0: number): Slice[] {
  const slices: Slice[] = [];
  let t = t0;
  const add = (target: number, seconds: number, measured: boolean) => {
    slices.push({ target, start: t, end: t + seconds * 1000, measured });
    t += seconds * 1000 + GAP_MS;
  };
  for (let i = 0; i < targets; i++) add(i, opts.warmupSeconds, false);
  const rounds = Math.max(1, Math.ceil(opts.seconds / opts.sliceSeconds));
  for (let r = 0; r < rounds; r++) {
    const len = Math.min(opts.sliceSeconds, opts.seconds - r * opts.sliceSeconds);
    for (let k = 0; k < targets; k++) add((k + r) % targets, len, true);
  }
  return slices;
}

export async function runLoad(targets: LoadTarget[], seed: Uint8Array, opts: LoadOptions, log: (l: string) => void): Promise<LoadResult[]> {
  const seats = targets.map(({ setup }) => {
    let ti = 0;
    return setup.seats.map((s): WorkerSeat => ({ ...s, typistIndex: s.typist ? ti++ : -1 }));
  });
  const workers = Array.from({ length: opts.workers }, () => new Worker());
  try {
    const connectStart = nowMs();
    for (const [w, worker] of workers.entries()) {
      worker.post({
        type: 'init',
        targets: targets.map((t, i) => ({ seats: seats[i].filter((_, k) => k % opts.workers === w), serverSync: t.setup.serverSync })),
        seedUpdate: seed,
        keystrokeMs: opts.keystrokeMs,
        readerAwarenessMs: opts.readerAwarenessMs,
        typists: seats[0].filter((s) => s.typist).length,
      });
    }
    for (const m of await Promise.all(workers.map((w) => w.next(180_000)))) {
      if (m.type === 'failed') throw new Error(`load worker failed: ${m.error}`);
    }
    log(`  ${targets.length * seats[0].length} clients connected and synced in ${((nowMs() - connectStart) / 1000).toFixed(1)} s`);

    const slices = schedule(targets.length, opts, nowMs() + 1000);
    for (const w of workers) w.post({ type: 'start', slices });
    const cpu = targets.map(() => 0);
    const busy = targets.map(() => ({ busy: 0, total: 0, irq: 0 }));
    for (const s of slices) {
      await sleepUntil(s.start);
      const c0 = processCpuSeconds(targets[s.target].server.pid);
      const m0 = machineJiffies();
      await sleepUntil(s.end);
      if (!s.measured) continue;
      cpu[s.target] += processCpuSeconds(targets[s.target].server.pid) - c0;
      const m1 = machineJiffies();
      busy[s.target].busy += m1.busy - m0.busy;
      busy[s.target].total += m1.total - m0.total;
      busy[s.target].irq += m1.irq - m0.irq;
    }
    const rss = targets.map((t) => processRssMb(t.server.pid));
    await sleepUntil(slices[slices.length - 1].end + opts.drainSeconds * 1000);

    for (const w of workers) w.post({ type: 'collect' });
    const results = (await Promise.all(workers.map((w) => w.next(60_000)))) as WorkerResult[];
    const measured = slices.filter((s) => s.measured);
    return targets.map((target, i) => {
      const inWindow = (t: number) => measured.some((s) => s.target === i && t >= s.start && t < s.end);
      const secs = measured.filter((s) => s.target === i).reduce((a, s) => a + (s.end - s.start) / 1000, 0);
      const expected = target.setup.seats.length - 1;
      const arrivals = new Map<number, [number, number]>();
      for (const r of results) {
        for (const [id, [at, n]] of r.targets[i].arrivals) {
          const a = arrivals.get(id);
          if (!a) arrivals.set(id, [at, n]);
          else { a[0] = Math.max(a[0], at); a[1] += n; }
        }
      }
      const latencies: number[] = [];
      const timeline: Array<[number, number]> = [];
      let incomplete = 0;
      for (const r of results) {
        for (const [id, sent] of r.targets[i].sends) {
          if (!inWindow(sent)) continue;
          const a = arrivals.get(id);
          if (!a || a[1] < expected) incomplete++;
          else {
            latencies.push(a[0] - sent);
            timeline.push([Math.round(sent - slices[0].start), Math.round((a[0] - sent) * 100) / 100]);
          }
        }
      }
      latencies.sort((a, b) => a - b);
      if (process.env.BENCH_TIMELINE) {
        timeline.sort((a, b) => a[0] - b[0]);
        fs.mkdirSync(process.env.BENCH_TIMELINE, { recursive: true });
        fs.writeFileSync(path.join(process.env.BENCH_TIMELINE, `timeline-${target.server.name}.json`), JSON.stringify(timeline));
      }
      const generatorCpu = results.reduce((a, r) => a + r.targets[i].cpuMicros, 0) / 1e6 / secs;
      const machineBusy = busy[i].busy / Math.max(1, busy[i].total);
      const irqCpu = (busy[i].irq / Math.max(1, busy[i].total)) * cpuCount;
      return {
        clients: target.setup.seats.length,
        typists: seats[i].filter((s) => s.typist).length,
        keystrokes: latencies.length + incomplete,
        incomplete,
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1] ?? NaN,
        mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
        serverCpu: cpu[i] / secs,
        serverRssMb: rss[i],
        generatorCpu,
        irqCpu,
        otherCpu: Math.max(0, machineBusy * cpuCount - cpu[i] / secs - generatorCpu - irqCpu),
        machineBusy,
        messagesPerSecond: results.reduce((a, r) => a + r.targets[i].messages, 0) / secs,
        bytesPerSecond: results.reduce((a, r) => a + r.targets[i].bytes, 0) / secs,
        measuredSeconds: secs,
        errors: results.flatMap((r) => r.targets[i].errors).slice(0, 20),
      };
    });
  } finally {
    for (const w of workers) {
      try { w.post({ type: 'close' }); } catch { /* already gone */ }
    }
    await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
      if (w.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => { w.proc.kill('SIGKILL'); resolve(); }, 3000);
      w.proc.once('exit', () => { clearTimeout(t); resolve(); });
    })));
  }
}
