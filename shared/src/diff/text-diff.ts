import { diffSequences, type Segment } from './myers.js';
import { isStruckRun, type Paragraph, type Run } from './paragraphs.js';
import { isWhitespace, tokenBoundaries } from './tokenize.js';
import type { MarkJSON, TextOp } from './types.js';

export interface TextDiffOptions {
  locale: string;
  ignoreFormatting: boolean;
  ignoreWhitespace: boolean;
}

export interface TextDiff {
  ops: TextOp[];
  textChanged: boolean;
  formatOnly: boolean;
  whitespaceOnly: boolean;
}

/** Builds a TextOp list, joining a piece to the previous op when kind and marks are the same. */
class OpBuilder {
  readonly ops: TextOp[] = [];
  private lastMarks: MarkJSON[] | undefined;
  private lastFrom: MarkJSON[] | undefined;
  private lastStruck = false;

  add(op: 'equal' | 'insert' | 'delete', text: string, marks: MarkJSON[], whitespace = false, struck = false): void {
    if (text === '') return;
    const last = this.ops[this.ops.length - 1];
    if (last && last.op === op && this.lastMarks === marks && this.lastStruck === struck) {
      last.text += text;
      return;
    }
    const o: TextOp & { op: typeof op } = marks.length > 0 ? { op, text, marks } : { op, text };
    if (whitespace && o.op !== 'equal') (o as { whitespace?: true }).whitespace = true;
    if (struck && o.op !== 'equal') (o as { struck?: true }).struck = true;
    this.ops.push(o);
    this.lastMarks = marks;
    this.lastFrom = undefined;
    this.lastStruck = struck;
  }

  format(text: string, from: MarkJSON[], to: MarkJSON[]): void {
    const last = this.ops[this.ops.length - 1];
    if (last && last.op === 'format' && this.lastMarks === to && this.lastFrom === from) {
      last.text += text;
      return;
    }
    this.ops.push({ op: 'format', text, from, to });
    this.lastMarks = to;
    this.lastFrom = from;
  }
}

/** Index of the run containing position pos (runs cover the text contiguously). */
function findRun(runs: Run[], pos: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Emit p.text[start,end) as one kind of op, split by p's mark runs. */
function emitSide(
  b: OpBuilder,
  p: Paragraph,
  start: number,
  end: number,
  op: 'equal' | 'insert' | 'delete',
  whitespace = false,
): void {
  if (start >= end) return;
  for (let i = findRun(p.runs, start); i < p.runs.length && p.runs[i].start < end; i++) {
    const r = p.runs[i];
    b.add(op, p.text.slice(Math.max(r.start, start), Math.min(r.end, end)), r.marks, whitespace);
  }
}

/**
 * Emit identical text (A at as, B at bs, len code units), as equal or format ops. Text struck in
 * B and not in A was deleted (an accepted deletion, a writer's struck deletion), text struck in A
 * and not in B came back: wording, emitted as delete / insert whatever `ignoreFormatting` says.
 * Returns how many such changes it emitted.
 */
function emitEqual(b: OpBuilder, pa: Paragraph, as: number, pb: Paragraph, bs: number, len: number, ignoreFormatting: boolean): number {
  let changes = 0;
  if (len <= 0) return changes;
  let ia = findRun(pa.runs, as);
  let ib = findRun(pb.runs, bs);
  let off = 0;
  while (off < len) {
    const ra = pa.runs[ia];
    const rb = pb.runs[ib];
    const step = Math.min(ra.end - (as + off), rb.end - (bs + off), len - off);
    const text = pb.text.slice(bs + off, bs + off + step);
    const struckA = isStruckRun(ra);
    if (struckA !== isStruckRun(rb)) {
      b.add(struckA ? 'insert' : 'delete', text, struckA ? rb.marks : ra.marks, false, true);
      changes++;
    } else if (ra.sig === rb.sig || ignoreFormatting) b.add('equal', text, rb.marks);
    else b.format(text, ra.marks, rb.marks);
    off += step;
    if (as + off >= ra.end) ia++;
    if (bs + off >= rb.end) ib++;
  }
  return changes;
}

/** The whole paragraph as one kind of op (same, added or deleted paragraphs). */
export function wholeParagraphOps(p: Paragraph, op: 'equal' | 'insert' | 'delete'): TextOp[] {
  const b = new OpBuilder();
  emitSide(b, p, 0, p.text.length, op);
  return b.ops;
}

function charLen(bounds: number[], t0: number, t1: number): number {
  return bounds[t1] - bounds[t0];
}

/**
 * Semantic cleanup (diff-match-patch's rule): an equality no longer than the changes on both its
 * sides is folded into them, so "strongly condemns" → "firmly rejects" reads as one replacement
 * rather than two word swaps around a shared space. Repeated until stable.
 */
export function cleanupSemantic(segs: Segment[], ab: number[], bb: number[]): Segment[] {
  let cur = segs;
  for (let changed = true; changed; ) {
    changed = false;
    const out: Segment[] = [];
    for (let i = 0; i < cur.length; i++) {
      const s = cur[i];
      const prev = out[out.length - 1];
      if (s.eq && prev && !prev.eq && i + 1 < cur.length && !cur[i + 1].eq) {
        const next = cur[i + 1];
        const eqLen = charLen(ab, s.a0, s.a1);
        const before = Math.max(charLen(ab, prev.a0, prev.a1), charLen(bb, prev.b0, prev.b1));
        const after = Math.max(charLen(ab, next.a0, next.a1), charLen(bb, next.b0, next.b1));
        if (eqLen <= before && eqLen <= after) {
          prev.a1 = next.a1;
          prev.b1 = next.b1;
          i++;
          changed = true;
          continue;
        }
      }
      if (!s.eq && prev && !prev.eq) {
        prev.a1 = s.a1;
        prev.b1 = s.b1;
      } else {
        out.push({ ...s });
      }
    }
    cur = out;
  }
  return cur;
}

const WS = /\s/u;
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
const EXTEND = /\p{M}|\u200d|[\ufe00-\ufe0f]/u;
/** Grapheme "Prepend" characters (Arabic number signs…) glue to what follows. */
const PREPEND = /[\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2]/u;

/**
 * A position where any word segmentation has a boundary whatever the text around it: the start
 * of a whitespace run, or either side of CJK punctuation (never before a combining mark).
 */
function isCut(t: string, j: number): boolean {
  if (j <= 0 || j >= t.length) return true;
  const prev = t[j - 1];
  const cur = t[j];
  if (PREPEND.test(prev)) return false;
  if (WS.test(cur)) return !WS.test(prev);
  if (EXTEND.test(cur)) return false;
  return CJK_PUNCT.test(prev) || CJK_PUNCT.test(cur);
}

/**
 * The changed middle of two texts, widened to cut positions so that segmenting only the middle
 * gives the same tokens as segmenting the whole: returns [start, endA, endB].
 */
function changedMiddle(a: string, b: string): [number, number, number] {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  let start = p;
  while (start > 0 && !(isCut(a, start) && isCut(b, start))) start--;
  let endA = a.length - s;
  while (endA < a.length && !(isCut(a, endA) && isCut(b, endA - a.length + b.length))) endA++;
  return [start, endA, endA - a.length + b.length];
}

function offsetBounds(text: string, from: number, to: number, locale: string): number[] {
  if (from >= to) return [from];
  const bounds = tokenBoundaries(text.slice(from, to), locale);
  for (let i = 0; i < bounds.length; i++) bounds[i] += from;
  return bounds;
}

/**
 * Word-level diff of two versions of one paragraph. Only the changed middle (between the common
 * prefix and suffix, widened to safe cut positions) is segmented and diffed.
 */
export function diffParagraphText(pa: Paragraph, pb: Paragraph, opts: TextDiffOptions): TextDiff {
  const [start, endA, endB] = changedMiddle(pa.text, pb.text);
  const ab = offsetBounds(pa.text, start, endA, opts.locale);
  const bb = offsetBounds(pb.text, start, endB, opts.locale);
  const intern = new Map<string, number>();
  const encode = (text: string, bounds: number[]): Int32Array => {
    const out = new Int32Array(bounds.length - 1);
    for (let i = 0; i + 1 < bounds.length; i++) {
      let t = text.slice(bounds[i], bounds[i + 1]);
      if (opts.ignoreWhitespace && isWhitespace(t)) t = ' ';
      let code = intern.get(t);
      if (code === undefined) {
        code = intern.size;
        intern.set(t, code);
      }
      out[i] = code;
    }
    return out;
  };
  const segs = cleanupSemantic(diffSequences(encode(pa.text, ab), encode(pb.text, bb)), ab, bb);

  const b = new OpBuilder();
  let changes = 0;
  let wsChanges = 0;
  changes += emitEqual(b, pa, 0, pb, 0, start, opts.ignoreFormatting);
  for (const s of segs) {
    const a0 = ab[s.a0];
    const a1 = ab[s.a1];
    const b0 = bb[s.b0];
    const b1 = bb[s.b1];
    if (s.eq) {
      if (a1 - a0 === b1 - b0 && pa.text.slice(a0, a1) === pb.text.slice(b0, b1)) {
        changes += emitEqual(b, pa, a0, pb, b0, a1 - a0, opts.ignoreFormatting);
      } else {
        // Equal only once whitespace is normalised: token by token.
        for (let i = 0; i < s.a1 - s.a0; i++) {
          const ta0 = ab[s.a0 + i];
          const ta1 = ab[s.a0 + i + 1];
          const tb0 = bb[s.b0 + i];
          const tb1 = bb[s.b0 + i + 1];
          if (ta1 - ta0 === tb1 - tb0 && pa.text.slice(ta0, ta1) === pb.text.slice(tb0, tb1)) {
            changes += emitEqual(b, pa, ta0, pb, tb0, ta1 - ta0, opts.ignoreFormatting);
          } else {
            emitSide(b, pb, tb0, tb1, 'equal');
          }
        }
      }
      continue;
    }
    const del = pa.text.slice(a0, a1);
    const ins = pb.text.slice(b0, b1);
    const ws = (del === '' || isWhitespace(del)) && (ins === '' || isWhitespace(ins));
    if (ws && opts.ignoreWhitespace) {
      emitSide(b, pb, b0, b1, 'equal');
      continue;
    }
    changes++;
    if (ws) wsChanges++;
    emitSide(b, pa, a0, a1, 'delete', ws);
    emitSide(b, pb, b0, b1, 'insert', ws);
  }
  changes += emitEqual(b, pa, endA, pb, endB, pa.text.length - endA, opts.ignoreFormatting);
  const hasFormat = b.ops.some((o) => o.op === 'format');
  return {
    ops: b.ops,
    textChanged: changes > 0,
    formatOnly: changes === 0 && hasFormat,
    whitespaceOnly: changes > 0 && wsChanges === changes,
  };
}
