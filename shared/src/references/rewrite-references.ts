import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { paragraphLabels } from '../numbering.js';
import { digitScript, inDigitScript, letterLike } from './label-scripts.js';
import { paragraphsByKey, referenceKey, referenceLinks, type ReferenceLink } from './reference-links.js';
import type { FlaggedReference, ReferenceItem, ReferenceRewrite } from './reference-types.js';

export interface ReferencesAtRevision {
  /** `after` with every followable reference rewritten to the new numbers (`=== after` when none changed). */
  doc: PMNode;
  references: ReferenceRewrite[];
  flagged: FlaggedReference[];
}

/** One replacement inside a block's text. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** "5" → "OP5", "5(a)" → "OP5(a)", "PP3" → "PP3". */
const shown = (key: string) => (key.startsWith('PP') ? key : `OP${key}`);

/**
 * Rewrites the paragraph references of the text a revision freezes. `before` is the live text, whose
 * numbering the references are read against (reference-links.ts says why); `after` is the same text
 * renumbered by the revision (same block ids), `removed` the ids it drops. A reference whose every
 * paragraph survives gets the paragraphs' new numbers, in the digits and letters it was written in;
 * one naming a dropped paragraph, a number nobody has, or something unclear is left as written and
 * flagged. Only the numbers and letters of a reference are ever replaced. Pure.
 */
export function rewriteReferences(before: PMNode, after: PMNode, removed: readonly string[]): ReferencesAtRevision {
  const beforeLabels = paragraphLabels(before);
  const afterLabels = after === before ? beforeLabels : paragraphLabels(after);
  const blocks: PMNode[] = [];
  const indexOf = new Map<string, number>();
  before.forEach((b) => {
    if (b.attrs.id) indexOf.set(b.attrs.id as string, blocks.length);
    blocks.push(b);
  });
  const gone = new Set(removed);
  const references: ReferenceRewrite[] = [];
  const flagged: FlaggedReference[] = [];
  const edits = new Map<string, TextEdit[]>();

  for (const link of referenceLinks(after, paragraphsByKey(before, beforeLabels))) {
    const text = link.paragraphText;
    const label = beforeLabels.get(link.paragraphId)?.short ?? '';
    const written = text.slice(link.reference.from, link.reference.to);
    const problem = problemOf(link, { blocks, indexOf, gone, beforeLabels });
    if (problem) {
      flagged.push({ paragraphId: link.paragraphId, label, text: written, ...problem });
      continue;
    }
    const own = link.reference.items.flatMap((item, i) => itemEdits(text, item, referenceKey(afterLabels.get(link.targets[i]!)!.short)!));
    if (own.length === 0) continue;
    edits.set(link.paragraphId, [...(edits.get(link.paragraphId) ?? []), ...own]);
    const shifted = own.map((e) => ({ ...e, from: e.from - link.reference.from, to: e.to - link.reference.from }));
    references.push({
      paragraphId: link.paragraphId,
      labelFrom: label,
      labelTo: afterLabels.get(link.paragraphId)?.short ?? label,
      from: written,
      to: applyTextEdits(written, shifted),
    });
  }
  return { doc: edits.size ? applyToDoc(after, edits) : after, references, flagged };
}

interface Numbering {
  blocks: PMNode[];
  indexOf: Map<string, number>;
  gone: Set<string>;
  beforeLabels: ReturnType<typeof paragraphLabels>;
}

function problemOf(link: ReferenceLink, n: Numbering): Pick<FlaggedReference, 'reason' | 'detail'> | null {
  const { items, direction } = link.reference;
  const name = (id: string) => n.beforeLabels.get(id)?.short ?? id;
  const missing = items.find((_, i) => link.targets[i] === null);
  if (missing) return { reason: 'missing', detail: `the text has no ${shown(missing.key)}` };
  const targets = link.targets as string[];
  const deleted = targets.find((id) => n.gone.has(id));
  if (deleted) return { reason: 'deleted', detail: `${name(deleted)} is deleted by this revision` };
  for (let i = 0; i < items.length - 1; i++) {
    if (!items[i].throughNext) continue;
    const [a, b] = [n.indexOf.get(targets[i])!, n.indexOf.get(targets[i + 1])!];
    if (a >= b) return { reason: 'ambiguous', detail: `the range ${name(targets[i])} to ${name(targets[i + 1])} runs backwards` };
    const end = n.blocks[a];
    const inside = n.blocks.slice(a + 1, b).find((x) => x.attrs.added != null && x.type === end.type && x.attrs.level === end.attrs.level);
    if (inside) {
      const added = name(inside.attrs.id as string);
      return { reason: 'ambiguous', detail: `the range ${name(targets[i])} to ${name(targets[i + 1])} now includes ${added}, added since the last revision` };
    }
  }
  const here = n.indexOf.get(link.paragraphId);
  if (direction && here !== undefined && n.blocks[here].type.name !== 'footnote') {
    const wrong = targets.find((id) => (direction === 'above' ? n.indexOf.get(id)! >= here : n.indexOf.get(id)! <= here));
    if (wrong) return { reason: 'ambiguous', detail: `it says ${direction}, but ${name(wrong)} is not ${direction} ${name(link.paragraphId)}` };
  }
  return null;
}

/** "5(b)(ii)" → ["5", "b", "ii"]; "6 bis" → ["6 bis"]; "PP3" → ["3"]. */
function keyParts(key: string): [string, string | undefined, string | undefined] {
  const m = /^(?:PP)?([^(]+?)(?:\(([a-z]+)\)(?: [a-z]+)?)?(?:\(([a-z]+)\))?$/.exec(key);
  return m ? [m[1], m[2], m[3]] : [key, undefined, undefined];
}

/** The edits that make `item` (read from `text`) name the paragraph now labelled `key`. */
export function itemEdits(text: string, item: ReferenceItem, key: string): TextEdit[] {
  if (key === item.key) return [];
  const [number, sub, subsub] = keyParts(key);
  const [oldNumber, oldSub, oldSubsub] = keyParts(item.key);
  const out: TextEdit[] = [];
  const written = (s: { from: number; to: number }) => text.slice(s.from, s.to);
  if (number !== oldNumber) out.push({ ...item.number, text: inDigitScript(number, digitScript(written(item.number))) });
  if (item.sub && sub && sub !== oldSub) out.push({ ...item.sub, text: letterLike(sub, written(item.sub)) });
  if (item.subsub && subsub && subsub !== oldSubsub) out.push({ ...item.subsub, text: subsub });
  return out;
}

/** Applies non-overlapping edits (any order) to a string. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/**
 * Each edit replaces characters of one block's text; the new text takes the marks of the first
 * character it replaces. Only the blocks with edits are rebuilt (a block is a Transform's root
 * here), so the cost is the blocks touched, not the whole text once per edit.
 */
function applyToDoc(doc: PMNode, edits: Map<string, TextEdit[]>): PMNode {
  const blocks: PMNode[] = [];
  doc.forEach((block) => {
    const own = edits.get(block.attrs.id as string);
    if (!own) return void blocks.push(block);
    const tr = new Transform(block);
    for (const e of [...own].sort((a, b) => b.from - a.from)) tr.replaceWith(e.from, e.to, doc.type.schema.text(e.text, block.nodeAt(e.from)?.marks ?? []));
    blocks.push(tr.doc);
  });
  return doc.type.create(doc.attrs, blocks);
}
