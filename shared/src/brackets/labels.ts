import type { Node as PMNode } from '@tiptap/pm/model';
import { positionWording } from './rulebook.js';
import type { BracketState, Proposal, Sponsor } from './types.js';

/** "G77 and China (Sudan)": a group and the member speaking for it. */
export function sponsorLabel(s: Sponsor): string {
  return s.via ? `${s.name} (${s.via})` : s.name;
}

function names(list: Sponsor[]): string {
  return list.map(sponsorLabel).join(', ');
}

/** BR60: "EU", "G77 and China (Sudan), Norway", "Alt 2 – EU", "Alt 1", "Pending". */
export function proposalLabel(p: Proposal): string {
  const who = names(p.sponsors);
  if (p.kind === 'alternative') return who ? `Alt ${p.alt ?? 1} – ${who}` : `Alt ${p.alt ?? 1}`;
  if (p.kind === 'pending') return 'Pending';
  return who || 'Original text';
}

/**
 * Who holds which position, Rio+20 style, worded by `positionWording` (BR52): sponsors, then
 * "X retain" and "Y delete"; for a deletion its sponsors and supporters "delete", opposers "retain".
 */
export function annotation(p: Proposal | undefined): string {
  if (!p || p.kind === 'pending') return '';
  const words = positionWording(p.kind);
  const parts: string[] = [];
  if (words.supporters === 'delete') {
    const del = names([...p.sponsors, ...p.supporters]);
    if (del) parts.push(`${del} ${words.supporters}`);
  } else {
    const head = [names(p.sponsors), p.supporters.length ? `${names(p.supporters)} ${words.supporters}` : ''].filter(Boolean).join(', ');
    if (head) parts.push(head);
  }
  if (p.opposers.length) parts.push(`${names(p.opposers)} ${words.opposers}`);
  return parts.join('; ');
}

interface Frame {
  key: string;
  member: string;
  role: string;
}

interface Part {
  key: string;
  member: string;
  role: string;
}

/**
 * A piece of a paragraph as compilation text: its wording (struck if a decision or a writer removed
 * it), a footnote marker, a bracket sign or slash (`mark`), or sponsors and positions (`annotation`).
 */
export interface CompilationPiece {
  kind: 'text' | 'footnote' | 'mark' | 'annotation';
  text: string;
  struck?: boolean;
  italic?: boolean;
  bold?: boolean;
}

/**
 * BR61: a paragraph as compilation text: every open bracket in place with its sponsors and
 * positions (`[changing unsustainable - EU, G77 retain / promoting sustainable - US]`,
 * `[extreme - US; G77 delete]`), nested brackets nested, text struck by a decision in `~~ ~~`.
 */
export function compilationText(paragraph: PMNode, state: Pick<BracketState, 'proposals'>): string {
  return compilationPieces(paragraph, state)
    .map((p) => (p.kind === 'footnote' ? `^${p.text}` : p.text))
    .join('');
}

/** compilationText as pieces, for exports that style them (the compilation .docx, un-layout/). */
export function compilationPieces(paragraph: PMNode, state: Pick<BracketState, 'proposals'>): CompilationPiece[] {
  const runs: { text: string; ref: boolean; parts: Part[]; italic: boolean; bold: boolean }[] = [];
  paragraph.forEach((child) => {
    const parts: Part[] = [];
    for (const m of child.marks) {
      if (m.type.name === 'struck') parts.push({ key: 'struck', member: '', role: '' });
      if (m.type.name !== 'bracket') continue;
      const id = m.attrs.id as string;
      const p = state.proposals[id];
      if (p && p.status !== 'open') continue;
      const key = m.attrs.role === 'alt' ? `g:${p?.group ?? id}` : id;
      if (!parts.some((x) => x.key === key)) parts.push({ key, member: id, role: m.attrs.role as string });
    }
    const has = (name: string) => child.marks.some((m) => m.type.name === name);
    const text = child.isText ? child.text! : String(child.attrs.marker ?? '');
    runs.push({ text, ref: !child.isText, parts, italic: has('italic'), bold: has('bold') });
  });
  const lastRun = new Map<string, number>();
  runs.forEach((r, i) => r.parts.forEach((p) => lastRun.set(p.key, i)));
  const stack: Frame[] = [];
  const out: CompilationPiece[] = [];
  const mark = (text: string) => out.push({ kind: 'mark', text });
  const annotate = (member: string, then: string) => {
    const ann = annotation(state.proposals[member]);
    if (ann) {
      mark(' - ');
      out.push({ kind: 'annotation', text: ann });
    }
    mark(then);
  };
  const close = (f: Frame) => {
    if (f.key === 'struck') mark('~~');
    else annotate(f.member, ']');
  };
  for (const run of runs) {
    const keys = new Set(run.parts.map((p) => p.key));
    const keep = stack.findIndex((f) => !keys.has(f.key));
    if (keep >= 0) while (stack.length > keep) close(stack.pop()!);
    for (const f of stack) {
      const part = run.parts.find((p) => p.key === f.key)!;
      if (part.member !== f.member) annotate(f.member, ' / ');
      else if (part.role !== f.role) mark(' / ');
      f.member = part.member;
      f.role = part.role;
    }
    const open = run.parts
      .filter((p) => !stack.some((f) => f.key === p.key))
      .sort((a, b) => lastRun.get(b.key)! - lastRun.get(a.key)! || (a.key === 'struck' ? 1 : 0) - (b.key === 'struck' ? 1 : 0));
    for (const p of open) {
      stack.push({ ...p });
      mark(p.key === 'struck' ? '~~' : '[');
    }
    const struck = keys.has('struck');
    out.push({
      kind: run.ref ? 'footnote' : 'text',
      text: run.text,
      ...(struck && { struck }),
      ...(run.italic && { italic: true }),
      ...(run.bold && { bold: true }),
    });
  }
  while (stack.length) close(stack.pop()!);
  return out;
}
