/**
 * How much automatic history is kept: every point of the last `keepAllMs` (7 days by default),
 * and of older days only the last point of each UTC day. A busy negotiating day produces one
 * "editing" point per interval (≤ 20 an hour at 3 minutes) plus one per decision; after a week it
 * shrinks to one point a day, so storage grows with the number of days, not of edits.
 */
export const KEEP_ALL_MS = 7 * 24 * 60 * 60 * 1000;

/** Ids of the points to delete; `points` oldest first, `at` ISO 8601. */
export function historyToThin(points: ReadonlyArray<{ id: string; at: string }>, now: number, keepAllMs = KEEP_ALL_MS): string[] {
  const cutoff = now - keepAllMs;
  const lastOfDay = new Map<string, string>();
  for (const p of points) if (Date.parse(p.at) < cutoff) lastOfDay.set(p.at.slice(0, 10), p.id);
  const keep = new Set(lastOfDay.values());
  return points.filter((p) => Date.parse(p.at) < cutoff && !keep.has(p.id)).map((p) => p.id);
}
