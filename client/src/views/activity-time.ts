const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];
/** Beyond this the date itself says more than "23 days ago". */
const RELATIVE_FOR_S = 7 * 24 * 60 * 60;

/**
 * When a text last changed, in the viewer's locale: relative while recent ("5 minutes ago",
 * "yesterday"), else the date; `full` is the exact date and time for a tooltip.
 */
export function activityTime(iso: string, now: number, locales?: string | readonly string[]): { shown: string; full: string } {
  const at = Date.parse(iso);
  const loc = locales as string | string[] | undefined;
  const full = new Intl.DateTimeFormat(loc, { dateStyle: 'full', timeStyle: 'short' }).format(at);
  const ago = Math.max(0, (now - at) / 1000);
  if (ago >= RELATIVE_FOR_S) return { shown: new Intl.DateTimeFormat(loc, { dateStyle: 'medium' }).format(at), full };
  const relative = new Intl.RelativeTimeFormat(loc, { numeric: 'auto' });
  if (ago < 60) return { shown: relative.format(0, 'second'), full };
  let unit = UNITS[0];
  for (const u of UNITS) if (ago >= u[1]) unit = u;
  return { shown: relative.format(-Math.round(ago / unit[1]), unit[0]), full };
}

/** The name of a document language in the viewer's locale ("Chinese", "中文"), else the code. */
export function languageName(code: string, locales?: string | readonly string[]): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames(locales as string | string[] | undefined, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
