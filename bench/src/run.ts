// `pnpm bench`: runs every bench in `benches`, prints tables, writes results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config } from './config.js';
import { cpuCount } from './cpu.js';
import { keystrokeBench, keystrokeWritersBench } from './benches/keystroke.js';
import { treatyOpenBench } from './benches/treaty-open.js';
import { compareBench } from './benches/compare.js';
import { compareRestBench } from './benches/compare-rest.js';
import { historyStorageBench } from './benches/history-storage.js';
import { commandsBench } from './benches/commands.js';
import { editorKeystrokeBench } from './benches/editor-keystroke.js';
import { revisionReferencesBench } from './benches/revision-references.js';
import type { Bench, Target } from './benches/types.js';
import { fmt, table } from './report.js';
import { serverStartBench } from './benches/server-start.js';

/** Add a bench here. */
export const benches: Bench[] = [keystrokeBench, keystrokeWritersBench, treatyOpenBench, compareBench, compareRestBench, historyStorageBench, commandsBench, editorKeystrokeBench, serverStartBench, revisionReferencesBench];

const resultsDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../results');

async function main(): Promise<void> {
  const selected = config.benches.length ? benches.filter((b) => config.benches.includes(b.name)) : benches;
  const results: Record<string, unknown> = {};
  const log = (l: string) => console.log(l);
  const targets: Array<Target & { bench: string }> = [];
  for (const bench of selected) {
    console.log(`\n== ${bench.title} (${bench.name})`);
    const why = await bench.unavailable();
    if (why) {
      console.log(`  skipped: ${why}`);
      results[bench.name] = { skipped: why };
      continue;
    }
    const started = Date.now();
    try {
      const out = await bench.run(config, log);
      results[bench.name] = out.json;
      for (const t of out.targets ?? []) targets.push({ bench: bench.name, ...t });
      console.log('\n' + out.text);
    } catch (e) {
      const msg = e instanceof Error ? e.stack ?? e.message : String(e);
      console.log(`  FAILED: ${msg}`);
      results[bench.name] = { failed: msg };
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  if (targets.length) {
    console.log('\n== Targets (the issues\' bars beside what this run measured)\n');
    console.log(table(['bench', 'target', 'measured', 'bar', ''], targets.map((t) => [
      t.bench, t.what, t.measured === null ? '–' : `${t.measured < 0.1 ? t.measured.toPrecision(2) : fmt(t.measured)} ${t.unit}`, `≤ ${t.limit} ${t.unit}`, t.measured === null ? 'not measured' : t.measured <= t.limit ? 'met' : 'MISSED',
    ])));
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'latest.json');
  fs.writeFileSync(file, JSON.stringify({
    date: new Date().toISOString(),
    machine: { cpus: cpuCount, model: os.cpus()[0]?.model, node: process.version, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
    config,
    results,
    targets,
  }, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
