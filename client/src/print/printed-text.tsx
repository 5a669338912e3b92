import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintBlock, PrintedText, PrintRun } from '@accord/shared/print/index';

function Run({ run }: { run: PrintRun }) {
  switch (run.kind) {
    case 'text': {
      const cls = [run.opening && 'opening', run.italic && 'i', run.bold && 'b'].filter(Boolean).join(' ');
      return cls ? <span className={cls}>{run.text}</span> : <>{run.text}</>;
    }
    case 'ref':
      return <sup className={run.opening ? 'un-fnref opening' : 'un-fnref'}>{run.marker}</sup>;
    case 'open':
      return (
        <>
          {run.alt && <span className="un-alt">{run.alt} </span>}
          <span className="un-bracket">[</span>
        </>
      );
    case 'close':
      return (
        <>
          <span className="un-bracket">]</span>
          {run.tag && <sup className="un-tag">{run.tag}</sup>}
        </>
      );
  }
}

function Runs({ block }: { block: PrintBlock }) {
  return (
    <>
      {block.runs.map((r, i) => (
        <Run key={i} run={r} />
      ))}
    </>
  );
}

/** One block in UN layout: the OP number inline at the start of its first line, so it cannot be parted from its text. */
function Block({ block }: { block: PrintBlock }) {
  switch (block.type) {
    case 'title':
      return (
        <h1 className="un-title">
          <Runs block={block} />
        </h1>
      );
    case 'headingLine':
      return (
        <p className="un-heading-line">
          <Runs block={block} />
        </p>
      );
    case 'operative':
      return (
        <p className={`un-op un-level-${Math.min(Math.max(block.level, 0), 2)}`} data-id={block.id}>
          {block.number && <span className="un-num">{block.number}</span>}
          <Runs block={block} />
        </p>
      );
    case 'preambular':
      return (
        <p className="un-pp" data-id={block.id}>
          <Runs block={block} />
        </p>
      );
    default:
      return (
        <p className={block.style === 'heading' ? 'un-note un-note-heading' : 'un-note'}>
          <Runs block={block} />
        </p>
      );
  }
}

/** The body, then the footnotes after a short rule (at the end of the document). */
export function PrintedBody({ printed }: { printed: PrintedText }) {
  const { t } = useTranslation();
  return (
    <>
      {printed.body.map((b, i) => (
        <Block key={`${b.id}-${i}`} block={b} />
      ))}
      {printed.footnotes.length > 0 && (
        <section className="un-footnotes" aria-label={t('print.footnotes')}>
          {printed.footnotes.map((f, i) => (
            <Fragment key={`${f.id}-${i}`}>
              <p className="un-footnote">
                <sup className="un-fn-marker">{f.number}</sup> <Runs block={f} />
              </p>
            </Fragment>
          ))}
        </section>
      )}
    </>
  );
}
