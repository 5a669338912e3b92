/**
 * Myers' O(ND) difference algorithm in linear space (the middle-snake bisection, as in
 * diff-match-patch's `diff_bisect`), over sequences of integer symbols. Returns the edit script as
 * ranges: equal runs, and changes (a deletion of a[a0,a1) and/or an insertion of b[b0,b1)).
 */

export interface Segment {
  /** 0 = equal, 1 = change (delete a[a0,a1) then insert b[b0,b1)). */
  eq: boolean;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** When the edit distance of one sub-problem exceeds this, it is reported as a whole replacement. */
const MAX_D = 20_000;

export function diffSequences(a: ArrayLike<number>, b: ArrayLike<number>): Segment[] {
  const out: Segment[] = [];
  diffRange(a, 0, a.length, b, 0, b.length, out);
  return mergeSegments(out);
}

function push(out: Segment[], eq: boolean, a0: number, a1: number, b0: number, b1: number): void {
  if (a0 === a1 && b0 === b1) return;
  out.push({ eq, a0, a1, b0, b1 });
}

function diffRange(
  a: ArrayLike<number>,
  a0: number,
  a1: number,
  b: ArrayLike<number>,
  b0: number,
  b1: number,
  out: Segment[],
): void {
  // Common prefix and suffix.
  let p = 0;
  while (a0 + p < a1 && b0 + p < b1 && a[a0 + p] === b[b0 + p]) p++;
  push(out, true, a0, a0 + p, b0, b0 + p);
  a0 += p;
  b0 += p;
  let s = 0;
  while (a1 - s > a0 && b1 - s > b0 && a[a1 - s - 1] === b[b1 - s - 1]) s++;
  const suffix: Segment | null = s > 0 ? { eq: true, a0: a1 - s, a1, b0: b1 - s, b1 } : null;
  a1 -= s;
  b1 -= s;
  if (a0 === a1 || b0 === b1) {
    push(out, false, a0, a1, b0, b1);
  } else {
    const split = bisect(a, a0, a1, b, b0, b1);
    if (split) {
      diffRange(a, a0, split[0], b, b0, split[1], out);
      diffRange(a, split[0], a1, b, split[1], b1, out);
    } else {
      push(out, false, a0, a1, b0, b1);
    }
  }
  if (suffix) out.push(suffix);
}

/** The middle snake's end point [x, y] (absolute), or null when there is no common symbol path worth it. */
function bisect(
  a: ArrayLike<number>,
  aStart: number,
  aEnd: number,
  b: ArrayLike<number>,
  bStart: number,
  bEnd: number,
): [number, number] | null {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  const maxD = Math.min(Math.ceil((n + m) / 2), MAX_D);
  const vOffset = maxD + 1;
  const vLength = 2 * maxD + 3;
  const v1 = new Int32Array(vLength).fill(-1);
  const v2 = new Int32Array(vLength).fill(-1);
  v1[vOffset + 1] = 0;
  v2[vOffset + 1] = 0;
  const delta = n - m;
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = vOffset + k1;
      let x1: number;
      if (k1 === -d || (k1 !== d && v1[k1Offset - 1] < v1[k1Offset + 1])) x1 = v1[k1Offset + 1];
      else x1 = v1[k1Offset - 1] + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aStart + x1] === b[bStart + y1]) {
        x1++;
        y1++;
      }
      v1[k1Offset] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2Offset = vOffset + delta - k1;
        if (k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] !== -1) {
          const x2 = n - v2[k2Offset];
          if (x1 >= x2) return [aStart + x1, bStart + y1];
        }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = vOffset + k2;
      let x2: number;
      if (k2 === -d || (k2 !== d && v2[k2Offset - 1] < v2[k2Offset + 1])) x2 = v2[k2Offset + 1];
      else x2 = v2[k2Offset - 1] + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aStart + n - x2 - 1] === b[bStart + m - y2 - 1]) {
        x2++;
        y2++;
      }
      v2[k2Offset] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1Offset = vOffset + delta - k2;
        if (k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] !== -1) {
          const x1 = v1[k1Offset];
          const y1 = vOffset + x1 - k1Offset;
          if (x1 >= n - x2) return [aStart + x1, bStart + y1];
        }
      }
    }
  }
  return null;
}

/** Join adjacent segments of the same kind (changes always absorb neighbouring changes). */
export function mergeSegments(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && last.eq === s.eq && last.a1 === s.a0 && last.b1 === s.b0) {
      last.a1 = s.a1;
      last.b1 = s.b1;
    } else {
      out.push({ ...s });
    }
  }
  return out;
}
