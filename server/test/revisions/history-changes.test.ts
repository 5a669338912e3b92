import { describe, expect, it } from 'vitest';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { subtractDeleteSet } from '../../src/revisions/history-changes.js';
import { HistoryRecorder } from '../../src/revisions/history-recorder.js';
import { historyPointUpdates, packHistoryState } from '../../src/revisions/history-state.js';
import { createMemoryStorage } from '../../src/storage/memory-storage.js';
import type { Storage } from '../../src/storage/storage.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Everything a point must give back: the body as XML and the side maps. */
function textOf(doc: Y.Doc): string {
  return JSON.stringify([doc.getXmlFragment('body').toString(), doc.getMap('proposals').toJSON(), doc.getMap('paragraphs').toJSON()]);
}

function rebuild(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

/** A text of `paragraphs` paragraphs of about `chars` characters each. */
function makeDoc(paragraphs: number, chars: number): Y.Doc {
  const doc = new Y.Doc();
  const gen = prng.create(1);
  doc.transact(() => {
    const body = doc.getXmlFragment('body');
    for (let i = 0; i < paragraphs; i++) {
      const el = new Y.XmlElement('operative');
      const t = new Y.XmlText();
      t.insert(0, prng.word(gen, chars, chars));
      el.insert(0, [t]);
      el.setAttribute('id', `p${i}`);
      body.insert(body.length, [el]);
    }
  });
  return doc;
}

/** A few small edits, as a negotiating room makes between two points: typing, deleting, records. */
function editALittle(doc: Y.Doc, gen: prng.PRNG, round: number): void {
  const body = doc.getXmlFragment('body');
  for (let e = 0; e < 6; e++) {
    const el = body.get(prng.uint32(gen, 0, body.length - 1)) as Y.XmlElement;
    const t = el.get(0) as Y.XmlText;
    doc.transact(() => {
      const kind = prng.uint32(gen, 0, 5);
      if (kind === 0 && t.length > 10) t.delete(prng.uint32(gen, 0, t.length - 6), prng.uint32(gen, 1, 5));
      else if (kind === 1) t.format(0, Math.min(3, t.length), { bold: true });
      else t.insert(prng.uint32(gen, 0, t.length), ` ${prng.word(gen, 2, 9)}`);
    });
  }
  doc.transact(() => {
    doc.getMap('proposals').set(`pr${round % 5}`, { round, text: prng.word(gen, 3, 20) });
    doc.getMap('paragraphs').set(`p${round % 7}`, { status: round % 2 ? 'open' : 'agreed' });
    if (round % 4 === 3) doc.getMap('proposals').delete(`pr${(round + 2) % 5}`);
  });
}

async function storedBytes(storage: Storage, docName: string): Promise<number> {
  let n = 0;
  for (const p of await storage.listHistory(docName)) n += (await storage.getHistoryPoint(docName, p.id))!.state.length;
  return n;
}

describe('history points as changes', () => {
  it('subtracts delete sets range by range', () => {
    const ds = (m: Record<number, Array<[number, number]>>) => {
      const s = Y.createDeleteSet();
      for (const [c, rs] of Object.entries(m)) s.clients.set(Number(c), rs.map(([clock, len]) => ({ clock, len })) as never);
      return s;
    };
    const out = subtractDeleteSet(ds({ 1: [[0, 10], [20, 5]], 2: [[3, 2]], 3: [[0, 4]] }), ds({ 1: [[2, 3], [8, 2], [20, 5]], 3: [[0, 4]] }));
    expect(Object.fromEntries([...out.clients].map(([c, rs]) => [c, rs.map((r) => [r.clock, r.len])]))).toEqual({ 1: [[0, 2], [5, 3]], 2: [[3, 2]] });
  });

  it('N points after small edits store far less than N full copies, and each point gives back its exact text', async () => {
    const storage = createMemoryStorage();
    let now = Date.parse('2026-03-02T08:00:00.000Z');
    const recorder = new HistoryRecorder({ storage, now: () => now });
    const doc = makeDoc(300, 400); // 120 k characters
    const gen = prng.create(7);
    const expected = new Map<string, string>();
    let fullCopies = 0;
    const N = 40;
    for (let round = 0; round < N; round++) {
      if (round) editALittle(doc, gen, round);
      now += 3 * MINUTE;
      const p = await recorder.record('s', doc, 'editing');
      expected.set(p!.id, textOf(doc));
      fullCopies += (await packHistoryState(Y.encodeStateAsUpdate(doc))).length;
    }
    const changes = await storedBytes(storage, 's');
    const ratio = changes / fullCopies;
    console.log(`history of ${N} points on a ${doc.getXmlFragment('body').toString().length}-character body: full copies ${fullCopies} B, changes ${changes} B, ratio ${ratio.toFixed(4)}`);
    expect(ratio).toBeLessThan(0.1);
    const points = await storage.listHistory('s');
    expect(points.filter((p) => p.base === undefined)).toHaveLength(1);
    for (const p of points) {
      const rebuilt = rebuild(await historyPointUpdates(storage, (await storage.getHistoryPoint('s', p.id))!));
      expect(textOf(rebuilt), p.id).toBe(expected.get(p.id));
    }
  });

  it('takes a checkpoint every checkpointEvery points, and a point after deletions only is not skipped', async () => {
    const storage = createMemoryStorage();
    const recorder = new HistoryRecorder({ storage, checkpointEvery: 4 });
    const doc = makeDoc(20, 200);
    const gen = prng.create(3);
    const expected: string[] = [];
    for (let round = 0; round < 10; round++) {
      editALittle(doc, gen, round);
      await recorder.record('s', doc, 'editing', { skipIfUnchanged: true });
      expected.push(textOf(doc));
    }
    const t = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.delete(0, 3); // no new structs: the state vector stays the same
    expect(await recorder.record('s', doc, 'editing', { skipIfUnchanged: true })).not.toBeNull();
    expect(await recorder.record('s', doc, 'editing', { skipIfUnchanged: true })).toBeNull();
    expected.push(textOf(doc));
    const points = await storage.listHistory('s');
    expect(points.map((p) => (p.base === undefined ? 'C' : 'c')).join('')).toBe('CcccCcccCcc');
    for (const [i, p] of points.entries()) {
      expect(textOf(rebuild(await historyPointUpdates(storage, (await storage.getHistoryPoint('s', p.id))!)))).toBe(expected[i]);
    }
  });

  it('thinning folds each dropped point into the one that depends on it', async () => {
    const storage = createMemoryStorage();
    let now = Date.parse('2026-03-01T08:00:00.000Z');
    const recorder = new HistoryRecorder({ storage, now: () => now, keepAllMs: 7 * DAY });
    const doc = makeDoc(30, 200);
    const gen = prng.create(5);
    const expected = new Map<string, string>();
    for (let day = 0; day < 3; day++) {
      for (let i = 0; i < 5; i++) {
        editALittle(doc, gen, day * 5 + i);
        now += 60 * MINUTE;
        expected.set((await recorder.record('s', doc, 'editing'))!.id, textOf(doc));
      }
      now += DAY - 5 * 60 * MINUTE;
    }
    expect(await storage.listHistory('s')).toHaveLength(15);
    now += 8 * DAY; // every day is now older than the window: one point per day remains
    editALittle(doc, gen, 99);
    expected.set((await recorder.record('s', doc, 'editing'))!.id, textOf(doc));
    const kept = await storage.listHistory('s');
    expect(kept).toHaveLength(4);
    expect(kept[0].base).toBeUndefined();
    for (const p of kept) {
      expect(textOf(rebuild(await historyPointUpdates(storage, (await storage.getHistoryPoint('s', p.id))!))), p.at).toBe(expected.get(p.id));
    }
  });

  it('a change whose base failed to store carries the base along', async () => {
    const storage = createMemoryStorage();
    let fail = false;
    const recorder = new HistoryRecorder({
      storage: { ...storage, saveHistoryPoint: (p) => (fail ? Promise.reject(new Error('disk full (test)')) : storage.saveHistoryPoint(p)) },
    });
    const doc = makeDoc(10, 100);
    const gen = prng.create(9);
    await recorder.record('s', doc, 'editing');
    editALittle(doc, gen, 1);
    fail = true;
    await expect(recorder.record('s', doc, 'editing')).rejects.toThrow('disk full');
    fail = false;
    editALittle(doc, gen, 2);
    const last = await recorder.record('s', doc, 'editing');
    const points = await storage.listHistory('s');
    expect(points).toHaveLength(2);
    expect(points[1].base).toBe(points[0].id);
    expect(textOf(rebuild(await historyPointUpdates(storage, (await storage.getHistoryPoint('s', last!.id))!)))).toBe(textOf(doc));
  });
});
