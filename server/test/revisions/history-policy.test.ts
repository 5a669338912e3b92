import { describe, expect, it } from 'vitest';
import { historyToThin, KEEP_ALL_MS } from '../../src/revisions/history-policy.js';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-08-20T12:00:00.000Z');
const at = (msAgo: number) => new Date(now - msAgo).toISOString();

describe('history retention', () => {
  it('keeps every point of the last 7 days', () => {
    const points = Array.from({ length: 50 }, (_, i) => ({ id: `h${i}`, at: at(KEEP_ALL_MS - 1 - i * 1000) }));
    expect(historyToThin(points, now)).toEqual([]);
  });

  it('keeps only the last point of each older UTC day', () => {
    const points = [
      { id: 'old1', at: '2026-08-01T08:00:00.000Z' },
      { id: 'old2', at: '2026-08-01T09:30:00.000Z' },
      { id: 'old3', at: '2026-08-01T23:59:00.000Z' },
      { id: 'mid1', at: '2026-08-05T10:00:00.000Z' },
      { id: 'mid2', at: '2026-08-05T11:00:00.000Z' },
      { id: 'lone', at: '2026-08-10T11:00:00.000Z' },
      { id: 'new1', at: at(DAY) },
      { id: 'new2', at: at(DAY - 1) },
    ];
    expect(historyToThin(points, now)).toEqual(['old1', 'old2', 'mid1']);
  });

  it('a point exactly at the cutoff is kept; the window is configurable', () => {
    expect(historyToThin([{ id: 'a', at: at(KEEP_ALL_MS) }, { id: 'b', at: at(KEEP_ALL_MS) }], now)).toEqual([]);
    expect(historyToThin([{ id: 'a', at: at(2 * 60_000) }, { id: 'b', at: at(60_000) }], now, 30_000)).toEqual(['a']);
  });
});
