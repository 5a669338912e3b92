import { renderComparisonHtml, type Comparison } from '@accord/shared/diff/index';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import type { Me, Session } from '../api/sessions';
import { useOpenedSession } from '../api/use-opened-session';
import { sessionPath } from '../router';
import { comparePath, defaultPair, parseCompareSearch, versionOptions, type CompareState, type CompareView } from './compare-url';
import { ComparisonFrame } from './comparison-frame';
import { downloadComparisonDocx, downloadComparisonHtml, fetchComparison } from './revisions-api';
import { useVersions } from './use-versions';
import { VersionSelect } from './version-select';
import './revisions.css';
import { CannotOpen } from '../views/cannot-open';

const VIEWS: CompareView[] = ['inline', 'side-by-side'];

function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : String(e);
}

/** `/s/:id/compare?from=…&to=…&view=…`: any two versions, shareable by its address. */
export function ComparePage({ sessionId }: { sessionId: string }) {
  const { opened, error } = useOpenedSession(sessionId);
  const { t } = useTranslation();
  if (error) return <CannotOpen what="comparison" reason={error} />;
  if (!opened) return <div className="page-message muted">{t('compare.opening')}</div>;
  return <CompareWorkspace session={opened.session} me={opened.me} token={opened.token} />;
}

function CompareWorkspace({ session, me, token }: { session: Session; me: Me; token: string }) {
  const versions = useVersions(session.id, token);
  const { t } = useTranslation();
  const initial = useMemo(() => parseCompareSearch(window.location.search), []);
  const [state, setState] = useState(initial);
  const [comparison, setComparison] = useState<{ key: string; value: Comparison } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // A link without `from` compares the last revision with the live text.
  const pair = defaultPair(versions.revisions);
  const from = state.from ?? pair?.from ?? null;
  const full: CompareState | null = from ? { ...state, from } : null;
  const key = full ? `${full.from}|${full.to}|${full.hideFormatting ? 1 : 0}` : '';

  useEffect(() => {
    if (full) window.history.replaceState(window.history.state, '', comparePath(session.id, full));
  }, [session.id, full?.from, full?.to, full?.view, full?.hideFormatting]);

  useEffect(() => {
    if (!full) return;
    let cancelled = false;
    setError(null);
    fetchComparison(session.id, full, token)
      .then((value) => !cancelled && setComparison({ key, value }))
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
    };
  }, [session.id, token, key]);

  const view = state.view;
  const html = useMemo(
    () =>
      comparison
        ? renderComparisonHtml(comparison.value, {
            view,
            // The same version on both sides shows that version as it stood.
            title: full?.from === full?.to ? `${session.title}: ${comparison.value.to.label}` : `${session.title}: ${comparison.value.from.label} → ${comparison.value.to.label}`,
          })
        : '',
    [comparison, view, session.title],
  );
  const options = versionOptions(versions.revisions, versions.history);
  const set = (patch: Partial<CompareState>) => setState((s) => ({ ...s, from: s.from ?? from, ...patch }));
  const loading = full !== null && comparison?.key !== key && !error;

  const copyLink = () => {
    if (!full) return;
    const link = new URL(comparePath(session.id, full), window.location.origin).href;
    navigator.clipboard.writeText(link).then(
      () => setNotice(t('compare.linkCopied')),
      () => setNotice(link),
    );
  };
  const download = () => {
    if (!full) return;
    downloadComparisonHtml(session.id, full, view, token).then(
      (name) => setNotice(t('export.downloaded', { name })),
      (e: unknown) => setError(errorText(e)),
    );
  };

  const downloadDocx = () => {
    if (!full) return;
    setNotice(t('compare.preparingWord'));
    downloadComparisonDocx(session.id, full, token).then(
      (name) => setNotice(t('compare.downloadedWord', { name })),
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <div className="workspace compare-workspace">
      <header className="header-bar">
        <a className="brand" href="/" title={t('header.home')}>
          {t('app.name')}
        </a>
        <div className="header-text">
          {session.symbol && <span className="header-symbol">{session.symbol}</span>}
          <span className="header-title" dir="auto" title={session.title}>
            {session.title}
          </span>
          <span className="tag">{t('compare.tag')}</span>
        </div>
        <div className="header-me">
          <span className="dot" style={{ background: me.color }} />
          <span className="me-name">{me.delegation || t(`role.${me.role}`)}</span>
          <span className="tag tag-role">{t(`role.${me.role}`)}</span>
        </div>
        <a className="back-link" href={sessionPath(session.id)}>
          {t('compare.back')}
        </a>
      </header>
      <div className="compare-toolbar">
        <VersionSelect label={t('revisions.from')} value={from ?? 'live'} options={options} onChange={(ref) => set({ from: ref })} />
        <button type="button" className="small" title={t('compare.swap')} aria-label={t('compare.swapHint')} onClick={() => from && set({ from: state.to, to: from })}>
          ⇄
        </button>
        <VersionSelect label={t('revisions.to')} value={state.to} options={options} onChange={(ref) => set({ to: ref })} />
        <div className="view-switch" role="group" aria-label={t('editor.view')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" className={view === v ? 'active' : ''} aria-pressed={view === v} onClick={() => set({ view: v })}>
              {v === 'inline' ? t('compare.inline') : t('compare.sideBySide')}
            </button>
          ))}
        </div>
        <label className="hide-formatting">
          <input type="checkbox" checked={state.hideFormatting} onChange={(e) => set({ hideFormatting: e.target.checked })} />
          {t('compare.hideFormatting')}
        </label>
        <span className="spacer" />
        <button type="button" className="small" onClick={copyLink} disabled={!full}>
          {t('compare.copyLink')}
        </button>
        <button type="button" className="small" onClick={download} disabled={!full}>
          {t('compare.downloadHtml')}
        </button>
        <button type="button" className="small" onClick={downloadDocx} disabled={!full} title={t('compare.wordHint')}>
          {t('compare.word')}
        </button>
      </div>
      {notice && (
        <div className="banner banner-info" role="status">
          {notice}
        </div>
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {!full && versions.loaded && <div className="page-message">{t('compare.noRevision')}</div>}
      {loading && <div className="compare-loading muted">{t('compare.comparing')}</div>}
      {html && !loading && <ComparisonFrame html={html} title={t('compare.frameTitle', { from: comparison?.value.from.label, to: comparison?.value.to.label })} />}
    </div>
  );
}
