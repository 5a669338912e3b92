import { useEffect, useRef, useState } from 'react';
import { downloadFile } from '../api/download-file';
import { ApiError } from '../api/http';
import { versionOptions } from '../revisions/compare-url';
import { useVersions } from '../revisions/use-versions';
import { VersionSelect } from '../revisions/version-select';

/** What the menu offers, one line each (`GET …/export?format=…`, docs/api.md). */
const EXPORTS: Array<{ format: string; label: string; hint: string }> = [
  { format: 'docx', label: 'Word (clean)', hint: 'The text as it would print, in UN layout' },
  { format: 'compilation-docx', label: 'Word (compilation with brackets)', hint: 'Every open bracket with its sponsors and positions' },
  { format: 'txt', label: 'Plain text', hint: 'UN-style plain text' },
];

/** The editor header's Export menu: a format and the version to export (live text, a revision, a history point). */
export function ExportMenu({ sessionId, token }: { sessionId: string; token: string }) {
  const [open, setOpen] = useState(false);
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
        Export
      </button>
      {open && <ExportPanel sessionId={sessionId} token={token} />}
    </div>
  );
}

/** Mounted only while the menu is open, so the versions are listed when someone wants them. */
function ExportPanel({ sessionId, token }: { sessionId: string; token: string }) {
  const versions = useVersions(sessionId, token);
  const [version, setVersion] = useState('live');
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const exportAs = (format: string) => {
    setStatus({ text: 'Preparing the file…' });
    const q = new URLSearchParams({ format, version });
    downloadFile(`/api/sessions/${encodeURIComponent(sessionId)}/export?${q}`, token, `${sessionId}.${format.endsWith('docx') ? 'docx' : 'txt'}`, 'the text').then(
      (name) => setStatus({ text: `Downloaded ${name}.` }),
      (e: unknown) => setStatus({ text: e instanceof ApiError ? e.message : String(e), error: true }),
    );
  };
  return (
    <div className="export-panel" role="dialog" aria-label="Export the text">
      <VersionSelect label="Version" value={version} options={versionOptions(versions.revisions, versions.history)} onChange={setVersion} />
      <ul>
        {EXPORTS.map((e) => (
          <li key={e.format}>
            <button type="button" title={e.hint} onClick={() => exportAs(e.format)}>
              {e.label}
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
