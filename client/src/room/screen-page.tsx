import { EditorContent } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../i18n';
import { useOpenedSession } from '../api/use-opened-session';
import type { Session } from '../api/sessions';
import { paragraphName } from '../brackets/bracket-state';
import { statusName } from '../brackets/words';
import { useBracketView } from '../brackets/use-bracket-view';
import { CollabSession } from '../collab/collab-session';
import { useCollabField, useTextMeta } from '../collab/use-collab';
import { useAccordEditor } from '../editor/use-accord-editor';
import { CannotOpen } from '../views/cannot-open';
import { paletteStyle } from './screen-palette';
import { ScreenFocus, setScreenFocus } from './screen-focus';
import { SilenceLine } from './silence-line';
import { SpeakingLine } from './speaking-line';
import { useFollowedParagraph } from './use-followed-paragraph';
import { useRoom } from './use-room';
import '../brackets/brackets.css';
import '../styles/document.css';
import './room.css';

const SIZE_KEY = 'accord.screen.size';
const SIZES = [18, 22, 26, 30, 36, 42, 50, 60];

/** The text size chosen on this projector, remembered by the browser. */
function useTextSize(): [number, (step: number) => void] {
  const [size, setSize] = useState(() => {
    const stored = Number(localStorage.getItem(SIZE_KEY));
    return SIZES.includes(stored) ? stored : 30;
  });
  const step = useCallback((by: number) => {
    setSize((s) => {
      const next = SIZES[Math.min(SIZES.length - 1, Math.max(0, SIZES.indexOf(s) + by))];
      localStorage.setItem(SIZE_KEY, String(next));
      return next;
    });
  }, []);
  return [size, step];
}

/**
 * `/s/:id/screen`: the room screen (PRODUCT.md "The room"). Read only, whoever opens it: the chair
 * on the projector (its own sign-in) or anyone with a link, typically an observer invited as "Room
 * screen" (`/s/:id/screen?token=…`; the token stays in the address and is not stored).
 */
export function ScreenPage({ sessionId }: { sessionId: string }) {
  const { opened, error } = useOpenedSession(sessionId, { keepLink: true });
  const { t } = useTranslation();
  const [collab, setCollab] = useState<CollabSession | null>(null);
  useEffect(() => {
    if (!opened) return;
    const c = new CollabSession(sessionId, opened.token);
    setCollab(c);
    return () => c.destroy();
  }, [sessionId, opened]);
  if (error) return <CannotOpen what="screen" reason={error} />;
  if (!opened || !collab) return <div className="page-message muted">{t('screen.opening')}</div>;
  return <RoomScreen key={collab.doc.guid} session={opened.session} collab={collab} />;
}

function RoomScreen({ session, collab }: { session: Session; collab: CollabSession }) {
  const meta = useTextMeta(collab);
  const { t } = useTranslation();
  const synced = useCollabField(collab, 'synced');
  const identity = useCollabField(collab, 'identity');
  const [problem, setProblem] = useState<string | null>(null);
  const [extensions] = useState(() => [ScreenFocus]);
  const editor = useAccordEditor({
    session: collab,
    editable: false,
    user: { name: identity?.delegation ?? '', color: identity?.color ?? '#888888', role: identity?.role ?? 'observer' },
    onContentError: setProblem,
    onLockedEdit: () => undefined,
    extensions,
  });
  const view = useBracketView(editor, collab);
  const room = useRoom(collab);
  const followed = useFollowedParagraph(collab, room.screen);
  const [size, step] = useTextSize();
  const label = useCallback((id: string) => (view ? paragraphName(view, id) : undefined), [view]);

  // Highlight the paragraph and bring it to the middle of the screen, also when the size changes.
  const current = followed.paragraphId;
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!editor || editor.isDestroyed || !synced) return;
    editor.view.dispatch(setScreenFocus(editor.state, current));
    if (!current) return;
    const el = editor.view.dom.querySelector(`[data-id="${CSS.escape(current)}"]`);
    // Glides to a new paragraph; jumps back to the same one after a resize or an edit around it.
    el?.scrollIntoView({ block: 'center', behavior: current === shown.current ? 'instant' : 'smooth' });
    shown.current = current;
  }, [editor, current, synced, size, view?.order]);

  const language = meta.language || session.language || undefined;
  const dir = directionOf(language);
  const open = current && view ? (view.counts.byParagraph[current] ?? 0) : 0;
  return (
    <div className="room-screen" style={{ ...paletteStyle(), '--screen-size': `${size}px` } as React.CSSProperties}>
      <header className="screen-bar">
        <div className="screen-doc" dir="auto">
          {(meta.symbol || session.symbol) && <span className="screen-symbol">{meta.symbol || session.symbol}</span>}
          {meta.revisionLabel && <span className="screen-revision">{meta.revisionLabel}</span>}
        </div>
        <div className="screen-where" data-testid="screen-where">
          {current && view ? (
            <>
              <strong className="screen-label">{label(current)}</strong>
              <span className={`screen-status status-${view.paragraphs[current]?.status ?? 'open'}`}>{statusName(view.paragraphs[current], t)}</span>
              <span className="screen-count">[ ] {t('screen.openBrackets', { count: open })}</span>
              <span className="screen-total">({t('screen.inText', { count: view.counts.total })})</span>
            </>
          ) : (
            <span className="screen-waiting">{t('screen.waiting')}</span>
          )}
        </div>
        <div className="screen-follow" data-testid="screen-follow">
          {followed.held ? <span className="screen-held">🔒 {t('screen.held')}</span> : followed.who && t('screen.following', { who: followed.who })}
        </div>
        <div className="screen-zoom" role="group" aria-label={t('screen.size')}>
          <button type="button" onClick={() => step(-1)} aria-label={t('screen.smaller')}>
            A−
          </button>
          <span className="screen-size">{size}px</span>
          <button type="button" onClick={() => step(1)} aria-label={t('screen.larger')}>
            A+
          </button>
        </div>
        <SilenceLine silences={room.silences} label={label} />
      </header>
      <SpeakingLine floor={room.floor} label={label} className="screen-speaking" />
      {problem && (
        <div className="banner banner-error" role="alert">
          {t('screen.broken')}
        </div>
      )}
      <main className="screen-scroll">
        <article className="paper screen-paper" lang={language} dir={dir} data-synced={synced ? 'true' : 'false'}>
          {!synced && <p className="paper-loading muted">{t('editor.loading')}</p>}
          <EditorContent editor={editor} className="editor editor-readonly" />
        </article>
      </main>
    </div>
  );
}
