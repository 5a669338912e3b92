import { apiFetch } from './http';
import type { Role } from './sessions';

export interface Participant {
  /** Stable participant id (what records and groups refer to). */
  id: string;
  role: Role;
  delegation: string;
  color: string;
  token: string;
  link: string;
}

export function listParticipants(sessionId: string, token: string): Promise<Participant[]> {
  return apiFetch<Participant[] | { participants: Participant[] }>(
    `/api/sessions/${encodeURIComponent(sessionId)}/participants`,
    token,
  ).then((r) => (Array.isArray(r) ? r : r.participants));
}

export function addParticipant(
  sessionId: string,
  input: { role: Role; delegation: string },
  token: string,
): Promise<{ participant: Participant; token: string; link: string }> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/participants`, token, {
    method: 'POST',
    body: JSON.stringify(input),
  });
}

/** The server may answer a relative link; the copy button must hand out an absolute one. */
export function absoluteLink(link: string): string {
  return new URL(link, window.location.origin).href;
}
