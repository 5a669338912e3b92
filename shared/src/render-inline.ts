import type { Mark, Node as PMNode } from '@tiptap/pm/model';

export interface BracketSpan {
  id: string;
  role: string;
  alt: number;
  /** The bracketed text as rendered (struck text omitted, nested brackets written with [ ]). */
  text: string;
}

/** A piece of a block as plain text: its text, a footnote marker or a bracket sign. */
export interface InlineToken {
  kind: 'text' | 'ref' | 'open' | 'close';
  s: string;
  id?: string;
  /** The text's own italic/bold marks (text tokens only). */
  italic?: boolean;
  bold?: boolean;
  /** The text or marker node itself. */
  node?: PMNode;
}
type Token = InlineToken;

/** Which bracket a mark belongs to: by default its proposal id (a replacement's two roles are one bracket). */
const byId = (m: Mark): string => String(m.attrs.id);

/**
 * A block's inline content as UN-style plain text: every bracket span written as `[…]` (nested
 * brackets nest), footnote markers inline followed by a space when text follows (as they were
 * extracted: "决议，1 其中"), struck text omitted (it is removed text kept visible only on screen).
 * Chinese is never re-spaced: text is copied as is.
 */
export function renderInline(block: PMNode): string {
  return join(tokens(block));
}

/** The bracket spans of a block, in order of their opening, each with its rendered text. */
export function bracketSpans(block: PMNode): BracketSpan[] {
  const toks = tokens(block);
  const spans: BracketSpan[] = [];
  toks.forEach((t, i) => {
    if (t.kind !== 'open' || !t.id) return;
    const mark = markById(block, t.id);
    let depth = 0;
    let end = i + 1;
    for (; end < toks.length; end++) {
      if (toks[end].kind === 'open') depth++;
      if (toks[end].kind === 'close') {
        if (depth === 0) break;
        depth--;
      }
    }
    spans.push({
      id: t.id,
      role: String(mark?.attrs.role ?? 'pending'),
      alt: Number(mark?.attrs.alt ?? 0),
      text: join(toks.slice(i + 1, end)),
    });
  });
  return spans;
}

/**
 * A block's inline content in order, as renderInline writes it: text (with its italic/bold), footnote
 * markers and bracket signs, one bracket per `keyOf(mark)` run (struck text omitted). The UN layout (un-layout/) styles these pieces.
 */
export function inlineTokens(block: PMNode, keyOf: (m: Mark) => string = byId): InlineToken[] {
  return tokens(block, keyOf);
}

function tokens(block: PMNode, keyOf: (m: Mark) => string = byId): Token[] {
  const children: PMNode[] = [];
  block.forEach((child) => {
    if (!child.marks.some((m) => m.type.name === 'struck')) children.push(child);
  });
  const ids = children.map((c) => c.marks.filter((m) => m.type.name === 'bracket').map(keyOf));
  // Where each bracket's run ends: of two brackets opening together, the longer one is outside.
  const lastIndex = new Map<string, number>();
  ids.forEach((list, i) => list.forEach((id) => lastIndex.set(id, i)));

  const out: Token[] = [];
  const open: string[] = [];
  children.forEach((child, i) => {
    const want = new Set(ids[i]);
    const keep = open.findIndex((id) => !want.has(id));
    if (keep >= 0) {
      while (open.length > keep) out.push({ kind: 'close', s: ']', id: open.pop() });
    }
    const fresh = ids[i].filter((id) => !open.includes(id));
    fresh.sort((a, b) => (lastIndex.get(b) ?? 0) - (lastIndex.get(a) ?? 0));
    for (const id of fresh) {
      open.push(id);
      out.push({ kind: 'open', s: '[', id });
    }
    if (child.isText) {
      const italic = child.marks.some((m) => m.type.name === 'italic');
      const bold = child.marks.some((m) => m.type.name === 'bold');
      out.push({ kind: 'text', s: child.text ?? '', node: child, ...(italic && { italic }), ...(bold && { bold }) });
    } else if (child.type.name === 'footnoteRef') out.push({ kind: 'ref', s: String(child.attrs.marker), node: child });
  });
  while (open.length > 0) out.push({ kind: 'close', s: ']', id: open.pop() });
  return out;
}

function join(toks: Token[]): string {
  let s = '';
  toks.forEach((t, i) => {
    s += t.s;
    const next = toks[i + 1];
    if (t.kind === 'ref' && next?.kind === 'text' && /^\S/.test(next.s)) s += ' ';
  });
  return s;
}

function markById(block: PMNode, id: string): Mark | undefined {
  let found: Mark | undefined;
  block.forEach((child) => {
    found ??= child.marks.find((m) => m.type.name === 'bracket' && m.attrs.id === id);
  });
  return found;
}
