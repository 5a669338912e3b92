import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkOrganiserKey } from '../../src/api/sessions';
import { adoptLinkKey, type KeyStore } from '../../src/api/token-store';

function memoryStore(initial: string | null): KeyStore & { value: string | null } {
  const s = { value: initial, get: () => s.value, set: (k: string) => void (s.value = k) };
  return s;
}

/** The server: the organiser key lists every session as the organiser's; tokens list their own. */
function fakeServer(organiserKey: string, participantToken = 'kenya-token') {
  return vi.fn(async (_path: string, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('Authorization');
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (auth === `Bearer ${organiserKey}`) return json(200, [{ id: 'a', organiser: true, role: 'chair' }]);
    if (auth === `Bearer ${participantToken}`) return json(200, [{ id: 'a', organiser: false, role: 'delegation' }]);
    return json(401, { error: { code: 'unauthorized', message: 'invalid token' } });
  });
}

describe('a ?key= link', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('with a wrong key keeps the stored organiser key', async () => {
    vi.stubGlobal('fetch', fakeServer('right'));
    const store = memoryStore('right');
    expect(await adoptLinkKey('wrong', store, checkOrganiserKey)).toEqual({ kind: 'rejected', kept: true });
    expect(store.value).toBe('right');
  });

  it('with a participant’s token is not taken for the organiser key', async () => {
    vi.stubGlobal('fetch', fakeServer('right'));
    const store = memoryStore(null);
    expect(await adoptLinkKey('kenya-token', store, checkOrganiserKey)).toEqual({ kind: 'rejected', kept: false });
    expect(store.value).toBeNull();
  });

  it('with the right new key replaces the stored one', async () => {
    vi.stubGlobal('fetch', fakeServer('new-key'));
    const store = memoryStore('old-key');
    expect(await adoptLinkKey('new-key', store, checkOrganiserKey)).toEqual({ kind: 'signed-in' });
    expect(store.value).toBe('new-key');
  });

  it('stores nothing when the server cannot be asked', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('network down'))));
    const store = memoryStore('right');
    expect(await adoptLinkKey('other', store, checkOrganiserKey)).toEqual({ kind: 'unchecked' });
    expect(store.value).toBe('right');
  });

  it('with the key already stored asks nothing', async () => {
    const check = vi.fn(checkOrganiserKey);
    const store = memoryStore('right');
    expect(await adoptLinkKey('right', store, check)).toEqual({ kind: 'signed-in' });
    expect(check).not.toHaveBeenCalled();
  });
});
