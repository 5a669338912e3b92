import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { createSession, type CreatedSession } from '../api/sessions';
import { readTextFile } from './read-text-file';

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
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A created session whose import left warnings: shown before the text opens, so the secretariat sees them.
  const [review, setReview] = useState<CreatedSession | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      setText(await readTextFile(file, setProgress));
      if (!title) setTitle(file.name.replace(/\.txt$/i, ''));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('Give the text a title.');
    setBusy(true);
    setError(null);
    try {
      const input = { title: title.trim(), ...(text.trim() && { text }), ...(symbol.trim() && { symbol: symbol.trim() }), ...(language && { language }) };
      const created = await createSession(input, adminKey);
      if (created.warnings?.length) setReview(created);
      else onCreated(created);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (review) {
    return (
      <section className="card import-warnings" aria-label="Import warnings">
        <h2>Imported with {review.warnings!.length} warning{review.warnings!.length === 1 ? '' : 's'}</h2>
        <p className="muted">“{review.session.title}” was created. What the import did not understand stayed in the text as written:</p>
        <ul className="warning-list">
          {review.warnings!.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
        <div className="row row-end">
          <button type="button" className="primary" onClick={() => onCreated(review)}>
            Open the text
          </button>
        </div>
      </section>
    );
  }

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
          Text <span className="muted">(paste plain text, or load a .txt file)</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} placeholder="The General Assembly, …" />
        </label>
        <div className="row row-end">
          <label className="file-button">
            Load .txt file…
            <input type="file" accept=".txt,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} />
          </label>
          {progress !== null && (
            <progress max={1} value={progress} aria-label="Reading file">
              {Math.round(progress * 100)}%
            </progress>
          )}
          <span className="spacer" />
          <button type="submit" className="primary" disabled={busy || progress !== null}>
            {busy ? 'Creating…' : 'Create and open as chair'}
          </button>
        </div>
        {error && <p className="error-text">{error}</p>}
      </form>
    </section>
  );
}
