import type { Config } from '../config.js';

export interface BenchOutput {
  /** Goes into results/latest.json under the bench's name. */
  json: unknown;
  /** Printed to the console. */
  text: string;
}

export interface Bench {
  name: string;
  title: string;
  /** Why it cannot run in this checkout, or null. */
  unavailable(): Promise<string | null>;
  run(config: Config, log: (line: string) => void): Promise<BenchOutput>;
}
