import { diffSequences } from './myers.js';
import type { Paragraph } from './paragraphs.js';

export interface AlignedPair {
  /** Index in A's paragraphs (absent for an added paragraph). */
  ai?: number;
  /** Index in B's paragraphs (absent for a deleted paragraph). */
  bi?: number;
  /** Present in both but out of the longest common subsequence of ids: it moved. */
  moved: boolean;
}

/**
 * Align two versions' paragraphs by stable id. The longest common subsequence of the id
 * sequences (Myers) stays in place; an id in both versions but outside it has moved. The result
 * is in merged order: B's order, with each deleted paragraph where it stood in A.
 */
export function alignParagraphs(pa: Paragraph[], pb: Paragraph[]): AlignedPair[] {
  const indexA = new Map<string, number>();
  pa.forEach((p, i) => indexA.set(p.key, i));
  const indexB = new Map<string, number>();
  pb.forEach((p, i) => indexB.set(p.key, i));
  const seqA = new Int32Array(pa.length);
  for (let i = 0; i < pa.length; i++) seqA[i] = i;
  let fresh = pa.length;
  const seqB = new Int32Array(pb.length);
  for (let i = 0; i < pb.length; i++) seqB[i] = indexA.get(pb[i].key) ?? fresh++;

  const out: AlignedPair[] = [];
  for (const s of diffSequences(seqA, seqB)) {
    if (s.eq) {
      for (let k = 0; k < s.a1 - s.a0; k++) out.push({ ai: s.a0 + k, bi: s.b0 + k, moved: false });
      continue;
    }
    for (let ai = s.a0; ai < s.a1; ai++) if (!indexB.has(pa[ai].key)) out.push({ ai, moved: false });
    for (let bi = s.b0; bi < s.b1; bi++) {
      const ai = indexA.get(pb[bi].key);
      out.push(ai === undefined ? { bi, moved: false } : { ai, bi, moved: true });
    }
  }
  return out;
}
