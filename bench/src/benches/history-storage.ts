// A negotiating day of automatic history on a ≈1.1 M-character text: how many bytes the points
// take stored as changes (server/src/revisions/history-changes.ts) against full gzipped copies,
// and how long reading the newest point takes. In process, with the server's HistoryRecorder,
// a memory storage and a simulated clock (points at the recorder's 3-minute cadence).
import fs from 'node:fs';
import path from 'node:path';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { nowMs } from '../protocol.js';
import { table } from '../report.js';
import { round } from '../stats.js';
import { atMost, type Bench } from './types.js';

const changes = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../server/src/revisions/history-changes.ts');
const TARGET_RATIO = 0.1;
const MINUTE = 60_000;

function textsOf(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (n: Y.XmlElement | Y.XmlFragment) => {
    for (const c of n.toArray()) {
      if (c instanceof Y.XmlText) out.push(c);
      else if (c instanceof Y.XmlElement) walk(c);
    }
  };
  walk(doc.getXmlFragment('body'));
  return out;
}

export const historyStorageBench: Bench = {
  name: 'history-storage',
  title: 'A day of automatic history on a treaty-sized text: changes vs full copies',
  async unavailable() {
    return fs.existsSync(changes) ? null : 'server/src/revisions/history-changes.ts does not exist yet';
  },
  async run(config, log) {
    const { generateTreatyText } = await import('@accord/shared/diff/index');
    const { schema } = await import('@accord/shared');
    const { initialUpdate } = await import('../../../server/src/sessions/document-state.js');
    const { HistoryRecorder } = await import('../../../server/src/revisions/history-recorder.js');
    const { historyPointUpdates, packHistoryState } = await import('../../../server/src/revisions/history-state.js');
    const { createMemoryStorage } = await import('../../../server/src/storage/memory-storage.js');

    const { a } = generateTreatyText(1, { language: 'en', chars: 1_100_000 });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialUpdate(schema.nodeFromJSON(a.doc), { symbol: 'A/AC.291/L.15', title: 'Treaty', language: 'en', revisionLabel: '' }));
    const texts = textsOf(doc);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const storage = createMemoryStorage();
    let now = Date.parse('2026-03-02T08:00:00.000Z');
    const recorder = new HistoryRecorder({ storage, now: () => now });
    const gen = prng.create(11);

    // 8 hours, a point every 3 minutes (the recorder's cadence while edits keep coming), 60 small
    // edits per interval (words typed, a few characters deleted, a proposal record written), and a
    // decision every 4th interval, which takes a point of its own.
    const intervals = config.historyIntervals;
    const editsPerInterval = 60;
    let fullBytes = 0;
    let points = 0;
    const recordMs: number[] = [];
    const take = async (reason: 'editing' | 'decision') => {
      const t = nowMs();
      const p = recorder.record('s', doc, reason);
      recordMs.push(nowMs() - t);
      await p;
      fullBytes += (await packHistoryState(Y.encodeStateAsUpdate(doc))).length;
      points++;
    };
    for (let i = 0; i < intervals; i++) {
      for (let e = 0; e < editsPerInterval; e++) {
        const t = texts[prng.uint32(gen, 0, texts.length - 1)];
        doc.transact(() => {
          if (prng.uint32(gen, 0, 9) === 0 && t.length > 10) t.delete(prng.uint32(gen, 0, t.length - 6), prng.uint32(gen, 1, 5));
          else t.insert(prng.uint32(gen, 0, t.length), ` ${prng.word(gen, 2, 9)}`);
        });
        if (e % 10 === 0) doc.getMap('proposals').set(`bench-${i}-${e}`, { kind: 'insert', text: prng.word(gen, 5, 40), sponsors: ['EU'] });
      }
      now += 3 * MINUTE;
      await take('editing');
      if (i % 4 === 3) {
        doc.getArray('decisions').push([{ at: now, by: 'Chair', action: 'accept' }]);
        await take('decision');
      }
      if (i % 40 === 0) log(`  ${i}/${intervals} intervals, ${points} points`);
    }
    await recorder.flushed();
    const stored = await storage.listHistory('s');
    let changeBytes = 0;
    for (const p of stored) changeBytes += (await storage.getHistoryPoint('s', p.id))!.state.length;
    const checkpoints = stored.filter((p) => p.base === undefined).length;
    const ratio = changeBytes / fullBytes;

    // Reading the newest point: its checkpoint and every change since, applied to a fresh Y.Doc.
    const newest = (await storage.getHistoryPoint('s', stored[stored.length - 1].id))!;
    const t0 = nowMs();
    const chain = await historyPointUpdates(storage, newest);
    const rebuilt = new Y.Doc();
    rebuilt.transact(() => {
      for (const u of chain) Y.applyUpdate(rebuilt, u);
    });
    const readMs = nowMs() - t0;
    const exact = rebuilt.getXmlFragment('body').toString() === doc.getXmlFragment('body').toString();
    const recordSorted = [...recordMs].sort((x, y) => x - y);
    const json = {
      characters: chars, points, checkpoints, fullCopiesBytes: fullBytes, changesBytes: changeBytes, ratio: round(ratio, 4), targetRatio: TARGET_RATIO,
      readNewestMs: round(readMs), chainLength: chain.length, exact, recordMedianMs: round(recordSorted[recordSorted.length >> 1]), recordMaxMs: round(recordSorted[recordSorted.length - 1]),
    };
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    return {
      json,
      targets: [atMost('history points: changes / full copies, a day on the 1.1 M text', ratio, TARGET_RATIO, '×')],
      text: table(['', 'value', 'target', ''], [
        ['full copies (gzip)', kb(fullBytes), '', ''],
        ['changes (stored)', kb(changeBytes), '', ''],
        ['ratio', ratio.toFixed(4), `≤ ${TARGET_RATIO}`, ratio <= TARGET_RATIO ? 'met' : 'MISSED'],
        ['read newest point ms', round(readMs), '', `${chain.length} updates, ${exact ? 'exact' : 'NOT EXACT'}`],
        ['record ms (median / max)', `${json.recordMedianMs} / ${json.recordMaxMs}`, '', 'on the event loop'],
      ]) + `\n${chars.toLocaleString('en-US')} characters, ${points} points (${checkpoints} checkpoints) over ${intervals} intervals of 3 min, ${editsPerInterval} edits each`,
    };
  },
};
