import { schema } from '@accord/shared';
import type { Proposal } from '@accord/shared/brackets/index';
import { cssString, printBlocks, printDate } from '@accord/shared/print/index';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, i18next } from '../i18n';
import { ApiError } from '../api/http';
import type { Session } from '../api/sessions';
import { useOpenedSession } from '../api/use-opened-session';
import { sessionPath } from '../router';
import { CannotOpen } from '../views/cannot-open';
import { versionOptions } from '../revisions/compare-url';
import { useVersions } from '../revisions/use-versions';
import { VersionSelect } from '../revisions/version-select';
import { fetchVersionText, printPath, type VersionText } from './print-api';
import { PrintedBody } from './printed-text';
import './print.css';

const UN_LANGUAGES = new Set(['ar', 'zh', 'en', 'fr', 'ru', 'es']);

/** `/s/:id/print?version=live|rev:<id>|history:<id>`: the text in UN layout, to print or save as PDF. */
export function PrintPage({ sessionId }: { sessionId: string }) {
  const { opened, error } = useOpenedSession(sessionId);
  const { t } = useTranslation();
  if (error) return <CannotOpen what="text" reason={error} />;
  if (!opened) return <div className="page-message muted">{t('editor.opening')}</div>;
  return <PrintView session={opened.session} token={opened.token} />;
}

function PrintView({ session, token }: { session: Session; token: string }) {
  const [version, setVersion] = useState(() => new URLSearchParams(window.location.search).get('version') ?? 'live');
  const versions = useVersions(session.id, token);
  const { t } = useTranslation();
  const choose = (ref: string) => {
    setVersion(ref);
    setText(null);
    window.history.replaceState(window.history.state, '', printPath(session.id, ref));
  };
  const [text, setText] = useState<VersionText | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The compilation view's sponsors after each open bracket, as the editor shows them; off: bare brackets.
  const [sponsors, setSponsors] = useState(true);

  useEffect(() => {
    let cancelled = false;
    fetchVersionText(session.id, version, token)
      .then((v) => !cancelled && setText(v))
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [session.id, version, token]);

  const language = text?.meta.language || session.language || 'en';
  const printed = useMemo(() => {
    if (!text) return null;
    const doc = schema.nodeFromJSON(text.snapshot.doc);
    return printBlocks(doc, { language, proposals: text.snapshot.proposals as Record<string, Proposal> | undefined, sponsors });
  }, [text, language, sponsors]);

  const symbol = text?.meta.symbol || session.symbol || '';
  useEffect(() => {
    document.title = t('print.pageTitle', { title: symbol || text?.meta.title || session.title });
  }, [symbol, text, session.title, t]);

  if (error) return <CannotOpen what="text" reason={error} />;
  if (!text || !printed) return <div className="page-message muted">{t('print.layingOut')}</div>;

  // The running header of every printed page: the symbol on the left, the page number on the right
  // (CSS page margin boxes; a style element, not a script, so the CSP's script-src 'self' holds).
  const pageCss = `@page { size: A4; margin: 22mm 20mm 20mm 20mm; @top-left { content: ${cssString(symbol)}; } @top-right { content: counter(page) " / " counter(pages); } }`;
  // The masthead is the document's, in the document's language (UN practice), not the interface's.
  const base = language.split('-')[0];
  const tDoc = i18next.getFixedT(UN_LANGUAGES.has(base) ? base : 'en');
  const languageName = UN_LANGUAGES.has(base) ? tDoc(`print.languageName.${base}`) : language;
  return (
    <div className="print-page">
      <style>{pageCss}</style>
      <div className="print-toolbar">
        <a className="back-link" href={sessionPath(session.id)}>
          {t('compare.back')}
        </a>
        <VersionSelect label={t('export.version')} value={version} options={versionOptions(versions.revisions, versions.history)} onChange={choose} />
        <label>
          <input type="checkbox" checked={sponsors} onChange={(e) => setSponsors(e.target.checked)} /> {t('print.sponsors')}
        </label>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <article className="un-document" lang={language} dir={directionOf(language)}>
        <header className="un-masthead" dir="ltr">
          <div className="un-masthead-row">
            <span className="un-org">{tDoc('print.masthead.un')}</span>
            <span className="un-symbol">{symbol}</span>
          </div>
          <div className="un-distribution">
            <div>{tDoc('print.masthead.distr')}</div>
            <div>{printDate(text.date)}</div>
            <div>{tDoc('print.masthead.original', { language: languageName })}</div>
            {text.meta.revisionLabel && <div>{text.meta.revisionLabel}</div>}
          </div>
        </header>
        <PrintedBody printed={printed} />
      </article>
    </div>
  );
}
