import { interfaceLocale } from '.';

/** English is the UN's British English: "23 Nov 2026, 14:05". */
const intlLocale = () => (interfaceLocale() === 'en' ? 'en-GB' : interfaceLocale());

/**
 * Dates, times and numbers in the interface language, through Intl (Arabic digits and order,
 * Chinese date forms…), in the reader's own time zone.
 */
export function formatTime(at: number | Date): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit' }).format(at);
}

export function formatDateTime(at: number | Date | string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

export function formatDate(at: number | Date | string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(new Date(at));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}

/** "23 Nov 2026, 14:05 UTC": history points are shown in UTC, as the server labels them. */
export function formatUtc(at: number | Date | string): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(at));
}
