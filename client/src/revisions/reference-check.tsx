import { useEffect, useState } from 'react';
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

  if (error) return <p className="muted small-text">Paragraph references could not be checked: {error}</p>;
  if (!preview) return <p className="muted small-text">Checking paragraph references…</p>;
  const { flagged, references } = preview;
  if (!flagged.length && !references.length) return null;
  return (
    <section className="reference-check" aria-label="Paragraph references">
      {flagged.length > 0 && (
        <div className="reference-flags" role="alert">
          <p>
            <strong>
              {flagged.length === 1 ? '1 reference' : `${flagged.length} references`} cannot follow the new numbering
            </strong>{' '}
            and will be left as written:
          </p>
          <table>
            <thead>
              <tr>
                <th>Paragraph</th>
                <th>Reference</th>
                <th>Why</th>
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
            {references.length === 1 ? '1 reference' : `${references.length} references`} will follow the new numbers
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
