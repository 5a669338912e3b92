import { ApiError, apiFetch } from './http';
import type { KeyCheck } from './token-store';

export type Role = 'chair' | 'secretariat' | 'delegation' | 'observer';

export interface Session {
  id: string;
  title: string;
  symbol: string;
  language: string;
  seed: boolean;
  createdAt: string | number;
}

export interface Me {
  role: Role;
  /** The participant id (older servers: missing). */
  id?: string;
  delegation: string;
  color: string;
}

/** A session as GET /api/sessions lists it (docs/api.md). */
export interface ListedSession extends Session {
  chairToken?: string | null;
  /** '' before the first revision. */
  revisionLabel?: string;
  /** ISO 8601: the last change to the text. */
  lastActivity?: string;
  /** BR50 over the whole text (null: not counted yet). */
  openBrackets?: number | null;
  /** The viewer's role in this session. */
  role?: Role;
  /** Listed through the organiser key. */
  organiser?: boolean;
}

export interface CreatedSession {
  session: Session;
  chairToken: string;
  chairLink: string;
  /** What the import did not understand, each with its place ("OP2, at character 78 (…): …"). */
  warnings?: string[];
}

export function listSessions(token: string): Promise<ListedSession[]> {
  return apiFetch<ListedSession[] | { sessions: ListedSession[] }>('/api/sessions', token).then((r) =>
    Array.isArray(r) ? r : r.sessions,
  );
}

/** Asks the server whether `key` is the organiser key (it lists every session as `organiser`). */
export async function checkOrganiserKey(key: string): Promise<KeyCheck> {
  try {
    const list = await listSessions(key);
    // A participant's token lists its one session, not as the organiser.
    return list.every((s) => s.organiser === true) ? 'organiser' : 'not-organiser';
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return 'not-organiser';
    return 'unreachable';
  }
}

export function getSession(id: string, token: string): Promise<{ session: Session; me: Me }> {
  return apiFetch(`/api/sessions/${encodeURIComponent(id)}`, token);
}

export interface NewSession {
  title: string;
  text?: string;
  /** A Word file, base64. */
  docx?: string;
  symbol?: string;
  language?: string;
}

export function createSession(input: NewSession, token: string | null): Promise<CreatedSession> {
  return apiFetch('/api/sessions', token, { method: 'POST', body: JSON.stringify(input) });
}
