import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HistoryRecorder } from '../../src/revisions/history-recorder.js';
import { unpackHistoryState } from '../../src/revisions/history-state.js';
import { createMemoryStorage } from '../../src/storage/memory-storage.js';

const DAY = 24 * 60 * 60 * 1000;

describe('HistoryRecorder', () => {
  it('thins points older than the window to one per day whenever it stores a point', async () => {
    const storage = createMemoryStorage();
    const now = Date.parse('2026-08-20T12:00:00.000Z');
    for (const [id, at] of [['a', '2026-08-01T08:00:00.000Z'], ['b', '2026-08-01T18:00:00.000Z'], ['c', '2026-08-19T08:00:00.000Z'], ['d', '2026-08-19T09:00:00.000Z']]) {
      await storage.saveHistoryPoint({ id, docName: 's', at, reason: 'editing', state: new Uint8Array([0, 0]) });
    }
    const recorder = new HistoryRecorder({ storage, now: () => now, keepAllMs: 7 * DAY });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    const p = await recorder.record('s', doc, 'before-restore');
    expect(p).toMatchObject({ docName: 's', at: new Date(now).toISOString(), reason: 'before-restore' });
    expect((await storage.listHistory('s')).map((x) => x.id)).toEqual(['b', 'c', 'd', p!.id]);
    const stored = await storage.getHistoryPoint('s', p!.id);
    const copy = new Y.Doc();
    expect(stored!.state.slice(0, 2)).toEqual(new Uint8Array([0x1f, 0x8b])); // gzip
    Y.applyUpdate(copy, await unpackHistoryState(stored!.state));
    expect(copy.getText('t').toString()).toBe('x');
  });

  it('skips a point identical to the last one only when asked to', async () => {
    const storage = createMemoryStorage();
    const recorder = new HistoryRecorder({ storage });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    expect(await recorder.record('s', doc, 'editing', { skipIfUnchanged: true })).not.toBeNull();
    expect(await recorder.record('s', doc, 'editing', { skipIfUnchanged: true })).toBeNull();
    expect(await recorder.record('s', doc, 'before-restore')).not.toBeNull();
    doc.getText('t').insert(0, 'y');
    expect(await recorder.record('s', doc, 'editing', { skipIfUnchanged: true })).not.toBeNull();
    expect((await storage.listHistory('s')).map((x) => x.reason)).toEqual(['editing', 'before-restore', 'editing']);
  });

  it('a failed write rejects that point and does not block the next one', async () => {
    const storage = createMemoryStorage();
    let fail = true;
    const recorder = new HistoryRecorder({
      storage: { ...storage, saveHistoryPoint: (p) => (fail ? Promise.reject(new Error('disk full (test)')) : storage.saveHistoryPoint(p)) },
    });
    const doc = new Y.Doc();
    await expect(recorder.record('s', doc, 'decision')).rejects.toThrow('disk full');
    fail = false;
    await expect(recorder.record('s', doc, 'decision')).resolves.toMatchObject({ reason: 'decision' });
    expect(await storage.listHistory('s')).toHaveLength(1);
  });
});
