import { useEffect, useState } from 'react';
import { useOpenedSession } from '../api/use-opened-session';
import { CollabSession } from '../collab/collab-session';
import { EditorWorkspace } from './editor-workspace';

/** `/s/:sessionId?token=…`: stores the token, cleans the URL, asks the server who we are, connects. */
export function EditorPage({ sessionId }: { sessionId: string }) {
  const { opened, error } = useOpenedSession(sessionId);
  const [collab, setCollab] = useState<CollabSession | null>(null);

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
