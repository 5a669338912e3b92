// Every knob of `pnpm bench`, read once from the environment.
function num(name: string, dflt: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got ${v}`);
  return n;
}

function list(name: string, dflt: string[]): string[] {
  const v = process.env[name];
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : dflt;
}

export const config = {
  /** Measured seconds of typing per server (after the warm-up). */
  seconds: num('BENCH_SECONDS', 20),
  warmupSeconds: num('BENCH_WARMUP', 3),
  /** Typing rotates between the servers in slices this long (see load/run-load.ts). */
  sliceSeconds: num('BENCH_SLICE', 2),
  drainSeconds: num('BENCH_DRAIN', 3),
  workers: num('BENCH_WORKERS', 2),
  delegations: num('BENCH_DELEGATIONS', 193),
  observers: num('BENCH_OBSERVERS', 50),
  typists: num('BENCH_TYPISTS', 10),
  keystrokeMs: num('BENCH_KEYSTROKE_MS', 50),
  /** How often a non-typing client re-publishes its cursor (y-protocols renews every 15 s). */
  readerAwarenessMs: num('BENCH_READER_AWARENESS_MS', 15_000),
  servers: list('BENCH_SERVERS', ['accord', 'reference', 'relay']),
  benches: list('BENCH_ONLY', []),
  treatyEdits: num('BENCH_TREATY_EDITS', 100_000),
  treatyRuns: num('BENCH_TREATY_RUNS', 5),
  compareRuns: num('BENCH_COMPARE_RUNS', 10),
  /** 3-minute intervals of editing in the history-storage bench (160 = an 8-hour day). */
  historyIntervals: num('BENCH_HISTORY_INTERVALS', 160),
};

export type Config = typeof config;
