import type { ReactNode } from 'react';
import type { Identity } from '../collab/accord-messages';
import type { CollabSession } from '../collab/collab-session';
import { useCollabSnapshot } from '../collab/use-collab';
import type { Outbox } from '../brackets/propose/outbox';
import { ConnectionIndicator } from './connection-indicator';
import { OutboxIndicator } from './outbox-indicator';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', es: 'Español', ru: 'Русский', zh: '中文', ar: 'العربية' };

export function HeaderBar(props: {
  symbol?: string;
  title?: string;
  language?: string;
  revision?: string;
  identity: Identity;
  /** The header reads the connection snapshot itself, so its unsaved count re-renders only the header. */
  collab: CollabSession;
  /** Open brackets in the whole text: how the room measures progress. */
  openBrackets?: number;
  /** Proposals typed here that the server has not stored yet. */
  outbox?: Outbox;
  /** Menus on the right of the header (the Export menu). */
  actions?: ReactNode;
}) {
  const { symbol, title, language, revision, identity, collab, openBrackets, outbox, actions } = props;
  const snapshot = useCollabSnapshot(collab);
  return (
    <header className="header-bar">
      <a className="brand" href="/">
        Accord
      </a>
      <div className="header-text">
        {symbol && <span className="header-symbol">{symbol}</span>}
        <span className="header-title" dir="auto" title={title}>
          {title}
        </span>
        {revision && <span className="tag">{revision}</span>}
        {language && <span className="tag">{LANGUAGE_NAMES[language] ?? language}</span>}
        {openBrackets !== undefined && (
          <span className="tag tag-brackets" title="Open brackets in the whole text">
            [ ] {openBrackets} open
          </span>
        )}
      </div>
      <div className="header-me">
        <span className="dot" style={{ background: identity.color }} />
        <span className="me-name">{identity.delegation || identity.role}</span>
        <span className="tag tag-role">{identity.role}</span>
        {identity.role === 'observer' && <span className="tag">read-only</span>}
      </div>
      {actions}
      {outbox && <OutboxIndicator outbox={outbox} />}
      <ConnectionIndicator snapshot={snapshot} />
    </header>
  );
}
