import { apiFetch } from './http';

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

export interface ListedSession extends Session {
  chairToken?: string;
}

export interface CreatedSession {
  session: Session;
  chairToken: string;
  chairLink: string;
  /** What the import did not recognise or changed (POST /api/sessions). */
  warnings?: string[];
}

export function listSessions(token: string): Promise<ListedSession[]> {
  return apiFetch<ListedSession[] | { sessions: ListedSession[] }>('/api/sessions', token).then((r) =>
    Array.isArray(r) ? r : r.sessions,
  );
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
