import type { VersionText } from '@accord/shared/revisions/index';
import { apiFetch } from '../api/http';

export type { VersionText };

export function fetchVersionText(sessionId: string, version: string, token: string): Promise<VersionText> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/text?${new URLSearchParams({ version }).toString()}`, token);
}

/** `/s/:id/print`, with `?version=` unless it is the live text. */
export function printPath(sessionId: string, version = 'live'): string {
  const base = `/s/${encodeURIComponent(sessionId)}/print`;
  return version === 'live' ? base : `${base}?${new URLSearchParams({ version }).toString()}`;
}
