import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { absoluteLink, addParticipant, listParticipants, type Participant } from '../api/participants';
import type { Role } from '../api/sessions';

const ROLES: Role[] = ['delegation', 'observer', 'secretariat'];

function CopyLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  const href = absoluteLink(link);
  return (
    <span className="copy-link">
      <input readOnly value={href} onFocus={(e) => e.currentTarget.select()} aria-label="Invitation link" />
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(href).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}

/** The chair invites delegations, observers and secretariat members and hands out their links. */
export function ParticipantsPanel({ sessionId, token }: { sessionId: string; token: string }) {
  const [list, setList] = useState<Participant[]>([]);
  const [role, setRole] = useState<Role>('delegation');
  const [delegation, setDelegation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ delegation: string; link: string } | null>(null);

  const reload = useCallback(() => {
    listParticipants(sessionId, token)
      .then(setList)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [sessionId, token]);

  useEffect(reload, [reload]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!delegation.trim()) return setError('Enter a delegation or name.');
    setError(null);
    try {
      const res = await addParticipant(sessionId, { role, delegation: delegation.trim() }, token);
      setAdded({ delegation: delegation.trim(), link: res.link });
      setDelegation('');
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <section className="panel">
      <h3>
        Participants <span className="count">{list.length}</span>
      </h3>
      <form className="participant-form" onSubmit={submit}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-label="Role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <input value={delegation} onChange={(e) => setDelegation(e.target.value)} placeholder="e.g. Kenya, EU, G77 and China" aria-label="Delegation" />
        <button type="submit">Add</button>
      </form>
      {error && <p className="error-text">{error}</p>}
      {added && (
        <div className="added-link">
          <span>
            Link for <strong>{added.delegation}</strong>:
          </span>
          <CopyLink link={added.link} />
        </div>
      )}
      <ul className="participant-list">
        {list.map((p) => (
          <li key={p.token}>
            <div className="participant-head">
              <span className="dot" style={{ background: p.color }} />
              <span className="presence-name">{p.delegation || '—'}</span>
              <span className="presence-role">{p.role}</span>
            </div>
            <CopyLink link={p.link} />
          </li>
        ))}
      </ul>
    </section>
  );
}
