import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { createGroup, deleteGroup, listGroups, updateGroup, type GroupView } from '../api/groups';
import { absoluteLink, addParticipant, listParticipants, type Participant } from '../api/participants';
import type { Role } from '../api/sessions';

const ROLES: Role[] = ['delegation', 'observer', 'secretariat'];

function CopyLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation();
  const href = absoluteLink(link);
  return (
    <span className="copy-link">
      <input readOnly value={href} onFocus={(e) => e.currentTarget.select()} aria-label={t('participants.link')} />
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(href).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? t('participants.copied') : t('participants.copy')}
      </button>
    </span>
  );
}

/**
 * Groups the chair sets up (G77 and China, EU…) and their member delegations: a member may speak
 * for its group (`onBehalfOf`), nobody else (the server checks; shared/SPEC.md BR72).
 */
function GroupsSection({ sessionId, token, participants }: { sessionId: string; token: string; participants: Participant[] }) {
  const [groups, setGroups] = useState<GroupView[]>([]);
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const delegations = participants.filter((p) => p.role === 'delegation');

  const reload = useCallback(() => {
    listGroups(sessionId, token)
      .then(setGroups)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [sessionId, token]);
  useEffect(reload, [reload, participants]);

  const attempt = async (what: () => Promise<unknown>) => {
    setError(null);
    try {
      await what();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
    reload();
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('groups.needName'));
    void attempt(async () => {
      await createGroup(sessionId, { name: name.trim() }, token);
      setName('');
    });
  };

  return (
    <div className="groups-section" aria-label={t('groups.title')}>
      <h4>
        {t('groups.title')} <span className="count">{groups.length}</span>
      </h4>
      <form className="participant-form" onSubmit={create}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('groups.nameHint')} aria-label={t('groups.name')} />
        <button type="submit">{t('groups.create')}</button>
      </form>
      {error && <p className="error-text">{error}</p>}
      <ul className="group-list">
        {groups.map((g) => {
          const others = delegations.filter((d) => !g.members.includes(d.id));
          return (
            <li key={g.id} data-group={g.name}>
              <div className="participant-head">
                <strong className="presence-name">{g.name}</strong>
                <button type="button" className="small" onClick={() => void attempt(() => deleteGroup(sessionId, g.id, token))} aria-label={t('groups.deleteNamed', { group: g.name })}>
                  {t('groups.delete')}
                </button>
              </div>
              <ul className="group-members">
                {g.members.map((m, i) => (
                  <li key={m}>
                    {g.memberNames[i] ?? m}{' '}
                    <button
                      type="button"
                      className="small"
                      aria-label={t('groups.removeMember', { member: g.memberNames[i] ?? m, group: g.name })}
                      onClick={() => void attempt(() => updateGroup(sessionId, g.id, { members: g.members.filter((x) => x !== m) }, token))}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              {others.length > 0 && (
                <select
                  value=""
                  aria-label={t('groups.addMemberTo', { group: g.name })}
                  onChange={(e) => {
                    const id = e.target.value;
                    if (id) void attempt(() => updateGroup(sessionId, g.id, { members: [...g.members, id] }, token));
                  }}
                >
                  <option value="">{t('groups.addMember')}</option>
                  {others.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.delegation}
                    </option>
                  ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The chair invites delegations, observers and secretariat members and hands out their links. */
export function ParticipantsPanel({ sessionId, token }: { sessionId: string; token: string }) {
  const [list, setList] = useState<Participant[]>([]);
  const { t } = useTranslation();
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
    if (!delegation.trim()) return setError(t('participants.needName'));
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
        {t('participants.title')} <span className="count">{list.length}</span>
      </h3>
      <form className="participant-form" onSubmit={submit}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-label={t('participants.role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <input value={delegation} onChange={(e) => setDelegation(e.target.value)} placeholder={t('participants.nameHint')} aria-label={t('role.delegation')} />
        <button type="submit">{t('participants.add')}</button>
      </form>
      {error && <p className="error-text">{error}</p>}
      {added && (
        <div className="added-link">
          <span>
            <Trans i18nKey="participants.linkFor" values={{ name: added.delegation }} components={{ strong: <strong /> }} />
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
              <span className="presence-role">{t(`role.${p.role}`)}</span>
            </div>
            <CopyLink link={p.link} />
          </li>
        ))}
      </ul>
      <GroupsSection sessionId={sessionId} token={token} participants={list} />
    </section>
  );
}
