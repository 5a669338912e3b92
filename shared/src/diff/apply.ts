import { docJSON, extractParagraphs } from './paragraphs.js';
import type { Comparison, TextOp, VersionSnapshot } from './types.js';

export interface ParagraphText {
  id: string;
  text: string;
}

/** The text a list of ops produces on one side: A (equal, delete, format) or B (equal, insert, format). */
export function opsText(ops: TextOp[], sideOf: 'a' | 'b'): string {
  let s = '';
  for (const o of ops) {
    // Struck text is in both versions' text, struck on one side.
    if (o.op === 'equal' || o.op === 'format' || o.struck || (sideOf === 'a' ? o.op === 'delete' : o.op === 'insert')) s += o.text;
  }
  return s;
}

/** A version's paragraphs as (id, text), footnote references as U+FFFC. */
export function paragraphTexts(v: VersionSnapshot): ParagraphText[] {
  return extractParagraphs(docJSON(v.doc)).map((p) => ({ id: p.id, text: p.text }));
}

/**
 * Apply a comparison's ops to A's paragraphs: every equal, delete and format op must consume
 * exactly A's text (else this throws), and the result is B's paragraphs in B's order. A paragraph
 * that replaces a deleted one is rebuilt from the deleted paragraph's text.
 */
export function applyComparison(a: ParagraphText[], cmp: Comparison): ParagraphText[] {
  const byId = new Map(a.map((p) => [p.id, p.text]));
  const out: ParagraphText[] = [];
  for (const e of cmp.paragraphs) {
    if (e.status === 'deleted') continue;
    const sourceId = e.status === 'added' ? e.replaces : e.id;
    const source = sourceId !== undefined ? byId.get(sourceId) : '';
    if (source === undefined) throw new Error(`paragraph ${sourceId} is not in A`);
    let pos = 0;
    let text = '';
    for (const o of e.ops) {
      if (o.op === 'insert' && !o.struck) {
        text += o.text;
        continue;
      }
      if (source.slice(pos, pos + o.text.length) !== o.text) {
        if (cmp.options.ignoreWhitespace && o.op === 'equal') {
          text += o.text;
          continue;
        }
        throw new Error(`op ${o.op} "${o.text}" does not match A's paragraph ${e.id} at ${pos}`);
      }
      pos += o.text.length;
      if (o.op !== 'delete' || o.struck) text += o.text;
    }
    if (pos !== source.length && !cmp.options.ignoreWhitespace) {
      throw new Error(`ops leave ${source.length - pos} characters of A's paragraph ${e.id} unconsumed`);
    }
    out.push({ id: e.id, text });
  }
  return out;
}
