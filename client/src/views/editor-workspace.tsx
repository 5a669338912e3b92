import { EditorContent } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { groupsOf, isReadOnly, readRoom, silenceOver, wholeTextSilence, type Command } from '@accord/shared/brackets/index';
import { canWriteText, NOTICE_READ_ONLY } from '@accord/shared/protocol';
import { refusalText } from '../i18n/refusal';
import { directionOf, interfaceLocale } from '../i18n';
import type { Me, Session } from '../api/sessions';
import { CurrentParagraph } from '../brackets/panel/current-paragraph';
import { BracketPanel } from '../brackets/panel/bracket-panel';
import { CommentStore } from '../brackets/panel/comment-store';
import { CommentsContext } from '../brackets/panel/use-proposal-comments';
import { Outbox, outboxKey } from '../brackets/propose/outbox';
import { ProposeLayer } from '../brackets/propose/propose-layer';
import { sendCommand } from '../brackets/send-command';
import { paragraphName } from '../brackets/bracket-state';
import { useBracketView } from '../brackets/use-bracket-view';
import type { CollabSession } from '../collab/collab-session';
import { useCollabField, useTextMeta } from '../collab/use-collab';
import { documentIndexKey, labelsOf } from '../editor/extensions/document-index';
import { formatDeadline } from '../room/silence-time';
import { useAccordEditor } from '../editor/use-accord-editor';
import { printPath } from '../print/print-api';
import { RevisionsPanel } from '../revisions/revisions-panel';
import { ExportMenu } from './export-menu';
import { RoomPanels } from '../room/room-panels';
import { SilenceBanner } from '../room/silence-banner';
import { SpeakingLine } from '../room/speaking-line';
import { useRoom } from '../room/use-room';
import { HeaderBar } from './header-bar';
import { ParticipantsPanel } from './participants-panel';
import { PresenceList } from './presence-list';
import { Toasts, useToasts } from './toasts';
import '../brackets/brackets.css';
import '../styles/document.css';
import '../styles/carets.css';

/** The chair's and the secretariat's switch between editing and proposing (a key, not a word). */
const PROPOSE_SWITCH_KEY = 'Ctrl+Alt+P';

/** A paragraph's status as the editor's document index holds it. */
function documentIndexStatus(state: Parameters<typeof documentIndexKey.getState>[0], paragraphId: string): string | undefined {
  return documentIndexKey.getState(state)?.records.paragraphs[paragraphId]?.status;
}

export function EditorWorkspace({ session, me, token, collab, notice }: { session: Session; me: Me; token: string; collab: CollabSession; notice?: string }) {
  // Field by field: the whole snapshot changes with every keystroke (its unsaved count), and a
  // re-render here re-renders the panel with every proposal card.
  const snap = { identity: useCollabField(collab, 'identity'), contentProblem: useCollabField(collab, 'contentProblem'), synced: useCollabField(collab, 'synced') };
  const meta = useTextMeta(collab);
  const { t } = useTranslation();
  const [comments, setComments] = useState<CommentStore | null>(null);
  useEffect(() => {
    const store = new CommentStore(collab.doc);
    setComments(store);
    return () => store.destroy();
  }, [collab]);
  const [contentError, setContentError] = useState<string | null>(null);
  const { toasts, push, dismiss } = useToasts();
  useEffect(() => {
    if (notice) push(notice);
  }, [notice, push]);

  // Proposals not yet stored, kept per session and participant so that a reload keeps them.
  const [outbox] = useState(
    () => new Outbox({ connected: () => collab.getSnapshot().connection === 'connected', command: (c, id) => collab.command(c, id) }, localStorage, outboxKey(session.id, token)),
  );
  useEffect(() => {
    outbox.onSettled = (entry, d) => {
      const what = `${entry.where ? `${entry.where}: ` : ''}«${entry.text}»`;
      if (d.status === 'sent') push(t('outbox.sent', { what }));
      else if (d.status === 'refused') {
        push(t('outbox.refused', { reason: refusalText(d.error).replace(/[.。]?$/, ''), what }), { label: t('outbox.copyText'), run: () => void navigator.clipboard?.writeText(entry.text).catch(() => undefined) });
      }
    };
    // Sent whenever the connection (re)opens, and at once if it is open (after a reload).
    let was = false;
    const check = () => {
      const now = collab.getSnapshot().connection === 'connected';
      if (now && !was) void outbox.pump();
      was = now;
    };
    check();
    return collab.subscribe(check);
  }, [collab, outbox, push, t]);

  const identity = snap.identity ?? { role: me.role, id: me.id ?? '', delegation: me.delegation, color: me.color, readOnly: !canWriteText(me.role) };
  const writer = !identity.readOnly && canWriteText(identity.role);
  const canPropose = !isReadOnly(identity.role);
  // Delegations always propose; the chair and the secretariat edit directly unless they switch.
  const [proposeSwitch, setProposeSwitch] = useState(false);
  const proposing = canPropose && (!writer || proposeSwitch);
  const [clean, setClean] = useState(false);
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const problem = contentError ?? snap.contentProblem;
  const editable = writer && !proposing && !problem && snap.synced;

  const editorRef = useRef<ReturnType<typeof useAccordEditor>>(null);
  const onLockedEdit = useCallback(
    (paragraphId: string) => {
      const state = editorRef.current?.state;
      const label = state ? labelsOf(state).get(paragraphId)?.short : undefined;
      const silence = silenceOver({ room: readRoom(collab.doc) }, paragraphId) ?? wholeTextSilence({ room: readRoom(collab.doc) });
      if (silence) {
        const what = silence.paragraphIds ? (label ?? t('silence.wholeTextCap')) : t('silence.wholeTextCap');
        push(t('silence.lockedEdit', { what, deadline: formatDeadline(silence.deadline, interfaceLocale()) }));
        return;
      }
      const adopted = editorRef.current ? documentIndexStatus(editorRef.current.state, paragraphId) === 'adopted' : false;
      if (adopted) push(label ? t('editor.lockedEditAdopted', { paragraph: label }) : t('editor.lockedEditAdoptedThis'));
      else push(label ? t('editor.lockedEdit', { paragraph: label }) : t('editor.lockedEditThis'));
    },
    [push, t, collab],
  );
  const editor = useAccordEditor({
    session: collab,
    editable,
    user: { name: identity.delegation || identity.role, color: identity.color, role: identity.role },
    onContentError: setContentError,
    onLockedEdit,
    language: meta.language || session.language || '',
  });
  editorRef.current = editor;
  const view = useBracketView(editor, collab);
  const room = useRoom(collab);
  const label = useCallback((paragraphId: string) => (view ? paragraphName(view, paragraphId) : undefined), [view]);
  // Only the groups the chair assigned this delegation to; a group taken away stops being used.
  const myGroups = groupsOf(view?.groups, identity.id).map((g) => g.name);
  const speakingFor = myGroups.includes(onBehalfOf) ? onBehalfOf : '';

  // "read-only" answers Yjs' own clean-up of redundant formatting on read-only clients: nothing
  // the person did, so nothing to tell them.
  useEffect(() => collab.onNotice((n) => n.code !== NOTICE_READ_ONLY && push(refusalText(n))), [collab, push]);

  // Mod-Alt-P: the chair and the secretariat switch between editing and proposing.
  useEffect(() => {
    if (!writer) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.altKey && e.code === 'KeyP') {
        e.preventDefault();
        setProposeSwitch((v) => !v);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [writer]);

  const run = useCallback(
    async (command: Command) => {
      const answer = await sendCommand(collab, command);
      if (!answer.ok) push(refusalText(answer.error));
      return answer.ok;
    },
    [collab, push],
  );

  const language = meta.language || session.language || undefined;
  return (
    <div className="workspace">
      <HeaderBar
        symbol={meta.symbol || session.symbol}
        title={meta.title || session.title}
        language={language}
        revision={meta.revisionLabel}
        identity={identity}
        collab={collab}
        openBrackets={view?.counts.total}
        outbox={outbox}
        actions={<ExportMenu sessionId={session.id} token={token} />}
      />
      {problem && (
        <div className="banner banner-error" role="alert">
          <Trans i18nKey="editor.contentProblem" values={{ problem }} components={{ strong: <strong /> }} />
        </div>
      )}
      <div className="view-bar">
        <div className="view-switch" role="group" aria-label={t('editor.view')}>
          <button type="button" className={!clean ? 'active' : ''} aria-pressed={!clean} onClick={() => setClean(false)}>
            {t('editor.compilation')}
          </button>
          <button type="button" className={clean ? 'active' : ''} aria-pressed={clean} onClick={() => setClean(true)}>
            {t('editor.clean')}
          </button>
        </div>
        {writer && canPropose && (
          <label className="propose-switch" title={PROPOSE_SWITCH_KEY}>
            <input type="checkbox" checked={proposeSwitch} onChange={(e) => setProposeSwitch(e.target.checked)} /> {t('editor.proposeSwitch')}
          </label>
        )}
        {!canPropose && <span className="muted small-text">{t('editor.observerNote')}</span>}
        <a className="print-link" href={printPath(session.id)} target="_blank" rel="noopener">
          {t('editor.print')}
        </a>
        <SpeakingLine floor={room.floor} label={label} />
      </div>
      <SilenceBanner sessionId={session.id} silences={room.silences} me={identity} label={label} run={run} onBehalfOf={speakingFor} />
      {proposing && editor && !problem && (
        <ProposeLayer editor={editor} collab={collab} outbox={outbox} notify={push} onBehalfOf={speakingFor} setOnBehalfOf={setOnBehalfOf} groups={myGroups} />
      )}
      <div className="workspace-body">
        <main className="paper-scroll">
          <article className={`paper${clean ? ' clean-view' : ''}${proposing ? ' proposing' : ''}`} lang={language} dir={directionOf(language)} data-synced={snap.synced ? 'true' : 'false'}>
            {!snap.synced && <p className="paper-loading muted">{t('editor.loading')}</p>}
            <EditorContent editor={editor} className={editable ? 'editor' : 'editor editor-readonly'} />
          </article>
        </main>
        <aside className="sidebar">
          <PresenceList collab={collab} />
          {view && editor && (
            <>
              {identity.role === 'chair' && <CurrentParagraph editor={editor} view={view} run={run} />}
              <RoomPanels sessionId={session.id} editor={editor} view={view} collab={collab} room={room} me={identity} label={label} run={run} />
              <CommentsContext.Provider value={comments}>
                <BracketPanel view={view} editor={editor} me={identity} onBehalfOf={speakingFor} run={run} />
              </CommentsContext.Provider>
            </>
          )}
          <RevisionsPanel sessionId={session.id} token={token} isChair={identity.role === 'chair'} revisionLabel={meta.revisionLabel} notify={push} />
          {identity.role === 'chair' && <ParticipantsPanel sessionId={session.id} token={token} />}
        </aside>
      </div>
      <Toasts toasts={toasts} dismiss={dismiss} />
    </div>
  );
}
