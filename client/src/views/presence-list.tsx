import type { CollabSession } from '../collab/collab-session';
import { usePresence } from '../collab/use-collab';

export function PresenceList({ collab }: { collab: CollabSession }) {
  const users = usePresence(collab);
  return (
    <section className="panel">
      <h3>
        In the room <span className="count">{users.length}</span>
      </h3>
      <ul className="presence-list">
        {users.map((u) => (
          <li key={u.clientId}>
            <span className="dot" style={{ background: u.color }} />
            <span className="presence-name">{u.name}</span>
            {u.self && <span className="muted">(you)</span>}
            <span className="presence-role">{u.role}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
