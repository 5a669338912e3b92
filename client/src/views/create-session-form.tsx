import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_AUTONYMS, INTERFACE_LANGUAGES } from '../i18n';
import { ApiError } from '../api/http';
import { createSession, type CreatedSession } from '../api/sessions';
import { readFileBase64, readTextFile } from './read-text-file';

/** An example symbol (the document's, never translated). */
const SYMBOL_EXAMPLE = 'A/C.3/74/L.11/Rev.1';

export function CreateSessionForm({ adminKey, onCreated }: { adminKey: string | null; onCreated: (c: CreatedSession) => void }) {
  const { t } = useTranslation();
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
    if (!title.trim() && !docx) return setError(t('create.needTitle'));
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
      <h2>{t('create.title')}</h2>
      <form className="create-form" onSubmit={submit}>
        <label>
          {t('create.textTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('create.titleHint')} />
        </label>
        <div className="row">
          <label>
            {t('create.symbol')} <span className="muted">{t('common.optional')}</span>
            <input value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder={SYMBOL_EXAMPLE} />
          </label>
          <label>
            {t('create.language')}
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value="">{t('create.detect')}</option>
              {INTERFACE_LANGUAGES.map((v) => (
                <option key={v} value={v} lang={v}>
                  {LANGUAGE_AUTONYMS[v]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          {t('create.text')} <span className="muted">{t('create.textHint')}</span>
          {docx ? (
            <span className="row">
              <span data-testid="docx-name">{t('create.wordFile', { name: docx.name })}</span>
              <button type="button" onClick={() => setDocx(null)}>
                {t('create.remove')}
              </button>
            </span>
          ) : (
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} placeholder={t('create.textExample')} />
          )}
        </label>
        <div className="row row-end">
          <label className="file-button">
            {t('create.load')}
            <input
              type="file"
              accept=".txt,text/plain,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </label>
          {progress !== null && (
            <progress max={1} value={progress} aria-label={t('create.reading')}>
              {Math.round(progress * 100)}%
            </progress>
          )}
          <span className="spacer" />
          <button type="submit" className="primary" disabled={busy || progress !== null || created !== null}>
            {busy ? t('create.creating') : t('create.submit')}
          </button>
        </div>
        {error && <p className="error-text">{error}</p>}
        {created && (
          <div className="import-warnings" role="status">
            <p>
              {t('create.warnings', { count: created.warnings!.length })}
            </p>
            <ul>
              {created.warnings!.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
            <button type="button" className="primary" onClick={() => onCreated(created)}>
              {t('create.openAsChair')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
