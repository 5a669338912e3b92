import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { interfaceLocale } from '../i18n';
import { LanguageSwitcher } from '../i18n/language-switcher';
import { ApiError } from '../api/http';
import { checkOrganiserKey, listSessions, type ListedSession } from '../api/sessions';
import { adoptLinkKey, dropQueryParam, getAdminKey, knownSessions, saveSessionToken, storedAdminKey, type LinkKeyOutcome } from '../api/token-store';
import { navigate, sessionPath } from '../router';
import { activityTime, languageName } from './activity-time';
import { CreateSessionForm } from './create-session-form';
import { matchesSearch } from './session-search';


// A `?key=` link signs this browser in as the organiser, once the server confirms the key: a
// wrong key must never replace the one that works. Read once, when the page loads.
const keyFromUrl = new URL(window.location.href).searchParams.get('key');
let linkSignIn: Promise<LinkKeyOutcome> | null = keyFromUrl ? adoptLinkKey(keyFromUrl, storedAdminKey, checkOrganiserKey) : null;

/** One line of the list: what the server listed, or what this browser remembers of a text. */
interface Row extends Partial<ListedSession> {
  id: string;
  title: string;
  delegation?: string;
}

function openRow(row: Row) {
  if (row.chairToken) saveSessionToken(row.id, { token: row.chairToken, title: row.title, role: 'chair' });
  navigate(sessionPath(row.id));
}

/** Every text this browser can open: the organiser's list, then each stored participant link's own. */
async function loadRows(adminKey: string | null): Promise<{ rows: Row[]; error: string | null }> {
  const rows = new Map<string, Row>();
  let error: string | null = null;
  if (adminKey) {
    try {
      for (const s of await listSessions(adminKey)) rows.set(s.id, s);
    } catch (e) {
      error = e instanceof ApiError ? e.message : String(e);
    }
  }
  const others = knownSessions().filter(([id]) => !rows.has(id));
  const fetched = await Promise.all(
    others.map(async ([id, stored]): Promise<Row> => {
      const remembered: Row = { id, title: stored.title ?? '', role: stored.role as ListedSession['role'], delegation: stored.delegation };
      const listed = await listSessions(stored.token).catch(() => []);
      const own = listed.find((s) => s.id === id);
      return own ? { ...own, delegation: stored.delegation } : remembered;
    }),
  );
  for (const r of fetched) rows.set(r.id, r);
  return { rows: [...rows.values()], error };
}

/** The locale key of what a `?key=` link did, when there is something to say. */
function linkNotice(outcome: LinkKeyOutcome | null): string | null {
  if (outcome?.kind === 'rejected') return outcome.kept ? 'sessionList.badKeyKept' : 'sessionList.badKey';
  if (outcome?.kind === 'unchecked') return 'sessionList.uncheckedKey';
  return null;
}

export function SessionList() {
  const { t } = useTranslation();
  const [signedIn, setSignedIn] = useState(linkSignIn === null);
  const [outcome, setOutcome] = useState<LinkKeyOutcome | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const adminKey = signedIn ? getAdminKey() : null;

  useEffect(() => {
    const pending = linkSignIn;
    if (!pending) return;
    let cancelled = false;
    void pending.then((result) => {
      if (cancelled) return;
      linkSignIn = null;
      // Unchecked: the key stays in the address so that a reload asks again.
      if (result.kind !== 'unchecked') dropQueryParam('key');
      setOutcome(result);
      setSignedIn(true);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    void loadRows(getAdminKey()).then((loaded) => {
      if (cancelled) return;
      setRows(loaded.rows);
      setError(loaded.error);
    });
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  // "5 minutes ago" moves on while the page is open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const shown = useMemo(() => rows?.filter((r) => matchesSearch(query, [r.symbol, r.title])) ?? [], [rows, query]);
  const notice = linkNotice(outcome);

  return (
    <div className="home">
      <header className="home-header">
        <span className="brand">{t('app.name')}</span>
        <span className="muted">{t('sessionList.tagline')}</span>
        <span className="spacer" />
        <LanguageSwitcher />
      </header>
      <main className="home-main">
        <section className="card">
          <div className="list-head">
            <h2>{t('sessionList.heading')}</h2>
            {rows !== null && rows.length > 0 && (
              <input type="search" className="list-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('sessionList.search')} aria-label={t('sessionList.search')} />
            )}
          </div>
          {notice && (
            <p className="list-notice" role="alert">
              {t(notice)}
            </p>
          )}
          {error && <p className="error-text">{error}</p>}
          {rows === null && <p className="muted">{t('sessionList.loading')}</p>}
          {rows !== null && rows.length === 0 && !error && <p className="muted">{adminKey ? t('sessionList.noTexts') : t('sessionList.noAccess')}</p>}
          {rows !== null && rows.length > 0 && shown.length === 0 && <p className="muted">{t('sessionList.noMatch', { query: query.trim() })}</p>}
          {shown.length > 0 && (
            <div className="session-table-scroll">
              <SessionTable rows={shown} now={now} />
            </div>
          )}
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

function SessionTable({ rows, now }: { rows: Row[]; now: number }) {
  const { t } = useTranslation();
  return (
    <table className="session-table">
      <thead>
        <tr>
          <th scope="col">{t('sessionList.columns.symbol')}</th>
          <th scope="col">{t('sessionList.columns.title')}</th>
          <th scope="col">{t('sessionList.columns.language')}</th>
          <th scope="col">{t('sessionList.columns.revision')}</th>
          <th scope="col">{t('sessionList.columns.activity')}</th>
          <th scope="col" className="num">
            {t('sessionList.columns.brackets')}
          </th>
          <th scope="col">{t('sessionList.columns.role')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <SessionRow key={r.id} row={r} now={now} />
        ))}
      </tbody>
    </table>
  );
}

function SessionRow({ row, now }: { row: Row; now: number }) {
  const { t } = useTranslation();
  // Dates and language names in the interface language the person chose.
  const locale = interfaceLocale();
  const time = row.lastActivity ? activityTime(row.lastActivity, now, locale) : null;
  // The whole row opens the text; the title is also a real link (keyboard: its click bubbles to
  // the row; a new tab: left to the browser).
  const onLink = (e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) e.stopPropagation();
    else e.preventDefault();
  };
  return (
    <tr className="session-row" onClick={() => openRow(row)}>
      <td className="session-symbol">{row.symbol || <span className="muted">—</span>}</td>
      <td className="session-title" dir="auto" lang={row.language || undefined}>
        <a href={sessionPath(row.id)} onClick={onLink}>
          {row.title || row.symbol || row.id}
        </a>
      </td>
      <td title={row.language}>{row.language ? languageName(row.language, locale) : <span className="muted">—</span>}</td>
      <td>{row.revisionLabel || <span className="muted">{t('sessionList.original')}</span>}</td>
      <td>{time ? <time dateTime={row.lastActivity} title={time.full}>{time.shown}</time> : <span className="muted">—</span>}</td>
      <td className="num">
        {typeof row.openBrackets === 'number' ? <span aria-label={t('sessionList.openBrackets', { count: row.openBrackets })}>{row.openBrackets}</span> : <span className="muted">—</span>}
      </td>
      <td>
        {row.role && <span className="tag tag-role">{t(`role.${row.role}`)}</span>}
        {row.delegation && row.role !== 'chair' && <span className="session-delegation"> {row.delegation}</span>}
      </td>
    </tr>
  );
}
