import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { getSession, type Me, type Session } from '../api/sessions';
import { getAdminKey, getSessionToken, saveSessionToken, takeQueryParam } from '../api/token-store';
import { CollabSession } from '../collab/collab-session';
import { EditorWorkspace } from './editor-workspace';

interface Opened {
  session: Session;
  me: Me;
  token: string;
}

/** `/s/:sessionId?token=…`: stores the token, cleans the URL, asks the server who we are, connects. */
export function EditorPage({ sessionId }: { sessionId: string }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [collab, setCollab] = useState<CollabSession | null>(null);

  useEffect(() => {
    const fromUrl = takeQueryParam('token');
    if (fromUrl) saveSessionToken(sessionId, { token: fromUrl });
    const token = fromUrl ?? getSessionToken(sessionId) ?? getAdminKey();
    if (!token) {
      setError('No access to this text from this browser: open the link you were given (it carries your access token).');
      return;
    }
    let cancelled = false;
    getSession(sessionId, token)
      .then(({ session, me }) => {
        if (cancelled) return;
        saveSessionToken(sessionId, { token, title: session.title, role: me.role, delegation: me.delegation });
        setOpened({ session, me, token });
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [sessionId]);

  useEffect(() => {
    if (!opened) return;
    const c = new CollabSession(sessionId, opened.token);
    setCollab(c);
    return () => c.destroy();
  }, [sessionId, opened]);

  if (error) {
    return (
      <div className="page-message">
        <h1>Cannot open this text</h1>
        <p>{error}</p>
        <a href="/">Back to the list of texts</a>
      </div>
    );
  }
  if (!opened || !collab) return <div className="page-message muted">Opening the text…</div>;
  return <EditorWorkspace session={opened.session} me={opened.me} token={opened.token} collab={collab} />;
}
