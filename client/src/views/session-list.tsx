import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { ApiError } from '../api/http';
import { listSessions, type ListedSession } from '../api/sessions';
import { getAdminKey, knownSessions, saveSessionToken, setAdminKey, takeQueryParam } from '../api/token-store';
import { navigate, sessionPath } from '../router';
import { CreateSessionForm } from './create-session-form';

// Read once at load: a `?key=` link signs this browser in as the organiser, then leaves the URL.
const keyFromUrl = takeQueryParam('key');
if (keyFromUrl) setAdminKey(keyFromUrl);

function openAsChair(s: ListedSession) {
  if (s.chairToken) saveSessionToken(s.id, { token: s.chairToken, title: s.title, role: 'chair' });
  navigate(sessionPath(s.id));
}

export function SessionList() {
  const adminKey = getAdminKey();
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<ListedSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const known = knownSessions();

  useEffect(() => {
    if (!adminKey) return;
    listSessions(adminKey)
      .then((list) => setSessions([...list].sort((a, b) => Number(b.seed) - Number(a.seed))))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [adminKey]);

  const knownOnly = known.filter(([id]) => !sessions?.some((s) => s.id === id));

  return (
    <div className="home">
      <header className="home-header">
        <span className="brand">{t('app.name')}</span>
        <span className="muted">{t('home.tagline')}</span>
        <span className="spacer" />
        <LanguageSwitcher />
      </header>
      <main className="home-main">
        <section className="card">
          <h2>{t('home.texts')}</h2>
          {!adminKey && known.length === 0 && (
            <p className="muted">{t('home.noAccess')}</p>
          )}
          {error && <p className="error-text">{error}</p>}
          {adminKey && sessions === null && !error && <p className="muted">{t('home.loading')}</p>}
          <ul className="session-list">
            {sessions?.map((s) => (
              <li key={s.id}>
                <button type="button" className="session-row" onClick={() => openAsChair(s)}>
                  <span className="session-title">{s.title || s.symbol || s.id}</span>
                  <span className="session-meta">
                    {s.symbol && <span>{s.symbol}</span>}
                    {s.language && <span className="lang">{s.language}</span>}
                    {s.seed && <span className="tag">{t('home.seed')}</span>}
                    <span className="tag tag-role">{t('role.chair')}</span>
                  </span>
                </button>
              </li>
            ))}
            {knownOnly.map(([id, known]) => (
              <li key={id}>
                <button type="button" className="session-row" onClick={() => navigate(sessionPath(id))}>
                  <span className="session-title">{known.title || id}</span>
                  <span className="session-meta">
                    {known.role && <span className="tag tag-role">{t(`role.${known.role}`)}</span>}
                    {known.delegation && <span>{known.delegation}</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <CreateSessionForm
          adminKey={adminKey}
          onCreated={(created) => {
            saveSessionToken(created.session.id, { token: created.chairToken, title: created.session.title, role: 'chair' });
            navigate(sessionPath(created.session.id));
          }}
        />
      </main>
    </div>
  );
}
