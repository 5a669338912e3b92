import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/download-file';
import { ApiError } from '../api/http';
import { versionOptions } from '../revisions/compare-url';
import { useVersions } from '../revisions/use-versions';
import { VersionSelect } from '../revisions/version-select';

/** What the menu offers, one line each (`GET …/export?format=…`, docs/api.md). */
const EXPORTS = [
  { format: 'docx', key: 'docx' },
  { format: 'compilation-docx', key: 'compilation' },
  { format: 'txt', key: 'txt' },
] as const;

/** The editor header's Export menu: a format and the version to export (live text, a revision, a history point). */
export function ExportMenu({ sessionId, token }: { sessionId: string; token: string }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="export-menu" ref={root}>
      <button type="button" className="small" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('export.menu')}
      </button>
      {open && <ExportPanel sessionId={sessionId} token={token} />}
    </div>
  );
}

/** Mounted only while the menu is open, so the versions are listed when someone wants them. */
function ExportPanel({ sessionId, token }: { sessionId: string; token: string }) {
  const versions = useVersions(sessionId, token);
  const { t } = useTranslation();
  const [version, setVersion] = useState('live');
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const exportAs = (format: string) => {
    setStatus({ text: t('export.preparing') });
    const q = new URLSearchParams({ format, version });
    downloadFile(`/api/sessions/${encodeURIComponent(sessionId)}/export?${q}`, token, `${sessionId}.${format.endsWith('docx') ? 'docx' : 'txt'}`).then(
      (name) => setStatus({ text: t('export.downloaded', { name }) }),
      (e: unknown) => setStatus({ text: e instanceof ApiError ? e.message : String(e), error: true }),
    );
  };
  return (
    <div className="export-panel" role="dialog" aria-label={t('export.dialog')}>
      <VersionSelect label={t('export.version')} value={version} options={versionOptions(versions.revisions, versions.history)} onChange={setVersion} />
      <ul>
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <button type="button" title={t(`export.${e.key}.hint`)} onClick={() => exportAs(e.format)}>
              {t(`export.${e.key}.label`)}
            </button>
          </li>
        ))}
      </ul>
      {versions.error && <p className="export-status error">{versions.error}</p>}
      {status && (
        <p className={status.error ? 'export-status error' : 'export-status'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
