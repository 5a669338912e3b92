import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import { printPath } from '../print/print-api';
import { comparePath, defaultPair, historyReason, historyTime, nextRevisionLabel, versionOptions } from './compare-url';
import { IssueRevisionDialog } from './issue-revision-dialog';
import { RestoreDialog } from './restore-dialog';
import { useVersions } from './use-versions';
import { VersionSelect } from './version-select';
import './revisions.css';

const RECENT_HISTORY = 8;

/**
 * Sidebar panel: the revisions of the text and recent history points. Everyone can compare; the
 * chair also issues revisions and restores versions.
 */
export function RevisionsPanel(props: { sessionId: string; token: string; isChair: boolean; revisionLabel?: string; notify: (m: string) => void }) {
  const { sessionId, token, isChair, notify } = props;
  const { t } = useTranslation();
  const versions = useVersions(sessionId, token, props.revisionLabel);
  const { revisions, history } = versions;
  const [issuing, setIssuing] = useState(false);
  const [restoring, setRestoring] = useState<{ ref: string; label: string } | null>(null);
  const [picking, setPicking] = useState(false);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState('live');

  const open = (fromRef: string, toRef: string) => navigate(comparePath(sessionId, { from: fromRef, to: toRef, view: 'inline', hideFormatting: false }));
  const options = versionOptions(revisions, history);
  const fallbackFrom = defaultPair(revisions)?.from ?? (history[0] ? `history:${history[0].id}` : null);
  const pickedFrom = from ?? fallbackFrom;

  return (
    <section className="panel revisions-panel" aria-label={t('revisions.title')}>
      <h3>
        {t('revisions.title')} <span className="count">{revisions.length}</span>
        <span className="spacer" />
        {isChair && (
          <button type="button" className="small" onClick={() => setIssuing(true)}>
            {t('revisions.issue')}
          </button>
        )}
      </h3>
      {versions.error && <p className="error-text">{versions.error}</p>}
      {versions.loaded && revisions.length === 0 && <p className="muted small-text">{t('revisions.none')}</p>}
      <ol className="revision-list">
        {[...revisions].reverse().map((r) => (
          <li key={r.id} className="revision-item">
            <div className="revision-head">
              <strong dir="auto">{r.label}</strong>
              <span className="muted">{r.date}</span>
            </div>
            <div className="muted small-text">{t('revisions.by', { by: r.by || t('revisions.theChair') })}</div>
            {r.note && (
              <p className="revision-note" dir="auto">
                {r.note}
              </p>
            )}
            <div className="revision-actions">
              <button type="button" className="small" onClick={() => open(`rev:${r.id}`, `rev:${r.id}`)} title={t('revisions.showHint')}>
                {t('revisions.show')}
              </button>
              <button type="button" className="small" onClick={() => open(`rev:${r.id}`, 'live')}>
                {t('revisions.compareLive')}
              </button>
              <a className="small print-link" href={printPath(sessionId, `rev:${r.id}`)} target="_blank" rel="noopener">
                {t('revisions.print')}
              </a>
              {isChair && (
                <button type="button" className="small" onClick={() => setRestoring({ ref: `rev:${r.id}`, label: r.label })}>
                  {t('revisions.restore')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>

      {!picking ? (
        <button type="button" className="small" onClick={() => (versions.reload(), setPicking(true))} disabled={options.length < 2}>
          {t('revisions.compareMenu')}
        </button>
      ) : (
        <form
          className="compare-picker"
          onSubmit={(e) => {
            e.preventDefault();
            if (pickedFrom) open(pickedFrom, to);
          }}
        >
          <VersionSelect label={t('revisions.from')} value={pickedFrom ?? 'live'} options={options} onChange={setFrom} />
          <VersionSelect label={t('revisions.to')} value={to} options={options} onChange={setTo} />
          <div className="revision-actions">
            <button type="submit" className="small primary" disabled={!pickedFrom || pickedFrom === to}>
              {t('revisions.compare')}
            </button>
            <button type="button" className="small" onClick={() => setPicking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}

      {history.length > 0 && (
        <details className="history-list">
          <summary>
            {t('revisions.history')} <span className="count">{history.length}</span>
          </summary>
          <ul>
            {history.slice(0, RECENT_HISTORY).map((h) => (
              <li key={h.id}>
                <span className="small-text">
                  {historyTime(h.at)} <span className="muted">· {historyReason(h.reason)}</span>
                </span>
                <span className="revision-actions">
                  <button type="button" className="small" onClick={() => open(`history:${h.id}`, `history:${h.id}`)} title={t('revisions.showThen')}>
                    {t('revisions.show')}
                  </button>
                  <button type="button" className="small" onClick={() => open(`history:${h.id}`, 'live')}>
                    {t('revisions.compareLive')}
                  </button>
                  {isChair && (
                    <button type="button" className="small" onClick={() => setRestoring({ ref: `history:${h.id}`, label: historyTime(h.at) })}>
                      {t('revisions.restore')}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}

      {issuing && (
        <IssueRevisionDialog
          sessionId={sessionId}
          token={token}
          suggestedLabel={nextRevisionLabel(revisions)}
          onClose={() => setIssuing(false)}
          onIssued={(r) => {
            setIssuing(false);
            notify(t('revisions.issued', { label: r.label }));
            versions.reload();
          }}
        />
      )}
      {restoring && (
        <RestoreDialog
          sessionId={sessionId}
          token={token}
          version={restoring}
          onClose={() => setRestoring(null)}
          onRestored={() => {
            notify(t('revisions.restored', { label: restoring.label }));
            setRestoring(null);
            versions.reload();
          }}
        />
      )}
    </section>
  );
}
