// TEMPORARY STAND-IN for shared/src/numbering.ts (being written in parallel). Delete this file and
// import { paragraphLabels, ensureUniqueIds } from '@accord/shared' as soon as it exists.
import type { Node as PMNode } from '@tiptap/pm/model';
import { newId } from '@accord/shared';

const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];
const letter = (n: number) => String.fromCharCode(96 + ((n - 1) % 26) + 1);

export function paragraphLabels(doc: PMNode): Map<string, { label: string; short: string }> {
  const out = new Map<string, { label: string; short: string }>();
  let pp = 0;
  let ppBis = 0;
  const op = [0, 0, 0];
  const bis = [0, 0, 0];
  doc.forEach((node) => {
    const id = node.attrs.id as string | null;
    if (!id) return;
    if (node.type.name === 'preambular') {
      if (node.attrs.added && pp > 0) out.set(id, { label: `PP${pp} ${LATIN[ppBis++] ?? '+'}`, short: '' });
      else {
        out.set(id, { label: `PP${++pp}`, short: '' });
        ppBis = 0;
      }
    } else if (node.type.name === 'operative') {
      const level = Math.max(0, Math.min(2, Number(node.attrs.level) || 0));
      let suffix = '';
      if (node.attrs.added && op[level] > 0) suffix = ` ${LATIN[bis[level]++] ?? '+'}`;
      else {
        op[level] += 1;
        bis[level] = 0;
      }
      for (let l = level + 1; l < 3; l++) {
        op[l] = 0;
        bis[l] = 0;
      }
      const n = op[level];
      const own = level === 0 ? `${n}${suffix}` : level === 1 ? `(${letter(n)}${suffix})` : `(${ROMAN[n - 1] ?? n}${suffix})`;
      const short = level === 0 ? `${own}.` : own;
      const label = level === 0 ? `OP ${own}` : own;
      out.set(id, { label, short });
    }
  });
  return out;
}

export function ensureUniqueIds(doc: PMNode): Array<{ pos: number; id: string }> {
  const seen = new Set<string>();
  const fixes: Array<{ pos: number; id: string }> = [];
  doc.forEach((node, pos) => {
    if (!('id' in node.attrs)) return;
    const id = node.attrs.id as string | null;
    if (!id || seen.has(id)) fixes.push({ pos, id: newId() });
    else seen.add(id);
  });
  return fixes;
}
