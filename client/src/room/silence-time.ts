/*
 * Deadlines of the silence procedure across time zones, through Intl only: the chair sets a wall
 * time in a zone it chooses (its own by default); every participant reads the same instant in
 * their own zone, with the zone's name.
 */

/** The browser's own IANA time zone ("Europe/Zurich"). */
export function ownTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every time zone the browser knows, the given ones first if missing (old browsers list none). */
export function timeZones(must: readonly string[] = []): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const list = [...all];
  for (const z of [...must, 'UTC']) if (!list.includes(z)) list.unshift(z);
  return list;
}

/** The zone's offset from UTC at that instant, in minutes (New York in December: −300). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(epochMs);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall time ("2026-12-05", "18:00") names in a zone, or null if it is not a date.
 * Two passes find the offset in force at that moment (daylight saving changes it).
 */
export function zonedToEpoch(date: string, time: string, timeZone: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const asUtc = Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]);
  if (!Number.isFinite(asUtc)) return null;
  let guess = asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60_000;
  guess = asUtc - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return guess;
}

/** ISO 8601 with the zone's offset at that instant ("2026-12-05T18:00:00+01:00"): what silence.start takes. */
export function isoWithOffset(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(epochMs, timeZone);
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The wall date and time of an instant in a zone, as the dialog's inputs take them. */
export function wallTime(epochMs: number, timeZone: string): { date: string; time: string } {
  const iso = isoWithOffset(epochMs, timeZone);
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** "5 Dec 2026, 18:00 CET": the deadline in the reader's own zone (or the one given), in the interface language. */
export function formatDeadline(epochMs: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(epochMs);
}

/** "18:03 CET": when something happened, in the reader's own zone. */
export function formatClock(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(epochMs);
}
