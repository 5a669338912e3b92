import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { RevisionPreview } from '@accord/shared/revisions/index';
import { ApiError } from '../api/http';
import { previewRevision } from './revisions-api';

/**
 * In the issue-revision dialog: the paragraph references the revision will rewrite to the new
 * numbers, and, first, those it cannot follow (target deleted, missing or unclear), which stay as
 * written unless the chair fixes them before issuing. Asked of the server when the dialog opens.
 */
export function ReferenceCheck(props: { sessionId: string; token: string }) {
  const [preview, setPreview] = useState<RevisionPreview | null>(null);
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    previewRevision(props.sessionId, props.token)
      .then((p) => !cancelled && setPreview(p))
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [props.sessionId, props.token]);

  if (error) return <p className="muted small-text">{t('references.failed', { error })}</p>;
  if (!preview) return <p className="muted small-text">{t('references.checking')}</p>;
  const { flagged, references } = preview;
  if (!flagged.length && !references.length) return null;
  return (
    <section className="reference-check" aria-label={t('references.title')}>
      {flagged.length > 0 && (
        <div className="reference-flags" role="alert">
          <p>
            <Trans i18nKey="references.flagged" count={flagged.length} components={{ strong: <strong /> }} />
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('references.paragraph')}</th>
                <th>{t('references.reference')}</th>
                <th>{t('references.why')}</th>
              </tr>
            </thead>
            <tbody>
              {flagged.map((f, i) => (
                <tr key={i}>
                  <td>{f.label}</td>
                  <td dir="auto">{f.text}</td>
                  <td>{f.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {references.length > 0 && (
        <details className="reference-rewrites">
          <summary>
            {t('references.follow', { count: references.length })}
          </summary>
          <ul>
            {references.map((r, i) => (
              <li key={i} dir="auto">
                {r.labelFrom === r.labelTo ? r.labelTo : `${r.labelFrom} → ${r.labelTo}`}: “{r.from}” → “{r.to}”
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
