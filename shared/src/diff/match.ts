import { tokenize } from './tokenize.js';
import type { ParagraphComparison } from './types.js';
import type { Paragraph } from './paragraphs.js';

/**
 * Paragraphs that did not keep their id: an added paragraph whose text closely matches a deleted
 * one replaces it; a deleted paragraph whose words reappear as inserted text in another paragraph
 * was merged into it. Only the (few) added, deleted and changed paragraphs are compared, and the
 * number of pairs is capped so that a wholesale rewrite cannot make compare quadratic.
 */
const MAX_PAIRS = 250_000;
const REPLACE_DICE = 0.5;
const MERGE_CONTAINMENT = 0.6;

type Bag = Map<string, number>;

/**
 * Word bigrams: in negotiation texts single words ("the", "States", "国际") are shared by nearly
 * every paragraph, pairs of consecutive words much less so.
 */
function bag(text: string, locale: string): { bag: Bag; size: number } {
  const out: Bag = new Map();
  let size = 0;
  let prev = '';
  for (const t of tokenize(text, locale)) {
    if (!/[\p{L}\p{N}]/u.test(t)) continue;
    const w = t.toLowerCase();
    const k = `${prev}\u0000${w}`;
    prev = w;
    out.set(k, (out.get(k) ?? 0) + 1);
    size++;
  }
  return { bag: out, size };
}

function overlap(x: Bag, y: Bag): number {
  let n = 0;
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  for (const [w, c] of small) n += Math.min(c, big.get(w) ?? 0);
  return n;
}

export interface MatchInput {
  entries: ParagraphComparison[];
  /** Paragraph of each entry's A and B side. */
  sideA: (e: ParagraphComparison) => Paragraph | undefined;
  sideB: (e: ParagraphComparison) => Paragraph | undefined;
  locale: string;
}

/** Returns the pairs (deleted entry, added entry) judged replacements; marks merges in place. */
export function matchUnpaired(input: MatchInput): Array<[ParagraphComparison, ParagraphComparison]> {
  const { entries, sideA, sideB, locale } = input;
  const deleted = entries.filter((e) => e.status === 'deleted');
  if (deleted.length === 0) return [];
  const added = entries.filter((e) => e.status === 'added');
  const changed = entries.filter((e) => e.b && e.a && e.textChanged);
  if (deleted.length * (added.length + changed.length) > MAX_PAIRS) return [];

  const bags = new Map<ParagraphComparison, { bag: Bag; size: number }>();
  for (const e of deleted) bags.set(e, bag(sideA(e)!.text, locale));
  for (const e of added) bags.set(e, bag(sideB(e)!.text, locale));
  for (const e of changed) {
    const inserted = e.ops.filter((o) => o.op === 'insert').map((o) => o.text).join(' ');
    bags.set(e, bag(inserted, locale));
  }

  const pairs: Array<[ParagraphComparison, ParagraphComparison]> = [];
  const taken = new Set<ParagraphComparison>();
  for (const d of deleted) {
    const bd = bags.get(d)!;
    if (bd.size === 0) continue;
    let best: ParagraphComparison | null = null;
    let bestScore = REPLACE_DICE;
    for (const a of added) {
      if (taken.has(a)) continue;
      const ba = bags.get(a)!;
      const score = (2 * overlap(bd.bag, ba.bag)) / (bd.size + ba.size);
      if (score >= bestScore) {
        best = a;
        bestScore = score;
      }
    }
    if (best) {
      taken.add(best);
      pairs.push([d, best]);
      continue;
    }
    let into: ParagraphComparison | null = null;
    let intoScore = MERGE_CONTAINMENT;
    for (const c of [...added, ...changed]) {
      const score = overlap(bd.bag, bags.get(c)!.bag) / bd.size;
      if (score >= intoScore) {
        into = c;
        intoScore = score;
      }
    }
    if (into) d.mergedInto = into.id;
  }
  return pairs;
}
