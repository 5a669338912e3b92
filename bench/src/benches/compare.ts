// Compare two revisions of a treaty-sized text with shared/'s diff: median of N runs, per language.
import fs from 'node:fs';
import path from 'node:path';
import { nowMs } from '../protocol.js';
import { table } from '../report.js';
import { median, round } from '../stats.js';
import { atMost, type Bench, type Target } from './types.js';

const diffIndex = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/src/diff/index.ts');
const TARGET_MS = 200;

export const compareBench: Bench = {
  name: 'compare',
  title: 'Compare two revisions of a treaty-sized text',
  async unavailable() {
    return fs.existsSync(diffIndex) ? null : 'shared/src/diff does not exist yet';
  },
  async run(config, log) {
    const { generateTreatyText, compareVersions } = await import('@accord/shared/diff/index');
    const langs: Array<'en' | 'zh'> = ['en', 'zh'];
    const json: Record<string, unknown> = {};
    const rows: Array<Array<string | number>> = [];
    const targets: Target[] = [];
    for (const language of langs) {
      const { a, b } = generateTreatyText(1, { language, chars: 1_000_000 });
      const times: number[] = [];
      let stats: unknown = null;
      compareVersions(a, b); // warm-up: JIT, Intl.Segmenter data
      for (let i = 0; i < config.compareRuns; i++) {
        const t = nowMs();
        const c = compareVersions(a, b);
        times.push(nowMs() - t);
        stats = c.stats;
      }
      const med = round(median(times));
      json[language] = { medianMs: med, minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)), runs: times.map((t) => round(t)), stats, targetMs: TARGET_MS };
      targets.push(atMost(`compare two 1 M revisions (${language})`, med, TARGET_MS));
      rows.push([language, med, Math.min(...times), Math.max(...times), `≤ ${TARGET_MS}`, med <= TARGET_MS ? 'met' : 'MISSED']);
      log(`  ${language}: median ${med} ms over ${config.compareRuns} runs`);
    }
    return {
      json,
      targets,
      text: table(['language', 'median ms', 'min ms', 'max ms', 'target', ''], rows) +
        `\ngenerateTreatyText(1, {chars: 1e6}) Rev.1 vs Rev.2, compareVersions in this process, after one warm-up run`,
    };
  },
};
