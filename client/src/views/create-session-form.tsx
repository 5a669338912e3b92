import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { createSession, type CreatedSession } from '../api/sessions';
import { readFileBase64, readTextFile } from './read-text-file';

const LANGUAGES = [
  ['', 'Detect from text'],
  ['en', 'English'],
  ['fr', 'Français'],
  ['es', 'Español'],
  ['ru', 'Русский'],
  ['zh', '中文'],
  ['ar', 'العربية'],
] as const;

export function CreateSessionForm({ adminKey, onCreated }: { adminKey: string | null; onCreated: (c: CreatedSession) => void }) {
  const [title, setTitle] = useState('');
  const [symbol, setSymbol] = useState('');
  const [language, setLanguage] = useState('');
  const [text, setText] = useState('');
  const [docx, setDocx] = useState<{ name: string; base64: string } | null>(null);
  const [created, setCreated] = useState<CreatedSession | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      if (/\.docx$/i.test(file.name)) {
        setDocx({ name: file.name, base64: await readFileBase64(file, setProgress) });
        setText('');
      } else {
        setText(await readTextFile(file, setProgress));
        setDocx(null);
        if (!title) setTitle(file.name.replace(/\.txt$/i, ''));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A Word file's title is read from the file when none is given.
    if (!title.trim() && !docx) return setError('Give the text a title.');
    setBusy(true);
    setError(null);
    try {
      const source = docx ? { docx: docx.base64 } : text.trim() ? { text } : {};
      const input = { title: title.trim(), ...source, ...(symbol.trim() && { symbol: symbol.trim() }), ...(language && { language }) };
      const result = await createSession(input, adminKey);
      // Warnings are read here, before the editor opens: what the import could not place is listed.
      if (result.warnings?.length) setCreated(result);
      else onCreated(result);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h2>New text</h2>
      <form className="create-form" onSubmit={submit}>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Countering the use of ICTs for criminal purposes" />
        </label>
        <div className="row">
          <label>
            Symbol <span className="muted">(optional)</span>
            <input value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="A/C.3/74/L.11/Rev.1" />
          </label>
          <label>
            Language
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              {LANGUAGES.map(([v, name]) => (
                <option key={v} value={v}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          Text <span className="muted">(paste plain text, or load a .txt or Word .docx file)</span>
          {docx ? (
            <span className="row">
              <span data-testid="docx-name">Word file: {docx.name}</span>
              <button type="button" onClick={() => setDocx(null)}>
                Remove
              </button>
            </span>
          ) : (
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} placeholder="The General Assembly, …" />
          )}
        </label>
        <div className="row row-end">
          <label className="file-button">
            Load .txt or .docx file…
            <input
              type="file"
              accept=".txt,text/plain,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </label>
          {progress !== null && (
            <progress max={1} value={progress} aria-label="Reading file">
              {Math.round(progress * 100)}%
            </progress>
          )}
          <span className="spacer" />
          <button type="submit" className="primary" disabled={busy || progress !== null || created !== null}>
            {busy ? 'Creating…' : 'Create and open as chair'}
          </button>
        </div>
        {error && <p className="error-text">{error}</p>}
        {created && (
          <div className="import-warnings" role="status">
            <p>
              Imported with {created.warnings!.length} warning{created.warnings!.length === 1 ? '' : 's'}:
            </p>
            <ul>
              {created.warnings!.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
            <button type="button" className="primary" onClick={() => onCreated(created)}>
              Open as chair
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
