import type { CollabSession } from '../collab/collab-session';
import { useTranslation } from 'react-i18next';
import { usePresence } from '../collab/use-collab';

export function PresenceList({ collab }: { collab: CollabSession }) {
  const users = usePresence(collab);
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h3>
        {t('presence.title')} <span className="count">{users.length}</span>
      </h3>
      <ul className="presence-list">
        {users.map((u) => (
          <li key={u.clientId}>
            <span className="dot" style={{ background: u.color }} />
            <span className="presence-name">{u.name}</span>
            {u.self && <span className="muted">{t('presence.you')}</span>}
            <span className="presence-role">{t(`role.${u.role}`, { defaultValue: u.role })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
