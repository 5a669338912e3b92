import { readFileSync } from 'node:fs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { renderInline } from '../src/render-inline.js';

export const SEED_000 = '000_85b9ad751e1b66bf.txt';
export const SEED_001 = '001_c623db400c608d02.txt';

export function readSeed(name: string): string {
  return readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');
}

export interface BlockView {
  id: string | null;
  type: string;
  /** Rendered with brackets as [ ] and footnote markers inline. */
  text: string;
  /** Plain text content (no brackets, no markers). */
  plain: string;
  level?: number;
  style?: string;
  marker?: string;
  node: PMNode;
}

export function blocksOf(doc: PMNode): BlockView[] {
  const out: BlockView[] = [];
  doc.forEach((node) => {
    out.push({
      id: node.attrs.id as string | null,
      type: node.type.name,
      text: renderInline(node),
      plain: node.textContent,
      level: node.type.name === 'operative' ? Number(node.attrs.level) : undefined,
      style: node.type.name === 'note' ? String(node.attrs.style) : undefined,
      marker: node.type.name === 'footnote' ? String(node.attrs.marker) : undefined,
      node,
    });
  });
  return out;
}

export function ofType(doc: PMNode, type: string, level?: number): BlockView[] {
  return blocksOf(doc).filter((b) => b.type === type && (level === undefined || b.level === level));
}

/** Pending bracket spans of a block: [text, id]. */
export function pendingBrackets(node: PMNode): Array<{ text: string; id: string }> {
  const spans = new Map<string, string>();
  node.forEach((child) => {
    for (const m of child.marks) {
      if (m.type.name === 'bracket' && m.attrs.role === 'pending') {
        const id = String(m.attrs.id);
        spans.set(id, (spans.get(id) ?? '') + (child.text ?? ''));
      }
    }
  });
  return [...spans].map(([id, text]) => ({ id, text }));
}

export function footnoteRefs(node: PMNode): string[] {
  const refs: string[] = [];
  node.forEach((child) => {
    if (child.type.name === 'footnoteRef') refs.push(String(child.attrs.marker));
  });
  return refs;
}

/** The characters that must survive an import: whitespace dropped, fullwidth ASCII forms folded. */
export function significant(s: string): string[] {
  return Array.from(s.replace(/\s+/g, '')).map((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
  });
}

/**
 * Whether `needle` is a subsequence of `hay`, where each of `pieces` (characters the import
 * recognised and removed, in order) may stand for itself in `needle` instead.
 */
export function isSubsequence(needle: string[], hay: string[], pieces: string[][] = []): { ok: boolean; at: number } {
  let j = 0;
  let k = 0;
  let i = 0;
  while (j < needle.length) {
    // A recognised piece is read whole where it starts; otherwise the character is in the text.
    const piece = pieces[k];
    if (piece && piece.length > 0 && piece.every((c, n) => needle[j + n] === c)) {
      j += piece.length;
      k++;
      continue;
    }
    if (piece && piece.length === 0) {
      k++;
      continue;
    }
    while (i < hay.length && hay[i] !== needle[j]) i++;
    if (i >= hay.length) break;
    i++;
    j++;
  }
  return { ok: j === needle.length && k === pieces.length, at: j };
}
