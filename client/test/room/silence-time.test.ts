import { describe, expect, it } from 'vitest';
import { formatDeadline, isoWithOffset, wallTime, zonedToEpoch, zoneOffsetMinutes } from '../../src/room/silence-time';

describe('silence deadlines across time zones (Intl)', () => {
  it('a wall time in a zone names one instant, daylight saving included', () => {
    // 18:00 in New York: UTC−5 in December, UTC−4 in July.
    expect(zonedToEpoch('2026-12-05', '18:00', 'America/New_York')).toBe(Date.UTC(2026, 11, 5, 23, 0));
    expect(zonedToEpoch('2026-07-05', '18:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 5, 22, 0));
    expect(zonedToEpoch('2026-12-05', '18:00', 'Asia/Kolkata')).toBe(Date.UTC(2026, 11, 5, 12, 30));
    expect(zonedToEpoch('2026-12-05', '18:00', 'UTC')).toBe(Date.UTC(2026, 11, 5, 18, 0));
    expect(zonedToEpoch('5/12/2026', '18:00', 'UTC')).toBeNull();
    expect(zonedToEpoch('2026-12-05', '6pm', 'UTC')).toBeNull();
  });

  it('writes the instant as ISO 8601 with the zone’s offset, and back to the dialog’s wall time', () => {
    const at = Date.UTC(2026, 11, 5, 23, 0);
    expect(isoWithOffset(at, 'America/New_York')).toBe('2026-12-05T18:00:00-05:00');
    expect(isoWithOffset(at, 'Asia/Kolkata')).toBe('2026-12-06T04:30:00+05:30');
    expect(Date.parse(isoWithOffset(at, 'Asia/Kolkata'))).toBe(at);
    expect(wallTime(at, 'Europe/Zurich')).toEqual({ date: '2026-12-06', time: '00:00' });
    expect(zoneOffsetMinutes(at, 'UTC')).toBe(0);
  });

  it('shows the deadline in the reader’s zone with the zone named', () => {
    const at = Date.UTC(2026, 11, 5, 23, 0);
    expect(formatDeadline(at, 'en', 'America/New_York')).toMatch(/Dec 5, 2026.*06:00\sPM EST|Dec 5, 2026.*6:00\sPM EST/);
    expect(formatDeadline(at, 'en', 'UTC')).toContain('UTC');
    expect(formatDeadline(at, 'fr', 'Europe/Paris')).toMatch(/6 déc\. 2026.*00:00.*UTC\+1/);
  });
});
