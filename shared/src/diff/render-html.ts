import { blockOpeningWords } from '../opening-words.js';
import { OBJECT_CHAR } from './paragraphs.js';
import type { BracketCounts, Comparison, MarkJSON, ParagraphComparison, TextOp } from './types.js';

export interface RenderOptions {
  view: 'inline' | 'side-by-side';
  title?: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

const CSS = `
body{font:15px/1.5 system-ui,"Noto Sans","Noto Sans CJK SC","Noto Naskh Arabic",sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1b1f24}
h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.1em;margin:1.6em 0 .5em;border-bottom:1px solid #d0d7de}
.meta{color:#57606a;margin:0 0 1em}
table{border-collapse:collapse;margin:.4em 0 1em}th,td{border:1px solid #d0d7de;padding:.25em .6em;text-align:start;vertical-align:top}
th{background:#f6f8fa}
.counts span{display:inline-block;margin-inline-end:1em}
.para{border-inline-start:4px solid transparent;padding:.2em .8em;margin:.4em 0}
.para p{margin:0}
.lab{font-size:.85em;color:#57606a}
.st-changed{border-color:#bf8700}.st-added{border-color:#1a7f37;background:#f0fff4}.st-deleted{border-color:#cf222e;background:#fff5f5}.st-moved{border-color:#8250df}
.badge{display:inline-block;font-size:.75em;padding:0 .5em;border-radius:1em;margin-inline-start:.4em;color:#fff;background:#57606a}
.b-added{background:#1a7f37}.b-deleted{background:#cf222e}.b-moved{background:#8250df}.b-renum{background:#0969da}.b-fmt{background:#9a6700}.b-ws{background:#6e7781}
ins{color:#116329;background:#dafbe1;text-decoration:underline;text-decoration-thickness:2px}
del{color:#a40e26;background:#ffebe9;text-decoration:line-through}
ins.ws{background:#aceebb}del.ws{background:#ffcecb}
.fmt{text-decoration:underline dotted #9a6700;background:#fff8c5}
.br{background:#f1eaff;border-bottom:1px dashed #8250df}
.br-insert{font-weight:600}.br-delete{text-decoration:line-through}
.struck{text-decoration:line-through;color:#6e7781}
.sbs{width:100%;table-layout:fixed}.sbs td{width:50%}
.empty{color:#8c959f;font-style:italic}
.opening{font-style:italic}
.para p:dir(rtl){text-align:right}
.legend span{margin-inline-end:1.2em}
`;

function wrapMarks(html: string, marks: MarkJSON[] | undefined): string {
  if (!marks) return html;
  for (const m of marks) {
    const a = m.attrs ?? {};
    switch (m.type) {
      case 'italic':
        html = `<i>${html}</i>`;
        break;
      case 'bold':
        html = `<b>${html}</b>`;
        break;
      case 'bracket':
        html = `<span class="br br-${escapeHtml(String(a.role ?? 'pending'))}" title="bracket ${escapeHtml(String(a.id ?? ''))} (${escapeHtml(String(a.role ?? ''))})">${html}</span>`;
        break;
      case 'struck':
        html = `<span class="struck">${html}</span>`;
        break;
      default:
        break;
    }
  }
  return html;
}

function textHtml(text: string, marks: MarkJSON[] | undefined): string {
  const ref = marks?.find((m) => m.type !== 'italic' && m.type !== 'bold' && m.type !== 'bracket' && m.type !== 'struck');
  const body = text
    .split(OBJECT_CHAR)
    .map((t) => escapeHtml(t))
    .join(`<sup class="fn">${escapeHtml(String(ref?.attrs?.marker ?? '*'))}</sup>`);
  return wrapMarks(body, marks);
}

function describeMarks(marks: MarkJSON[]): string {
  if (marks.length === 0) return 'plain';
  return marks
    .map((m) => (m.type === 'bracket' ? `bracket ${String(m.attrs?.role ?? '')} ${String(m.attrs?.id ?? '')}` : m.type))
    .join(', ');
}

function opHtml(o: TextOp, only?: 'a' | 'b'): string {
  switch (o.op) {
    case 'equal':
      return textHtml(o.text, o.marks);
    case 'insert':
      return only === 'a' && !o.struck ? '' : `<ins${o.whitespace ? ' class="ws"' : ''}>${textHtml(o.text, o.marks)}</ins>`;
    case 'delete':
      return only === 'b' && !o.struck ? '' : `<del${o.whitespace ? ' class="ws"' : ''}>${textHtml(o.text, o.marks)}</del>`;
    case 'format': {
      const title = `formatting: ${describeMarks(o.from)} → ${describeMarks(o.to)}`;
      return `<span class="fmt" title="${escapeHtml(title)}">${textHtml(o.text, only === 'a' ? o.from : o.to)}</span>`;
    }
  }
}

function badges(e: ParagraphComparison): string {
  const out: string[] = [];
  if (e.status === 'added') out.push(`<span class="badge b-added">${e.replaces ? 'new (replaces a deleted paragraph)' : 'new'}</span>`);
  if (e.status === 'deleted')
    out.push(`<span class="badge b-deleted">${e.mergedInto ? 'deleted (text moved to another paragraph)' : 'deleted'}</span>`);
  if (e.status === 'moved') out.push(`<span class="badge b-moved">moved from ${escapeHtml(e.labelFrom || `position ${(e.a?.index ?? 0) + 1}`)}</span>`);
  if (e.a && e.b && e.labelFrom !== undefined && e.labelTo !== undefined && e.labelFrom !== e.labelTo)
    out.push(`<span class="badge b-renum">${escapeHtml(e.labelFrom)} → ${escapeHtml(e.labelTo)}</span>`);
  if (e.formatOnly) out.push('<span class="badge b-fmt">formatting only</span>');
  if (e.whitespaceOnly) out.push('<span class="badge b-ws">whitespace only</span>');
  if (e.kindChanged && e.a && e.b) out.push(`<span class="badge">${escapeHtml(e.a.kind)} → ${escapeHtml(e.b.kind)}</span>`);
  return out.join('');
}

/** Whether an op is shown on this side (the same choice as opHtml's). */
function shown(o: TextOp, only?: 'a' | 'b'): boolean {
  if (o.op === 'insert') return !(only === 'a' && !o.struck);
  if (o.op === 'delete') return !(only === 'b' && !o.struck);
  return true;
}

/**
 * The paragraph's ops with its opening words in italics (UN Editorial Manual; shared/src/opening-words.ts),
 * found in the text this side shows; an op that the phrase ends inside is split in two.
 */
function paragraphOps(e: ParagraphComparison, lang: string, only?: 'a' | 'b'): string {
  const ops = e.ops.filter((o) => shown(o, only));
  const [type, level] = ((only === 'a' ? e.a : (e.b ?? e.a))?.kind ?? '').split(':');
  const range = blockOpeningWords(type, Number(level ?? 0), ops.map((o) => o.text).join(''), lang);
  if (!range) return ops.map((o) => opHtml(o, only)).join('');
  // Before, inside and after the phrase; an op the phrase starts or ends inside is split.
  const parts = ['', '', ''];
  let at = 0;
  for (const o of ops) {
    const cut = [0, Math.min(Math.max(range.start - at, 0), o.text.length), Math.min(Math.max(range.end - at, 0), o.text.length), o.text.length];
    for (let k = 0; k < 3; k++) if (cut[k] < cut[k + 1]) parts[k] += opHtml({ ...o, text: o.text.slice(cut[k], cut[k + 1]) }, only);
    at += o.text.length;
  }
  return `${parts[0]}<span class="opening">${parts[1]}</span>${parts[2]}`;
}

function paragraphText(e: ParagraphComparison, lang: string, only?: 'a' | 'b'): string {
  return `<p dir="auto" lang="${escapeHtml(lang)}">${paragraphOps(e, lang, only)}</p>`;
}

/** A right-to-left text (Arabic) puts each paragraph's label on the right, beside where its text starts. */
const paraDir = (lang: string): string => (/^(ar|fa|he|ur)\b/i.test(lang) ? ' dir="rtl"' : '');

function inlineView(c: Comparison, lang: string): string {
  return c.paragraphs
    .map((e) => {
      const label = e.labelTo ?? e.labelFrom ?? '';
      return `<div class="para st-${e.status}" id="p-${escapeHtml(e.id)}"${paraDir(lang)}><div class="lab">${escapeHtml(label)}${badges(e)}</div>${paragraphText(e, lang)}</div>`;
    })
    .join('\n');
}

function sideBySideView(c: Comparison, lang: string): string {
  const rows = c.paragraphs.map((e) => {
    const left = e.a && !(e.status === 'added')
      ? `<div class="lab">${escapeHtml(e.labelFrom ?? '')}</div>${paragraphText(e, lang, 'a')}`
      : '<span class="empty">—</span>';
    const right = e.b
      ? `<div class="lab">${escapeHtml(e.labelTo ?? '')}${badges(e)}</div>${paragraphText(e, lang, 'b')}`
      : `<div class="lab">${badges(e)}</div>`;
    return `<tr class="para st-${e.status}" id="p-${escapeHtml(e.id)}"><td${paraDir(lang)}>${left}</td><td${paraDir(lang)}>${right}</td></tr>`;
  });
  return `<table class="sbs"><thead><tr><th>${escapeHtml(c.from.label)}</th><th>${escapeHtml(c.to.label)}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

const STATUS_NAMES: Record<string, string> = { informals: 'agreed in informals', adref: 'agreed ad ref', adopted: 'adopted under silence procedure' };
const statusName = (s: string): string => s.replace(/^[a-z]+/, (w) => STATUS_NAMES[w] ?? w);

const COUNT_KEYS: Array<keyof BracketCounts> = ['added', 'accepted', 'rejected', 'withdrawn', 'superseded', 'reopened', 'resolved', 'removed'];

function countsRow(counts: BracketCounts): string {
  return COUNT_KEYS.map((k) => `<td>${counts[k] || ''}</td>`).join('');
}

function summaryHtml(c: Comparison): string {
  const s = c.brackets;
  const parts: string[] = [];
  parts.push(
    `<p class="counts"><span>Open brackets: <b>${s.openBrackets.a}</b> → <b>${s.openBrackets.b}</b></span>${COUNT_KEYS.filter((k) => s.totals[k] > 0)
      .map((k) => `<span>${k}: <b>${s.totals[k]}</b></span>`)
      .join('')}</p>`,
  );
  const st = c.stats;
  parts.push(
    `<p class="counts"><span>Paragraphs changed: <b>${st.changed}</b></span><span>new: <b>${st.added}</b></span><span>deleted: <b>${st.deleted}</b></span><span>moved: <b>${st.moved}</b></span><span>formatting only: <b>${st.formatOnly}</b></span><span>whitespace only: <b>${st.whitespaceOnly}</b></span></p>`,
  );
  const head = `<tr><th>%</th>${COUNT_KEYS.map((k) => `<th>${k}</th>`).join('')}</tr>`;
  if (s.byDelegation.length > 0) {
    parts.push('<h3>By delegation</h3>');
    parts.push(
      `<table>${head.replace('%', 'Delegation')}${s.byDelegation.map((d) => `<tr><td>${escapeHtml(d.delegation)}</td>${countsRow(d.counts)}</tr>`).join('')}</table>`,
    );
  }
  if (s.byParagraph.length > 0) {
    parts.push('<h3>By paragraph</h3>');
    parts.push(
      `<table>${head.replace('%', 'Paragraph')}${s.byParagraph.map((p) => `<tr><td><a href="#p-${escapeHtml(p.paragraphId ?? '')}">${escapeHtml(p.label || p.paragraphId || '—')}</a></td>${countsRow(p.counts)}</tr>`).join('')}</table>`,
    );
  }
  if (s.events.length > 0) {
    parts.push('<h3>Brackets</h3>');
    parts.push(
      `<table><tr><th>Paragraph</th><th>Change</th><th>Sponsors</th><th>Kind</th><th>Text</th></tr>${s.events
        .map(
          (ev) =>
            `<tr><td>${escapeHtml(ev.paragraphLabel || ev.paragraphId || '—')}</td><td>${escapeHtml(ev.change)}${ev.inferred ? ' (from the text)' : ''}</td><td>${escapeHtml(ev.sponsors.join(', '))}</td><td>${escapeHtml(ev.kind ?? '')}</td><td dir="auto">${escapeHtml(ev.text ?? '')}</td></tr>`,
        )
        .join('')}</table>`,
    );
  }
  if (s.statusChanges.length > 0) {
    parts.push('<h3>Paragraph status</h3>');
    parts.push(
      `<table><tr><th>Paragraph</th><th>From</th><th>To</th></tr>${s.statusChanges.map((x) => `<tr><td>${escapeHtml(x.label || x.paragraphId)}</td><td>${escapeHtml(statusName(x.from))}</td><td>${escapeHtml(statusName(x.to))}</td></tr>`).join('')}</table>`,
    );
  }
  if (s.paragraphsAdded.length > 0 || s.paragraphsDeleted.length > 0) {
    const list = [
      ...s.paragraphsAdded.map((p) => `new ${escapeHtml(p.label || p.paragraphId)}${p.sponsors.length ? ` (${escapeHtml(p.sponsors.join(', '))})` : ''}`),
      ...s.paragraphsDeleted.map((p) => `deleted ${escapeHtml(p.label || p.paragraphId)}`),
    ];
    parts.push(`<p>Paragraphs: ${list.join(' · ')}</p>`);
  }
  return parts.join('\n');
}

function concordanceHtml(c: Comparison): string {
  if (c.concordance.length === 0) return '<p class="empty">No paragraph was renumbered, merged, added or deleted.</p>';
  return `<table><tr><th>${escapeHtml(c.to.label)}</th><th>←&nbsp;${escapeHtml(c.from.label)}</th><th>Note</th><th>Proposals taken in</th></tr>${c.concordance
    .map(
      (r) =>
        `<tr><td>${r.to === null ? '<span class="empty">deleted</span>' : escapeHtml(r.to)}</td><td>${r.from.length ? r.from.map(escapeHtml).join(' + ') : '<span class="empty">new</span>'}</td><td>${escapeHtml(r.note)}</td><td>${escapeHtml(r.delegations.join(', '))}</td></tr>`,
    )
    .join('')}</table>`;
}

/** The comparison as one self-contained HTML page: inline CSS, no scripts, no external resources. */
export function renderComparisonHtml(c: Comparison, options: RenderOptions = { view: 'inline' }): string {
  const lang = c.to.language ?? c.from.language ?? c.locale;
  const title = options.title ?? `${c.from.label} → ${c.to.label}`;
  const view = options.view === 'side-by-side' ? sideBySideView(c, lang) : inlineView(c, lang);
  const hidden = [c.options.ignoreFormatting ? 'formatting changes hidden' : '', c.options.ignoreWhitespace ? 'whitespace changes hidden' : '']
    .filter(Boolean)
    .join(', ');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1 dir="auto">${escapeHtml(title)}</h1>
<p class="meta">Comparing <b dir="auto">${escapeHtml(c.from.label)}</b> with <b dir="auto">${escapeHtml(c.to.label)}</b>${hidden ? ` · ${escapeHtml(hidden)}` : ''}</p>
<p class="legend"><span><ins>inserted</ins></span><span><del>deleted</del></span><span><span class="fmt">formatting changed</span></span><span><span class="br">bracketed</span></span></p>
<section class="summary"><h2>Summary</h2>
${summaryHtml(c)}
</section>
<section class="diff ${options.view === 'side-by-side' ? 'side-by-side' : 'inline'}"><h2>Text</h2>
${view}
</section>
<section class="concordance"><h2>Concordance</h2>
${concordanceHtml(c)}
</section>
</body>
</html>
`;
}
