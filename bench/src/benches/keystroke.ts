// Keystroke → visible on every other client, under a full negotiating room, for each server.
import { seedDraftUpdate } from '../documents.js';
import { runLoad, type LoadResult, type LoadTarget } from '../load/run-load.js';
import type { RoomSetup } from '../servers/types.js';
import { table } from '../report.js';
import { selectServers } from '../servers/index.js';
import { uploadUpdate } from '../sync-client.js';
import { round } from '../stats.js';
import { atMost, type Bench } from './types.js';

interface ServerRun extends LoadResult {
  label: string;
}

const TARGETS = {
  p50VsReference: 1.0,
  p99VsReference: 1.0,
  cpuVsReference: 1.0,
  p50VsRelay: 1.05,
};

/** The room as negotiated: typists on secretariat tokens, delegations, observers (read-only). */
export const keystrokeBench = keystrokeScenario('keystroke', 'Keystroke → visible on every other client', false);
/**
 * The same room with every client on a writer token (chair/secretariat): Accord then treats every
 * connection as a writer (the case an independent y-websocket harness measures).
 */
export const keystrokeWritersBench = keystrokeScenario(
  'keystroke-writers', 'Keystroke → visible on every other client, all clients on writer tokens', true,
);

function keystrokeScenario(name: string, title: string, writers: boolean): Bench {
  return {
    name,
    title,
    unavailable: async () => null,
    async run(config, log) {
      const seed = seedDraftUpdate();
      const runs: Record<string, ServerRun> = {};
      const skipped: Record<string, string> = {};
      const targets: LoadTarget[] = [];
      const factories = selectServers(config.servers);
      try {
        for (const factory of factories) {
          const why = factory.unavailable();
          if (why) {
            skipped[factory.name] = why;
            log(`  ${factory.name}: skipped (${why})`);
            continue;
          }
          const server = await factory.start();
          targets.push({ server, setup: null as unknown as RoomSetup });
          const setup = await server.createRoom({
            title: 'Keystroke bench', typists: config.typists, delegations: config.delegations, observers: config.observers, writers,
          });
          targets[targets.length - 1].setup = setup;
          if (setup.serverSync) await uploadUpdate(setup.writerUrl, seed);
          log(`  ${factory.name}: started (pid ${server.pid}), room of ${setup.seats.length} ready${writers ? ', every seat on a writer token' : ''}`);
        }
        log(`  ${config.typists} typists each type every ${config.keystrokeMs} ms: ${config.warmupSeconds} s warm-up per server, ` +
          `then ${config.seconds} s per server in ${config.sliceSeconds} s slices, rotating between servers`);
        const results = await runLoad(targets, seed, config, log);
        for (const [i, r] of results.entries()) {
          const name = targets[i].server.name;
          runs[name] = { label: factories.find((f) => f.name === name)!.label, ...r };
          log(`  ${name}: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, cpu ${r.serverCpu.toFixed(3)} s/s` +
            (r.incomplete ? `, ${r.incomplete} keystrokes not seen by everyone` : '') +
            (r.errors.length ? `, errors: ${r.errors.slice(0, 3).join('; ')}` : ''));
        }
      } finally {
        await Promise.all(targets.map((t) => t.server.stop()));
      }
      const a = runs.accord;
      const ref = runs.reference;
      const rel = runs.relay;
      const ratio = (x: number | undefined, y: number | undefined) => (x !== undefined && y !== undefined && y > 0 ? round(x / y, 3) : null);
      const ratios = {
        p50VsReference: ratio(a?.p50, ref?.p50),
        p99VsReference: ratio(a?.p99, ref?.p99),
        cpuVsReference: ratio(a?.serverCpu, ref?.serverCpu),
        p50VsRelay: ratio(a?.p50, rel?.p50),
      };
      const rows = Object.entries(runs).map(([name, r]) => [
        name, r.p50, r.p90, r.p99, r.max, r.serverCpu, r.serverRssMb, r.messagesPerSecond, r.bytesPerSecond / 1e6,
        r.keystrokes, r.incomplete, r.generatorCpu, r.irqCpu, r.otherCpu,
      ]);
      let text = table(
        ['server', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'cpu s/s', 'rss MB', 'msgs/s', 'MB/s', 'keys', 'lost', 'gen cpu', 'irq cpu', 'other cpu'],
        rows,
      );
      const ratioRows = (Object.keys(TARGETS) as Array<keyof typeof TARGETS>).map((k) => {
        const v = ratios[k];
        return [k, v === null ? '–' : v.toFixed(3), `≤ ${TARGETS[k].toFixed(2)}`, v === null ? '' : v <= TARGETS[k] ? 'met' : 'MISSED'];
      });
      const before = runs['accord-before'];
      if (before) {
        ratioRows.push(['before: p50VsReference', String(ratio(before.p50, ref?.p50) ?? '–'), '', '']);
        ratioRows.push(['before: p99VsReference', String(ratio(before.p99, ref?.p99) ?? '–'), '', '']);
        ratioRows.push(['before: cpuVsReference', String(ratio(before.serverCpu, ref?.serverCpu) ?? '–'), '', '']);
        ratioRows.push(['p50 after / before', String(ratio(a?.p50, before.p50) ?? '–'), '', '']);
      }
      text += '\n\n' + table(['Accord ratio', 'value', 'target', ''], ratioRows);
      for (const [n, why] of Object.entries(skipped)) text += `\n(${n} skipped: ${why})`;
      if (writers) text += '\nevery client on a writer token (Accord: chair/secretariat; the others have no roles)';
      text += `\nlatency = send → the last of ${(a ?? ref ?? rel)?.clients ?? '?'} - 1 other clients has the keystroke; cpu = server user+sys seconds per second of load; msgs/s and MB/s = received by all clients; gen cpu = load generator; irq = kernel interrupts (loopback network); other = everything else running on the machine meanwhile (all CPU s/s)`;
      return {
        targets: (Object.keys(TARGETS) as Array<keyof typeof TARGETS>).map((k) => atMost(`${k}${writers ? ' (all writers)' : ''}`, ratios[k], TARGETS[k], '×')),
        json: {
          servers: Object.fromEntries(Object.entries(runs).map(([n, r]) => [n, { ...r, cpu: r.serverCpu, messages: r.messagesPerSecond }])),
          skipped,
          ratios,
          targets: TARGETS,
        },
        text,
      };
    },
  };
}
