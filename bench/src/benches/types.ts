import type { Config } from '../config.js';

export interface BenchOutput {
  /** Goes into results/latest.json under the bench's name. */
  json: unknown;
  /** Printed to the console. */
  text: string;
  /** The targets this bench measures; `pnpm bench` ends with all of them in one table. */
  targets?: Target[];
}

export interface Target {
  what: string;
  measured: number | null;
  /** The measured value must be at most this. */
  limit: number;
  unit: string;
}

/** A target row; `measured` null when the run could not measure it (a server skipped). */
export function atMost(what: string, measured: number | null | undefined, limit: number, unit = 'ms'): Target {
  return { what, measured: measured ?? null, limit, unit };
}

export interface Bench {
  name: string;
  title: string;
  /** Why it cannot run in this checkout, or null. */
  unavailable(): Promise<string | null>;
  run(config: Config, log: (line: string) => void): Promise<BenchOutput>;
}
