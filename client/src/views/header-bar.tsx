import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../collab/accord-messages';
import type { CollabSession } from '../collab/collab-session';
import { useCollabSnapshot } from '../collab/use-collab';
import type { Outbox } from '../brackets/propose/outbox';
import { ConnectionIndicator } from './connection-indicator';
import { OutboxIndicator } from './outbox-indicator';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { isInterfaceLanguage } from '../i18n/languages';
import { LANGUAGE_AUTONYMS } from '../i18n';

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
  const { t } = useTranslation();
  return (
    <header className="header-bar">
      <a className="brand" href="/" title={t('header.home')}>
        {t('app.name')}
      </a>
      <div className="header-text">
        {symbol && <span className="header-symbol">{symbol}</span>}
        <span className="header-title" dir="auto" title={title}>
          {title}
        </span>
        {revision && <span className="tag">{revision}</span>}
        {language && <span className="tag">{isInterfaceLanguage(language) ? LANGUAGE_AUTONYMS[language] : language}</span>}
        {openBrackets !== undefined && (
          <span className="tag tag-brackets" title={t('header.openBracketsTitle')}>
            [ ] {t('header.openBrackets', { count: openBrackets })}
          </span>
        )}
      </div>
      <div className="header-me">
        <span className="dot" style={{ background: identity.color }} />
        <span className="me-name">{identity.delegation || t(`role.${identity.role}`)}</span>
        <span className="tag tag-role">{t(`role.${identity.role}`)}</span>
        {identity.role === 'observer' && <span className="tag">{t('header.readOnly')}</span>}
      </div>
      {actions}
      <LanguageSwitcher />
      {outbox && <OutboxIndicator outbox={outbox} />}
      <ConnectionIndicator snapshot={snapshot} />
    </header>
  );
}
