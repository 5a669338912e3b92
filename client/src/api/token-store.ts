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

/** Where the organiser key is kept (localStorage in the app, a plain object in tests). */
export interface KeyStore {
  get(): string | null;
  set(key: string): void;
}

export const storedAdminKey: KeyStore = { get: getAdminKey, set: setAdminKey };

/** What the server says of a key: the organiser's, not it, or no answer. */
export type KeyCheck = 'organiser' | 'not-organiser' | 'unreachable';

/**
 * What a `?key=` link did: `signed-in` (stored), `rejected` (not the organiser key: nothing
 * stored, and `kept` says whether a saved sign-in is still there), or `unchecked` (the server did
 * not answer: nothing stored, the link stays in the address so that a reload tries again).
 */
export type LinkKeyOutcome = { kind: 'signed-in' } | { kind: 'rejected'; kept: boolean } | { kind: 'unchecked' };

/**
 * Signs this browser in with a link's organiser key only once the server confirms it: a wrong or
 * mistyped key never replaces the key that works (which would lock the organiser out of the list).
 */
export async function adoptLinkKey(linkKey: string, store: KeyStore, check: (key: string) => Promise<KeyCheck>): Promise<LinkKeyOutcome> {
  if (linkKey === store.get()) return { kind: 'signed-in' };
  const verdict = await check(linkKey);
  if (verdict === 'unreachable') return { kind: 'unchecked' };
  if (verdict === 'not-organiser') return { kind: 'rejected', kept: store.get() !== null };
  store.set(linkKey);
  return { kind: 'signed-in' };
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
  const value = new URL(window.location.href).searchParams.get(name);
  if (value !== null) dropQueryParam(name);
  return value;
}

/** Takes `?name=` out of the address bar (no reload, no new history entry). */
export function dropQueryParam(name: string): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(name)) return;
  url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}
