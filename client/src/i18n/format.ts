import { interfaceLocale } from '.';

/**
 * Dates, times and numbers in the interface language, through Intl (Arabic digits and order,
 * Chinese date forms…), in the reader's own time zone.
 */
export function formatTime(at: number | Date): string {
  return new Intl.DateTimeFormat(interfaceLocale(), { hour: '2-digit', minute: '2-digit' }).format(at);
}

export function formatDateTime(at: number | Date | string): string {
  return new Intl.DateTimeFormat(interfaceLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

export function formatDate(at: number | Date | string): string {
  return new Intl.DateTimeFormat(interfaceLocale(), { dateStyle: 'medium' }).format(new Date(at));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(interfaceLocale()).format(n);
}
