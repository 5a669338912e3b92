import type { Node as PMNode } from '@tiptap/pm/model';
import type { Proposal } from '../brackets/types.js';
import { paragraphLabels } from '../numbering.js';
import type { TextMeta } from '../schema.js';
import { cleanText } from './clean-text.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** ISO 639-2 codes, as FRBRlanguage wants them. */
const LANGUAGE_CODES: Record<string, string> = { en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', zh: 'zho', ar: 'ara' };

export interface AknOptions {
  /** The generation date, YYYY-MM-DD (FRBRdate); given by the caller so the function stays pure. */
  date: string;
  /** A stable name for the work in its FRBR URIs (the session id). */
  name: string;
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    // Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks).
    // eslint-disable-next-line no-control-regex -- removing exactly these characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

const idPart = (label: string): string => label.replace(/[^A-Za-z0-9]+/g, '').toLowerCase() || 'x';

/**
 * The clean text (clean-text.ts: every open proposal left out) as an Akoma Ntoso 3.0 `bill`
 * named "resolution": `preface` with the symbol (`docNumber`), heading lines and title
 * (`docTitle`); `preamble` with the notes before the first PP (the chapeau "The General
 * Assembly,") and the PPs as `recitals`; `body` with the OPs as numbered `paragraph`s, their
 * (a) sub-paragraphs as `subparagraph`s and (i) as `point`s; notes after the first OP as
 * `hcontainer name="note"`; footnotes as `authorialNote` at their marker. String building with
 * escaping: the structure is fixed and small, a builder library would add nothing.
 */
export function exportAkn(doc: PMNode, meta: TextMeta, proposals: Record<string, Proposal>, options: AknOptions): string {
  const clean = cleanText(doc, proposals);
  const labels = paragraphLabels(clean);
  const footnotes = new Map<string, PMNode>();
  clean.forEach((b) => {
    if (b.type.name === 'footnote') footnotes.set(String(b.attrs.marker), b);
  });
  const used = new Set<string>();
  const eId = (want: string) => {
    let id = want;
    for (let n = 2; used.has(id); n++) id = `${want}_${n}`;
    used.add(id);
    return id;
  };
  const inline = (block: PMNode): string => {
    let out = '';
    block.forEach((child) => {
      if (child.type.name === 'footnoteRef') {
        const marker = String(child.attrs.marker);
        const note = footnotes.get(marker);
        if (note) out += `<authorialNote marker="${escapeXml(marker)}" placement="bottom" eId="${eId(`fnt_${idPart(marker)}`)}"><p>${inline(note)}</p></authorialNote>`;
        return;
      }
      let text = escapeXml(child.text ?? '');
      if (child.marks.some((m) => m.type.name === 'bold')) text = `<b>${text}</b>`;
      if (child.marks.some((m) => m.type.name === 'italic')) text = `<i>${text}</i>`;
      out += text;
    });
    return out;
  };

  const preface: string[] = [];
  if (meta.symbol) preface.push(`<p><docNumber>${escapeXml(meta.symbol)}</docNumber></p>`);
  const preamble: string[] = [];
  const recitals: string[] = [];
  const body: string[] = [];
  let hasTitle = false;
  let inResolution = false;
  let inBody = false;
  // Open hierarchy elements, outermost first: an OP, its (a), its (i); each keeps its text until
  // it closes, when it is known whether it is an intro to sub-paragraphs or the whole content.
  const open: { tag: string; id: string; lead: string; text: string; kids: string[] }[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) {
      const el = open.pop()!;
      const xml = el.kids.length
        ? `${el.lead}<intro><p>${el.text}</p></intro>${el.kids.join('')}</${el.tag}>`
        : `${el.lead}<content><p>${el.text}</p></content></${el.tag}>`;
      if (open.length) open[open.length - 1].kids.push(xml);
      else body.push(xml);
    }
  };
  const flushRecitals = () => {
    if (recitals.length) preamble.push(`<recitals>${recitals.splice(0).join('')}</recitals>`);
  };

  clean.forEach((block) => {
    const type = block.type.name;
    const label = labels.get(String(block.attrs.id))?.label ?? '';
    if (type === 'footnote') return;
    if (type === 'preambular' && !inBody) {
      inResolution = true;
      recitals.push(`<recital eId="${eId(`rec_${idPart(label)}`)}"><p>${inline(block)}</p></recital>`);
      return;
    }
    if (type === 'operative' || (type === 'preambular' && inBody)) {
      flushRecitals();
      inResolution = inBody = true;
      const level = type === 'operative' ? Math.min(2, Number(block.attrs.level ?? 0)) : 0;
      closeTo(level);
      const tag = level === 0 ? 'paragraph' : level === 1 ? 'subparagraph' : 'point';
      const parentId = open.length ? open[open.length - 1].id : '';
      const id = eId(`${parentId ? parentId + '__' : ''}${['para', 'subpara', 'point'][level]}_${idPart(label)}`);
      const num = level === 0 && label ? `${label}.` : label;
      open.push({ tag, id, lead: `<${tag} eId="${id}"><num>${escapeXml(num)}</num>`, text: inline(block), kids: [] });
      return;
    }
    const p = `<p>${inline(block)}</p>`;
    if (inBody) {
      closeTo(0);
      body.push(`<hcontainer name="note" eId="${eId('hcontainer_note')}"><content>${p}</content></hcontainer>`);
    } else if (inResolution || (type === 'note' && hasTitle)) {
      flushRecitals();
      inResolution = true;
      preamble.push(p);
    } else if (type === 'title') {
      hasTitle = true;
      preface.push(`<p><docTitle>${inline(block)}</docTitle></p>`);
    } else {
      preface.push(p);
    }
  });
  closeTo(0);
  flushRecitals();
  if (!hasTitle && meta.title) preface.push(`<p><docTitle>${escapeXml(meta.title)}</docTitle></p>`);
  // A bill must have a body with at least one hierarchy element.
  if (!body.length) body.push(`<hcontainer name="note" eId="${eId('hcontainer_note')}"><content><p/></content></hcontainer>`);

  const lang = LANGUAGE_CODES[meta.language] ?? 'und';
  const work = `/akn/un/bill/${options.date}/${encodeURIComponent(options.name)}`;
  const frbr = (uri: string, extra: string) =>
    `<FRBRthis value="${escapeXml(uri)}/main"/><FRBRuri value="${escapeXml(uri)}"/><FRBRdate date="${options.date}" name="generation"/><FRBRauthor href="#accord"/>${extra}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${AKN_NAMESPACE}">`,
    `<bill name="resolution">`,
    '<meta><identification source="#accord">',
    `<FRBRWork>${frbr(work, '<FRBRcountry value="un"/>')}</FRBRWork>`,
    `<FRBRExpression>${frbr(`${work}/${lang}@`, `<FRBRlanguage language="${lang}"/>`)}</FRBRExpression>`,
    `<FRBRManifestation>${frbr(`${work}/${lang}@.akn`, '')}</FRBRManifestation>`,
    '</identification>',
    '<references source="#accord"><TLCOrganization eId="accord" href="/ontology/organization/accord" showAs="Accord"/></references>',
    '</meta>',
    preface.length ? `<preface>${preface.join('')}</preface>` : '',
    preamble.length ? `<preamble>${preamble.join('')}</preamble>` : '',
    `<body>${body.join('')}</body>`,
    '</bill>',
    '</akomaNtoso>',
    '',
  ].join('\n');
}
