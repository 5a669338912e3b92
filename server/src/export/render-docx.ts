import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  Footer,
  Header,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { LayoutParagraph, LayoutRun, RunChange, UnLayout } from '@accord/shared/un-layout/index';

/**
 * Renders a UN layout (shared/src/un-layout) as a Word document with the `docx` library: A4, the
 * masthead top right, fonts per script, hanging indents, real footnotes, right to left for
 * Arabic, and tracked changes (`w:ins`/`w:del`) where the layout carries them.
 */

const twip = (cm: number) => Math.round((cm * 1440) / 2.54);

interface Context {
  layout: UnLayout;
  /** Word footnote id by the text's marker. */
  footnoteIds: Map<string, number>;
  /** Every tracked change needs an id unique in the document. */
  nextChangeId: () => number;
}

function runBase(ctx: Context): IRunOptions {
  const { fonts, rtl, language } = ctx.layout;
  return {
    font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.eastAsia, cs: fonts.complex },
    size: Math.round(fonts.sizePt * 2),
    sizeComplexScript: Math.round(fonts.sizePt * 2),
    language: language.startsWith('zh') ? { value: 'en-GB', eastAsia: 'zh-CN' } : rtl ? { value: 'en-GB', bidirectional: language } : { value: language },
    ...(rtl && { rightToLeft: true }),
  };
}

function changeOf(ctx: Context, c: RunChange) {
  return { id: ctx.nextChangeId(), author: c.author, date: c.date };
}

function runOf(ctx: Context, r: LayoutRun, bold: boolean): ParagraphChild {
  if (r.footnote !== undefined) {
    const id = ctx.footnoteIds.get(r.footnote);
    // A marker without its footnote stays visible as a superscript.
    return id ? new FootnoteReferenceRun(id) : new TextRun({ ...runBase(ctx), text: r.footnote, superScript: true });
  }
  const options: IRunOptions = {
    ...runBase(ctx),
    text: r.text,
    ...((r.bold || bold) && { bold: true, boldComplexScript: true }),
    ...(r.italic && { italics: true, italicsComplexScript: true }),
    ...(r.strike && { strike: true }),
  };
  if (r.change?.type === 'ins') return new InsertedTextRun({ ...options, ...changeOf(ctx, r.change) });
  if (r.change?.type === 'del') return new DeletedTextRun({ ...options, ...changeOf(ctx, r.change) });
  return new TextRun(options);
}

const ALIGN = { start: AlignmentType.START, center: AlignmentType.CENTER, justify: AlignmentType.BOTH } as const;

function paragraphOf(ctx: Context, p: LayoutParagraph): Paragraph {
  const children: ParagraphChild[] = [];
  if (p.number) {
    const change = p.change ? { ...changeOf(ctx, p.change) } : undefined;
    const numberRun = { ...runBase(ctx), children: [p.number, new Tab()], ...(p.bold && { bold: true }) };
    children.push(change && p.change?.type === 'del' ? new DeletedTextRun({ ...numberRun, ...change }) : change ? new InsertedTextRun({ ...numberRun, ...change }) : new TextRun(numberRun));
  }
  for (const r of p.runs) children.push(runOf(ctx, r, p.bold));
  const { start, hanging, firstLine } = p.indent;
  return new Paragraph({
    children,
    alignment: ALIGN[p.align],
    ...(ctx.layout.rtl && { bidirectional: true }),
    indent: { start: twip(start), end: p.kind === 'preambular' || p.kind === 'operative' ? twip(1.25) : 0, ...(hanging && { hanging: twip(hanging) }), ...(firstLine && { firstLine: twip(firstLine) }) },
    spacing: { after: 120, line: 240 },
    ...(p.kind === 'title' && { keepNext: true }),
    ...(p.change && { run: { [p.change.type === 'ins' ? 'insertion' : 'deletion']: changeOf(ctx, p.change) } }),
  });
}

/** Symbol top right (the organ top left for General Assembly texts), then distribution, date, original. */
function mastheadOf(ctx: Context, textWidth: number): Paragraph[] {
  const m = ctx.layout.masthead;
  const base = runBase(ctx);
  const right = (text: string, extra: IRunOptions = {}) =>
    new Paragraph({ alignment: AlignmentType.END, ...(ctx.layout.rtl && { bidirectional: true }), children: [new TextRun({ ...base, text, ...extra })] });
  const top = new Paragraph({
    ...(ctx.layout.rtl && { bidirectional: true }),
    tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
    spacing: { after: 240 },
    children: [new TextRun({ ...base, text: m.organ, bold: true, size: 28 }), new TextRun({ ...base, children: [new Tab(), m.symbol], size: 20 })],
  });
  const lines = m.organ || m.symbol ? [top] : [];
  lines.push(right(m.distribution), right(m.date));
  if (m.revision && !m.symbol.endsWith(m.revision)) lines.push(right(m.revision));
  lines.push(right(m.original), new Paragraph({ children: [], spacing: { after: 240 } }));
  return lines;
}

/** The .docx file of a UN layout. */
export async function renderDocx(layout: UnLayout): Promise<Uint8Array> {
  let changeId = 1;
  const footnoteIds = new Map<string, number>();
  layout.footnotes.forEach((f, i) => footnoteIds.set(f.marker, i + 1));
  const ctx: Context = { layout, footnoteIds, nextChangeId: () => changeId++ };
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  layout.footnotes.forEach((f, i) => {
    footnotes[i + 1] = { children: [new Paragraph({ ...(layout.rtl && { bidirectional: true }), children: f.runs.map((r) => runOf(ctx, r, false)) })] };
  });
  const { page } = layout;
  const textWidth = twip(page.width - page.margin.start - page.margin.end);
  const small = { ...runBase(ctx), size: 17 };
  const doc = new Document({
    creator: 'Accord',
    title: layout.masthead.symbol || undefined,
    footnotes,
    styles: { default: { document: { run: { ...runBase(ctx) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(page.width), height: twip(page.height) },
            margin: { top: twip(page.margin.top), bottom: twip(page.margin.bottom), left: twip(page.margin.start), right: twip(page.margin.end) },
          },
        },
        // From the second page on: the symbol in the header, the page number in the footer.
        headers: {
          first: new Header({ children: [] }),
          default: new Header({ children: [new Paragraph({ children: [new TextRun({ ...small, text: layout.masthead.symbol, bold: true })] })] }),
        },
        footers: {
          first: new Footer({ children: [] }),
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.END, children: [new TextRun({ ...small, children: [PageNumber.CURRENT] })] })] }),
        },
        children: [...mastheadOf(ctx, textWidth), ...layout.paragraphs.map((p) => paragraphOf(ctx, p))],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
