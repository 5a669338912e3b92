import { useEffect, useState } from 'react';
import { i18next } from '../i18n';
import { ApiError } from './http';
import { getSession, type Me, type Session } from './sessions';
import { getAdminKey, getSessionToken, saveSessionToken, takeQueryParam } from './token-store';

export interface OpenedSession {
  session: Session;
  me: Me;
  token: string;
}

/**
 * Finds this browser's token for a session (a link's `?token=`, which is stored and taken out of
 * the address, else the stored one, else the organiser's key) and asks the server who we are.
 * `keepLink` (the room screen): a link's token stays in the address, so that the projector's page
 * reloads as itself, and is not stored, so that it never replaces this browser's own access.
 */
export function useOpenedSession(sessionId: string, { keepLink = false }: { keepLink?: boolean } = {}): { opened: OpenedSession | null; error: string | null } {
  const [opened, setOpened] = useState<OpenedSession | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const fromUrl = keepLink ? new URL(window.location.href).searchParams.get('token') : takeQueryParam('token');
    if (fromUrl && !keepLink) saveSessionToken(sessionId, { token: fromUrl });
    const token = fromUrl ?? getSessionToken(sessionId) ?? getAdminKey();
    if (!token) {
      setError(i18next.t('api.noAccess'));
      return;
    }
    let cancelled = false;
    getSession(sessionId, token)
      .then(({ session, me }) => {
        if (cancelled) return;
        if (!keepLink || !fromUrl) saveSessionToken(sessionId, { token, title: session.title, role: me.role, delegation: me.delegation });
        setOpened({ session, me, token });
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [sessionId, keepLink]);

  return { opened, error };
}
