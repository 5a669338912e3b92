import { EditorContent } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { Me, Session } from '../api/sessions';
import type { CollabSession } from '../collab/collab-session';
import { useCollabSnapshot, useTextMeta } from '../collab/use-collab';
import { useAccordEditor } from '../editor/use-accord-editor';
import { HeaderBar } from './header-bar';
import { RevisionsPanel } from '../revisions/revisions-panel';
import { ParticipantsPanel } from './participants-panel';
import { PresenceList } from './presence-list';
import { Toasts, useToasts } from './toasts';
import '../styles/document.css';
import '../styles/carets.css';

const READ_ONLY_ROLES = new Set(['delegation', 'observer']);

export function EditorWorkspace({ session, me, token, collab }: { session: Session; me: Me; token: string; collab: CollabSession }) {
  const snap = useCollabSnapshot(collab);
  const meta = useTextMeta(collab);
  const [contentError, setContentError] = useState<string | null>(null);
  const { toasts, push } = useToasts();

  const identity = snap.identity ?? { role: me.role, delegation: me.delegation, color: me.color, readOnly: READ_ONLY_ROLES.has(me.role) };
  const readOnly = identity.readOnly || READ_ONLY_ROLES.has(identity.role);
  const problem = contentError ?? snap.contentProblem;
  const editable = !readOnly && !problem && snap.synced;

  const editor = useAccordEditor({
    session: collab,
    editable,
    user: { name: identity.delegation || identity.role, color: identity.color, role: identity.role },
    onContentError: setContentError,
  });

  useEffect(() => collab.onNotice((n) => push(n.message || n.code)), [collab, push]);

  const language = meta.language || session.language || undefined;
  return (
    <div className="workspace">
      <HeaderBar
        symbol={meta.symbol || session.symbol}
        title={meta.title || session.title}
        language={language}
        revision={meta.revisionLabel}
        identity={identity}
        snapshot={snap}
      />
      {problem && (
        <div className="banner banner-error" role="alert">
          <strong>This text cannot be edited here.</strong> It contains content this version of Accord cannot show ({problem}).
          Editing and syncing are stopped so that nothing is lost; the stored text on the server is untouched. Reload the page
          after updating Accord.
        </div>
      )}
      {readOnly && !problem && (
        <div className="banner banner-info">
          Read-only: proposals arrive with the bracket feature. You see every change live as the chair and secretariat edit.
        </div>
      )}
      <div className="workspace-body">
        <main className="paper-scroll">
          <article className="paper" lang={language} data-synced={snap.synced ? 'true' : 'false'}>
            {!snap.synced && <p className="paper-loading muted">Loading the text…</p>}
            <EditorContent editor={editor} className={readOnly ? 'editor editor-readonly' : 'editor'} />
          </article>
        </main>
        <aside className="sidebar">
          <PresenceList collab={collab} />
          <RevisionsPanel sessionId={session.id} token={token} isChair={identity.role === 'chair'} revisionLabel={meta.revisionLabel} notify={push} />
          {identity.role === 'chair' && <ParticipantsPanel sessionId={session.id} token={token} />}
        </aside>
      </div>
      <Toasts toasts={toasts} />
    </div>
  );
}
