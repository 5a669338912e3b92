import type { TextMeta } from '@accord/shared';
import type { VersionSnapshot } from '@accord/shared/diff/index';
import { apiFetch } from '../api/http';

/** docs/api.md `GET /api/sessions/:id/text`: one version with its meta and date. */
export interface VersionText {
  label: string;
  date: string;
  at: string;
  meta: TextMeta;
  snapshot: VersionSnapshot;
}

export function fetchVersionText(sessionId: string, version: string, token: string): Promise<VersionText> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/text?${new URLSearchParams({ version }).toString()}`, token);
}

/** `/s/:id/print`, with `?version=` unless it is the live text. */
export function printPath(sessionId: string, version = 'live'): string {
  const base = `/s/${encodeURIComponent(sessionId)}/print`;
  return version === 'live' ? base : `${base}?${new URLSearchParams({ version }).toString()}`;
}
