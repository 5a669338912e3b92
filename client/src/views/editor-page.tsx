import { NOTICE_PARAGRAPH_LOCKED, NOTICE_UPDATE_REJECTED } from '@accord/shared/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n';
import { refusalText } from '../i18n/refusal';
import { useOpenedSession } from '../api/use-opened-session';
import { CollabSession } from '../collab/collab-session';
import { EditorWorkspace } from './editor-workspace';
import { CannotOpen } from './cannot-open';

/** NOTICE codes after which the server drops this document's updates until it reloads (docs/protocol.md). */
const RELOAD_ON = new Set([NOTICE_UPDATE_REJECTED, NOTICE_PARAGRAPH_LOCKED]);

/** `/s/:sessionId?token=…`: stores the token, cleans the URL, asks the server who we are, connects. */
export function EditorPage({ sessionId }: { sessionId: string }) {
  const { opened, error } = useOpenedSession(sessionId);
  const { t } = useTranslation();
  const [collab, setCollab] = useState<CollabSession | null>(null);
  // Bumped when the server refused one of our updates: a fresh document replaces the diverged one.
  const [generation, setGeneration] = useState(0);
  // Why the text was reloaded, told again by the fresh workspace (the old one is gone with its toasts).
  const [reloadedBecause, setReloadedBecause] = useState<string | undefined>();

  useEffect(() => {
    if (!opened) return;
    const c = new CollabSession(sessionId, opened.token);
    setCollab(c);
    const stop = c.onNotice((n) => {
      if (!RELOAD_ON.has(n.code)) return;
      setReloadedBecause(i18next.t('notice.reloaded', { reason: refusalText(n).replace(/[.。]?$/, '') }));
      setGeneration((g) => g + 1);
    });
    return () => {
      stop();
      c.destroy();
    };
  }, [sessionId, opened, generation]);

  if (error) return <CannotOpen what="text" reason={error} />;
  if (!opened || !collab) return <div className="page-message muted">{t('editor.opening')}</div>;
  // Keyed by the Y.Doc: on a reload the editor, panels and their state start afresh with the new one.
  return <EditorWorkspace key={collab.doc.guid} session={opened.session} me={opened.me} token={opened.token} collab={collab} notice={reloadedBecause} />;
}
