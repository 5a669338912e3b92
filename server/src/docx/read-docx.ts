import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { WordListCounter, type WordNumbering } from '@accord/shared/import/word/word-numbering';
import type { WordChange, WordDocument, WordInline, WordParagraph, WordTable } from '@accord/shared/import/word/word-document';

/**
 * Reads a .docx into the import's plain data (shared/src/import/word/word-document.ts) with
 * mammoth, which handles Word's structure (runs, fields, hyperlinks, tables, footnotes). Mammoth
 * drops two things the import needs, so document.xml is prepared first:
 *  - automatic numbering is not text in the file: each numbered paragraph gets its label
 *    (WordListCounter, from numbering.xml) as a first run styled `AccordLabel`;
 *  - tracked changes: mammoth keeps inserted text and drops deleted text without authors; each
 *    `w:ins`/`w:del` is unwrapped and its runs styled `AccordChange<n>` (n indexes `changes`),
 *    deleted text made ordinary text, and a deleted paragraph mark kept, so that the proposal
 *    is made on the text as it reads before anyone accepts the change.
 */
export async function readDocx(bytes: Uint8Array): Promise<WordDocument> {
  const warnings: string[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxError('the file is not a Word document (.docx): it is not a zip archive');
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!documentXml) throw new DocxError('the file is not a Word document (.docx): it has no word/document.xml');
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
  const numbering = readNumbering(parse((await zip.file('word/numbering.xml')?.async('string')) ?? '<w:numbering xmlns:w="w"/>'));
  const styleNumbering = readStyleNumbering(parse((await zip.file('word/styles.xml')?.async('string')) ?? '<w:styles xmlns:w="w"/>'));
  const dom = parse(documentXml);
  const changes = markTrackedChanges(dom);
  labelNumberedParagraphs(dom, new WordListCounter(numbering), styleNumbering);
  zip.file('word/document.xml', new XMLSerializer().serializeToString(dom));
  const footnotesXml = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
  if (/<w:(ins|del)\b/.test(footnotesXml)) warnings.push('tracked changes in footnotes were read as if accepted (insertions kept, deletions left out)');

  let captured: MammothDocument | null = null;
  await mammoth.convertToHtml({ buffer: Buffer.from(await zip.generateAsync({ type: 'uint8array' })) }, {
    transformDocument: (d: MammothDocument) => (captured = d),
  });
  if (!captured) throw new DocxError('the Word document could not be read');
  return fromMammoth(captured, changes, warnings);
}

export class DocxError extends Error {
  override name = 'DocxError';
}

// ---- numbering.xml and styles.xml as plain data

const W = (el: Element, name: string): Element[] => Array.from(el.getElementsByTagName(name));
const child = (el: Element, name: string): Element | undefined =>
  Array.from(el.childNodes as ArrayLike<Node>).find((n): n is Element => n.nodeType === 1 && n.nodeName === name);
const val = (el: Element | undefined): string | null => el?.getAttribute('w:val') ?? null;

function readNumbering(dom: Document): WordNumbering {
  const root = dom.documentElement;
  const out: WordNumbering = { abstract: {}, nums: {} };
  for (const a of W(root, 'w:abstractNum')) {
    const levels: WordNumbering['abstract'][string] = {};
    for (const l of W(a, 'w:lvl')) {
      levels[Number(l.getAttribute('w:ilvl') ?? 0)] = {
        format: val(child(l, 'w:numFmt')) ?? 'decimal',
        text: val(child(l, 'w:lvlText')) ?? '',
        start: Number(val(child(l, 'w:start')) ?? 1),
      };
    }
    out.abstract[a.getAttribute('w:abstractNumId') ?? ''] = levels;
  }
  for (const n of W(root, 'w:num')) {
    const startOverride: Record<number, number> = {};
    for (const o of W(n, 'w:lvlOverride')) {
      const start = val(child(o, 'w:startOverride'));
      if (start !== null) startOverride[Number(o.getAttribute('w:ilvl') ?? 0)] = Number(start);
    }
    out.nums[n.getAttribute('w:numId') ?? ''] = { abstractId: val(child(n, 'w:abstractNumId')) ?? '', startOverride };
  }
  return out;
}

interface NumPr {
  numId: string | null;
  ilvl: number | null;
}

/** Paragraph styles that carry numbering (Word's "List Number" and the like), through `w:basedOn`. */
function readStyleNumbering(dom: Document): (styleId: string) => NumPr | null {
  const byId = new Map<string, Element>();
  for (const s of W(dom.documentElement, 'w:style')) byId.set(s.getAttribute('w:styleId') ?? '', s);
  return (styleId) => {
    const seen = new Set<string>();
    for (let id: string | null = styleId; id && !seen.has(id); id = val(child(byId.get(id)!, 'w:basedOn'))) {
      seen.add(id);
      const style = byId.get(id);
      if (!style) return null;
      const numPr = child(child(style, 'w:pPr') ?? style, 'w:numPr');
      if (numPr && child(style, 'w:pPr')) return { numId: val(child(numPr, 'w:numId')), ilvl: Number(val(child(numPr, 'w:ilvl')) ?? 0) };
    }
    return null;
  };
}

// ---- preparing document.xml for mammoth

function styledRun(doc: Document, style: string, text: string): Element {
  const r = doc.createElement('w:r');
  const rPr = doc.createElement('w:rPr');
  const rStyle = doc.createElement('w:rStyle');
  rStyle.setAttribute('w:val', style);
  rPr.appendChild(rStyle);
  r.appendChild(rPr);
  const t = doc.createElement('w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  r.appendChild(t);
  return r;
}

function labelNumberedParagraphs(dom: Document, counter: WordListCounter, styleNumbering: (id: string) => NumPr | null) {
  for (const p of W(dom.documentElement, 'w:p')) {
    const pPr = child(p, 'w:pPr');
    const direct = pPr && child(pPr, 'w:numPr');
    const style = pPr && val(child(pPr, 'w:pStyle'));
    const fromStyle = style ? styleNumbering(style) : null;
    const numId = (direct && val(child(direct, 'w:numId'))) ?? fromStyle?.numId ?? null;
    const ilvl = Number((direct && val(child(direct, 'w:ilvl'))) ?? fromStyle?.ilvl ?? 0);
    if (!numId || numId === '0') continue;
    const label = counter.next(numId, ilvl);
    if (!label) continue;
    const run = styledRun(p.ownerDocument, LABEL_STYLE, label);
    if (pPr) p.insertBefore(run, pPr.nextSibling);
    else p.insertBefore(run, p.firstChild);
  }
}

const LABEL_STYLE = 'AccordLabel';
const CHANGE_STYLE = 'AccordChange';

function markTrackedChanges(dom: Document): WordChange[] {
  const root = dom.documentElement;
  const changes: WordChange[] = [];
  // A deleted paragraph mark would join two paragraphs: the join is only proposed.
  for (const rPr of W(root, 'w:rPr')) {
    if (rPr.parentNode?.nodeName !== 'w:pPr') continue;
    for (const mark of [child(rPr, 'w:del'), child(rPr, 'w:ins')]) if (mark) rPr.removeChild(mark);
  }
  const elements = [...W(root, 'w:ins'), ...W(root, 'w:del')].filter((e) => e.parentNode?.nodeName !== 'w:rPr');
  // Document order: a w:ins inside a w:del (or the reverse) is rare; each keeps its own author.
  for (const el of elements) {
    const n = changes.length;
    changes.push({ kind: el.nodeName === 'w:ins' ? 'insert' : 'delete', author: el.getAttribute('w:author') || 'Unknown author' });
    for (const r of W(el, 'w:r')) {
      let rPr = child(r, 'w:rPr');
      if (!rPr) {
        rPr = r.ownerDocument.createElement('w:rPr');
        r.insertBefore(rPr, r.firstChild);
      }
      const old = child(rPr, 'w:rStyle');
      if (old) rPr.removeChild(old);
      const rStyle = r.ownerDocument.createElement('w:rStyle');
      rStyle.setAttribute('w:val', `${CHANGE_STYLE}${n}`);
      rPr.insertBefore(rStyle, rPr.firstChild);
      for (const dt of W(r, 'w:delText')) {
        const t = r.ownerDocument.createElement('w:t');
        t.setAttribute('xml:space', 'preserve');
        t.appendChild(r.ownerDocument.createTextNode(dt.textContent ?? ''));
        dt.parentNode!.replaceChild(t, dt);
      }
    }
    const parent = el.parentNode!;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
  }
  return changes;
}

// ---- mammoth's document tree → WordDocument

interface MammothNode {
  type: string;
  children?: MammothNode[];
  styleId?: string | null;
  isItalic?: boolean;
  value?: string;
  noteType?: string;
  noteId?: string;
  body?: MammothNode[];
}
interface MammothDocument extends MammothNode {
  notes?: { resolve(ref: MammothNode): MammothNode | null };
}

function fromMammoth(doc: MammothDocument, changes: WordChange[], warnings: string[]): WordDocument {
  const footnotes: string[] = [];
  const noteIndex = new Map<string, number>();
  const blocks: (WordParagraph | WordTable)[] = [];
  let changesElsewhere = 0;

  const plain = (n: MammothNode): string => {
    if (n.type === 'text') return n.value ?? '';
    if (n.type === 'tab' || n.type === 'break') return ' ';
    if (n.type === 'noteReference') return '';
    if (n.type === 'run' && n.styleId?.startsWith(CHANGE_STYLE)) changesElsewhere++;
    return (n.children ?? []).map(plain).join('');
  };
  const paragraph = (p: MammothNode): WordParagraph => {
    const out: WordParagraph = { kind: 'paragraph', inline: [] };
    const walk = (n: MammothNode, run: MammothNode | null) => {
      if (n.type === 'run') return (n.children ?? []).forEach((c) => walk(c, n));
      if (n.type === 'noteReference') {
        if (n.noteType !== 'footnote' && n.noteType !== 'endnote') return;
        const key = `${n.noteType}-${n.noteId}`;
        let i = noteIndex.get(key);
        if (i === undefined) {
          i = footnotes.length;
          noteIndex.set(key, i);
          const note = doc.notes?.resolve(n);
          footnotes.push((note?.body ?? []).map(plain).join(' ').trim());
        }
        return out.inline.push({ note: i });
      }
      if (n.type === 'text' || n.type === 'tab' || n.type === 'break') {
        const text = n.type === 'text' ? (n.value ?? '') : ' ';
        if (run?.styleId === LABEL_STYLE) return (out.label = (out.label ?? '') + text);
        const item: WordInline = { text };
        if (run?.isItalic) item.italic = true;
        const m = run?.styleId?.startsWith(CHANGE_STYLE) ? Number(run.styleId.slice(CHANGE_STYLE.length)) : NaN;
        if (Number.isInteger(m) && changes[m]) item.change = m;
        return out.inline.push(item);
      }
      (n.children ?? []).forEach((c) => walk(c, run));
    };
    (p.children ?? []).forEach((c) => walk(c, null));
    return out;
  };
  const visit = (n: MammothNode) => {
    if (n.type === 'paragraph') blocks.push(paragraph(n));
    else if (n.type === 'table') {
      const rows = (n.children ?? []).filter((r) => r.type === 'tableRow').map((r) => (r.children ?? []).map((c) => plain(c).trim()));
      blocks.push({ kind: 'table', rows });
    } else (n.children ?? []).forEach(visit);
  };
  (doc.children ?? []).forEach(visit);
  if (changesElsewhere) warnings.push(`${changesElsewhere} tracked change run(s) in tables or footnotes were kept as text (inserted and deleted text alike)`);
  return { blocks, footnotes, changes, warnings };
}
