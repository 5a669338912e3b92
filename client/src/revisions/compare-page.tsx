import { renderComparisonHtml, type Comparison } from '@accord/shared/diff/index';
import { useEffect, useMemo, useState } from 'react';
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

function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : String(e);
}

/** `/s/:id/compare?from=…&to=…&view=…`: any two versions, shareable by its address. */
export function ComparePage({ sessionId }: { sessionId: string }) {
  const { opened, error } = useOpenedSession(sessionId);
  if (error) return <CannotOpen what="comparison" reason={error} />;
  if (!opened) return <div className="page-message muted">Opening the comparison…</div>;
  return <CompareWorkspace session={opened.session} me={opened.me} token={opened.token} />;
}

function CompareWorkspace({ session, me, token }: { session: Session; me: Me; token: string }) {
  const versions = useVersions(session.id, token);
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
      () => setNotice('Link copied: anyone with access to this text sees this comparison.'),
      () => setNotice(link),
    );
  };
  const download = () => {
    if (!full) return;
    downloadComparisonHtml(session.id, full, view, token).then(
      (name) => setNotice(`Downloaded ${name}.`),
      (e: unknown) => setError(errorText(e)),
    );
  };

  const downloadDocx = () => {
    if (!full) return;
    setNotice('Preparing the Word file…');
    downloadComparisonDocx(session.id, full, token).then(
      (name) => setNotice(`Downloaded ${name}: open it in Word to step through the changes.`),
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <div className="workspace compare-workspace">
      <header className="header-bar">
        <a className="brand" href="/">
          Accord
        </a>
        <div className="header-text">
          {session.symbol && <span className="header-symbol">{session.symbol}</span>}
          <span className="header-title" dir="auto" title={session.title}>
            {session.title}
          </span>
          <span className="tag">Compare</span>
        </div>
        <div className="header-me">
          <span className="dot" style={{ background: me.color }} />
          <span className="me-name">{me.delegation || me.role}</span>
          <span className="tag tag-role">{me.role}</span>
        </div>
        <a className="back-link" href={sessionPath(session.id)}>
          Back to the text
        </a>
      </header>
      <div className="compare-toolbar">
        <VersionSelect label="From" value={from ?? 'live'} options={options} onChange={(ref) => set({ from: ref })} />
        <button type="button" className="small" title="Swap" aria-label="Swap from and to" onClick={() => from && set({ from: state.to, to: from })}>
          ⇄
        </button>
        <VersionSelect label="To" value={state.to} options={options} onChange={(ref) => set({ to: ref })} />
        <div className="view-switch" role="group" aria-label="View">
          {(['inline', 'side-by-side'] as CompareView[]).map((v) => (
            <button key={v} type="button" className={view === v ? 'active' : ''} aria-pressed={view === v} onClick={() => set({ view: v })}>
              {v === 'inline' ? 'Inline' : 'Side by side'}
            </button>
          ))}
        </div>
        <label className="hide-formatting">
          <input type="checkbox" checked={state.hideFormatting} onChange={(e) => set({ hideFormatting: e.target.checked })} />
          Hide formatting and whitespace changes
        </label>
        <span className="spacer" />
        <button type="button" className="small" onClick={copyLink} disabled={!full}>
          Copy link
        </button>
        <button type="button" className="small" onClick={download} disabled={!full}>
          Download HTML
        </button>
        <button type="button" className="small" onClick={downloadDocx} disabled={!full} title="The later version with tracked changes, each by the delegation whose proposal made it">
          Word (tracked changes)
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
      {!full && versions.loaded && <div className="page-message">No revision has been issued yet: choose two versions above (history points or the live text).</div>}
      {loading && <div className="compare-loading muted">Comparing…</div>}
      {html && !loading && <ComparisonFrame html={html} title={`Comparison: ${comparison?.value.from.label} → ${comparison?.value.to.label}`} />}
    </div>
  );
}
