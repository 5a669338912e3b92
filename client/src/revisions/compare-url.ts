import { i18next } from '../i18n';
import { formatUtc } from '../i18n/format';
import type { CompareQuery, HistoryPoint, Revision } from './revisions-api';

export type CompareView = 'inline' | 'side-by-side';

export interface CompareState extends CompareQuery {
  view: CompareView;
}

const VERSION = /^(live|rev:[A-Za-z0-9_-]+|history:[A-Za-z0-9_-]+)$/;

export function isVersionRef(v: string | null): v is string {
  return v !== null && VERSION.test(v);
}

/** `/s/<id>/compare?from=rev:…&to=live&view=inline[&hideFormatting=1]`: the shareable address. */
export function comparePath(sessionId: string, s: CompareState): string {
  const p = new URLSearchParams({ from: s.from, to: s.to, view: s.view });
  if (s.hideFormatting) p.set('hideFormatting', '1');
  return `/s/${encodeURIComponent(sessionId)}/compare?${p.toString()}`;
}

/** Reads the compare page's query; a missing or malformed `from` stays null so the page can pick one. */
export function parseCompareSearch(search: string): Omit<CompareState, 'from'> & { from: string | null } {
  const p = new URLSearchParams(search);
  const from = p.get('from');
  const to = p.get('to');
  return {
    from: isVersionRef(from) ? from : null,
    to: isVersionRef(to) ? to : 'live',
    view: p.get('view') === 'side-by-side' ? 'side-by-side' : 'inline',
    hideFormatting: p.get('hideFormatting') === '1' || p.get('hideFormatting') === 'true',
  };
}

/** "Rev.3" after Rev.1 and Rev.2; skips past any label already taken. */
export function nextRevisionLabel(revisions: Pick<Revision, 'label'>[]): string {
  const taken = new Set(revisions.map((r) => r.label.trim()));
  let n = revisions.length + 1;
  while (taken.has(`Rev.${n}`)) n++;
  return `Rev.${n}`;
}

/** UN documents date revisions as "3 August 2024". */
export function documentDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const REASONS = new Set(['decision', 'editing', 'before-restore', 'before-revision']);

export function historyReason(reason: string): string {
  return REASONS.has(reason) ? i18next.t(`history.reason.${reason}`) : reason;
}

/** "23 Nov 2026, 14:05 UTC": history points are shown in UTC like the server labels them. */
export function historyTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return formatUtc(d);
}

export interface VersionOption {
  ref: string;
  label: string;
  group: 'live' | 'revision' | 'history';
}

/** Everything a comparison can start or end at: the live text, revisions (newest first), history points. */
export function versionOptions(revisions: Revision[], history: HistoryPoint[]): VersionOption[] {
  return [
    { ref: 'live', label: i18next.t('versions.live'), group: 'live' },
    ...[...revisions].reverse().map((r): VersionOption => ({ ref: `rev:${r.id}`, label: r.date ? `${r.label} (${r.date})` : r.label, group: 'revision' })),
    ...history.map((h): VersionOption => ({ ref: `history:${h.id}`, label: `${historyTime(h.at)} · ${historyReason(h.reason)}`, group: 'history' })),
  ];
}

/** The natural question: what changed since the last revision (or between the last two)? */
export function defaultPair(revisions: Revision[]): { from: string; to: string } | null {
  const last = revisions.at(-1);
  return last ? { from: `rev:${last.id}`, to: 'live' } : null;
}
