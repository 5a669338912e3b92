/**
 * Tokens live in localStorage so a link opened once keeps working without the token in the URL
 * (which would otherwise leak into screenshots of the projected screen and the browser history).
 */
const ADMIN_KEY = 'accord.adminKey';
const TOKENS = 'accord.tokens';

export interface StoredToken {
  token: string;
  title?: string;
  role?: string;
  delegation?: string;
  savedAt: number;
}

function readTokens(): Record<string, StoredToken> {
  try {
    const raw = localStorage.getItem(TOKENS);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, StoredToken>) : {};
  } catch {
    return {};
  }
}

export function getAdminKey(): string | null {
  return localStorage.getItem(ADMIN_KEY);
}

export function setAdminKey(key: string): void {
  localStorage.setItem(ADMIN_KEY, key);
}

export function getSessionToken(sessionId: string): string | null {
  return readTokens()[sessionId]?.token ?? null;
}

export function saveSessionToken(sessionId: string, entry: Omit<StoredToken, 'savedAt'>): void {
  const all = readTokens();
  all[sessionId] = { ...all[sessionId], ...entry, savedAt: Date.now() };
  localStorage.setItem(TOKENS, JSON.stringify(all));
}

export function knownSessions(): Array<[string, StoredToken]> {
  return Object.entries(readTokens()).sort((a, b) => b[1].savedAt - a[1].savedAt);
}

/** Moves `?name=value` from the address bar into storage and cleans the URL (no reload). */
export function takeQueryParam(name: string): string | null {
  const url = new URL(window.location.href);
  const value = url.searchParams.get(name);
  if (value === null) return null;
  url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return value;
}
