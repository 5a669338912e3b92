import type { MarkJSON, NodeJSON, VersionSnapshot } from './types.js';

/** A footnote reference stands in a paragraph's text as this one character. */
export const OBJECT_CHAR = '\uFFFC';

/** A stretch of a paragraph's text with one set of marks. */
export interface Run {
  start: number;
  end: number;
  marks: MarkJSON[];
  /** Canonical key of `marks` ('' for none). */
  sig: string;
}

export interface BracketSpan {
  id: string;
  role: string;
  text: string;
}

/** A block of a version, flattened for comparison. */
export interface Paragraph {
  /** Unique key within its version: the block id, made unique if missing or repeated. */
  key: string;
  id: string;
  index: number;
  type: string;
  level: number;
  /** type[:level][:style][:marker]: what must match for the block to count as unchanged. */
  kind: string;
  added: string | null;
  text: string;
  runs: Run[];
  /** Run lengths and signatures: equal formatKey + equal text ⇒ identical paragraph. */
  formatKey: string;
  /** Where text is struck (removed, shown until the next revision): equal text with another
   * struckKey is a change of wording, not of formatting. */
  struckKey: string;
  brackets: BracketSpan[];
}

export function docJSON(doc: VersionSnapshot['doc']): NodeJSON {
  const d = doc as { toJSON?: () => unknown };
  if (typeof d.toJSON === 'function') return d.toJSON() as NodeJSON;
  return doc as NodeJSON;
}

function attrKey(attrs: Record<string, unknown> | undefined): string {
  if (!attrs) return '';
  const keys = Object.keys(attrs).sort();
  let s = '';
  for (const k of keys) s += `${k}=${String(attrs[k])};`;
  return s;
}

export function markKey(mark: MarkJSON): string {
  return mark.attrs ? `${mark.type}(${attrKey(mark.attrs)})` : mark.type;
}

/** Sorted marks and their canonical signature. */
export function markSignature(marks: MarkJSON[] | undefined): { sig: string; marks: MarkJSON[] } {
  if (!marks || marks.length === 0) return { sig: '', marks: [] };
  if (marks.length === 1) return { sig: markKey(marks[0]), marks };
  const keyed = marks.map((m) => [markKey(m), m] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { sig: keyed.map((k) => k[0]).join('+'), marks: keyed.map((k) => k[1]) };
}

function blockKind(node: NodeJSON): { kind: string; level: number } {
  const attrs = node.attrs ?? {};
  const level = typeof attrs.level === 'number' ? attrs.level : Number(attrs.level ?? 0) || 0;
  let kind = node.type;
  if (node.type === 'operative') kind += `:${level}`;
  if (node.type === 'note' && attrs.style && attrs.style !== 'body') kind += `:${String(attrs.style)}`;
  if (node.type === 'footnote') kind += `:${String(attrs.marker ?? '')}`;
  return { kind, level };
}

/** Text removed by a decision or a writer, kept visible until the next revision. */
export function isStruckRun(r: Run): boolean {
  return r.marks.some((m) => m.type === 'struck');
}

/** Flatten a document into its blocks, each with its text, mark runs and bracket spans. */
export function extractParagraphs(doc: NodeJSON): Paragraph[] {
  const out: Paragraph[] = [];
  const seen = new Map<string, number>();
  const blocks = doc.content ?? [];
  for (let index = 0; index < blocks.length; index++) {
    const node = blocks[index];
    const rawId = node.attrs?.id;
    const id = typeof rawId === 'string' && rawId !== '' ? rawId : `#${index}`;
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    const key = n === 0 ? id : `${id}#${n + 1}`;
    const { kind, level } = blockKind(node);
    const runs: Run[] = [];
    let text = '';
    let formatKey = '';
    const bracketMap = new Map<string, BracketSpan>();
    for (const inline of node.content ?? []) {
      let piece: string;
      let marks = inline.marks;
      if (inline.type === 'text') {
        piece = inline.text ?? '';
      } else {
        piece = OBJECT_CHAR;
        const ref: MarkJSON = { type: inline.type, attrs: inline.attrs ?? {} };
        marks = marks ? [...marks, ref] : [ref];
      }
      if (piece === '') continue;
      const { sig, marks: sorted } = markSignature(marks);
      const start = text.length;
      text += piece;
      const last = runs[runs.length - 1];
      if (last && last.sig === sig) {
        last.end = text.length;
      } else {
        runs.push({ start, end: text.length, marks: sorted, sig });
      }
      if (sig !== '') {
        for (const m of sorted) {
          if (m.type !== 'bracket') continue;
          const bid = String(m.attrs?.id ?? '');
          const role = String(m.attrs?.role ?? 'pending');
          const k = `${bid}\u0000${role}`;
          const span = bracketMap.get(k);
          if (span) span.text += piece;
          else bracketMap.set(k, { id: bid, role, text: piece });
        }
      }
    }
    let struckKey = '';
    for (const r of runs) {
      formatKey += `${r.end - r.start}:${r.sig}|`;
      if (isStruckRun(r)) struckKey += `${r.start}-${r.end}|`;
    }
    const added = node.attrs?.added;
    out.push({
      key,
      id,
      index,
      type: node.type,
      level,
      kind,
      added: typeof added === 'string' && added !== '' ? added : null,
      text,
      runs,
      formatKey,
      struckKey,
      brackets: [...bracketMap.values()],
    });
  }
  return out;
}
