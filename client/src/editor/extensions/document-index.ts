import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import { DecorationSet, type Decoration } from '@tiptap/pm/view';
import { blockOpeningWords, paragraphLabels, type OpeningRange, type ParagraphLabel } from '@accord/shared';
import { bracketCountsFrom, type BracketCounts } from '@accord/shared/brackets/index';
import { blockAnnotations, type BracketRecords } from './bracket-annotations';
import { labelDecoration } from './paragraph-labels';
import { openingDecoration } from './opening-words';

/** What one top-level block contributes to the index, computed once per block node. */
interface BlockSummary {
  node: PMNode;
  id: string | null;
  /** Everything numbering reads: type, id, added, altOf, level, footnote marker. */
  sig: string;
  /** Bracket ids in this block, in order of first appearance. */
  brackets: string[];
  /** Ids with a pending-role bracket mark in this block. */
  pending: string[];
  /** The italic opening words of a PP or OP in the text's language (shared/src/opening-words.ts). */
  opening: OpeningRange | null;
}

/**
 * The editor's derived view of the text, kept by one plugin: paragraph labels, label and bracket
 * annotation decorations, where each bracket's text is, and the open bracket counts. Each
 * transaction maps the decorations and recomputes only the top-level blocks it changed; labels
 * only when numbering can change (blocks added, removed, retyped, or their numbering attributes
 * changed); a change of bracket records redraws only the blocks holding the proposals concerned;
 * italic opening words only for the blocks changed (all of them when the text's language changes).
 * Every value here equals the whole-document computation (client/test/editor/document-index.test.ts).
 */
export interface DocumentIndex {
  records: BracketRecords;
  /** One per top-level block of the document, in order. */
  blocks: readonly BlockSummary[];
  /** paragraphLabels(doc); the same Map object until numbering changes. */
  labels: Map<string, ParagraphLabel>;
  /** Block id → index in the text (the last block with that id), as the panel sorts. */
  order: Map<string, number>;
  /** Block id → index of the first block with that id (ids are unique but for a moment after a split). */
  firstOrder: Map<string, number>;
  /** Index of the first footnote block, -1 if none. */
  firstFootnote: number;
  /** Bracket id → id of the paragraph its text first appears in (panel-model's bracketHomes). */
  homes: Map<string, string>;
  /** Bracket id → paragraph of its first pending-role mark. */
  pendingHomes: Map<string, string>;
  /** BR50 open bracket counts; the same object until a count changes. */
  counts: BracketCounts;
  labelDecorations: DecorationSet;
  annotations: DecorationSet;
  /** The text's language (meta.language), which decides the opening words. */
  language: string;
  /** Italic opening words of PPs and OPs (UN Editorial Manual), one inline decoration per block. */
  openings: DecorationSet;
}

export const documentIndexKey = new PluginKey<DocumentIndex>('accordDocumentIndex');
/** Transaction meta carrying the text's language (setTextLanguage). */
const languageKey = new PluginKey<string>('accordTextLanguage');
/** The interface language changed: every annotation is drawn again in it (statuses, tooltips). */
const redrawKey = new PluginKey<boolean>('accordRedrawAnnotations');

const EMPTY_RECORDS: BracketRecords = { proposals: {}, paragraphs: {} };

/** The block's text with every inline leaf (a footnote marker) as one character, so offsets are positions. */
function blockText(node: PMNode): string {
  return node.textBetween(0, node.content.size, '', '\uFFFC');
}

function openingOf(node: PMNode, language: string): OpeningRange | null {
  const type = node.type.name;
  return type === 'preambular' || type === 'operative' ? blockOpeningWords(type, Number(node.attrs.level ?? 0), blockText(node), language) : null;
}

function summarize(node: PMNode, language: string): BlockSummary {
  const brackets: string[] = [];
  const pending: string[] = [];
  node.forEach((child) => {
    for (const m of child.marks) {
      if (m.type.name !== 'bracket') continue;
      const id = m.attrs.id as string;
      if (!brackets.includes(id)) brackets.push(id);
      if (m.attrs.role === 'pending' && !pending.includes(id)) pending.push(id);
    }
  });
  const a = node.attrs;
  const sig = [node.type.name, a.id, a.added != null, a.altOf ?? '', a.level ?? '', node.type.name === 'footnote' ? String(a.marker) : ''].join('\u0000');
  return { node, id: (a.id as string | null) ?? null, sig, brackets, pending, opening: openingOf(node, language) };
}

function firstFootnote(blocks: readonly BlockSummary[]): number {
  return blocks.findIndex((b) => b.node.type.name === 'footnote');
}

function orderOf(blocks: readonly BlockSummary[]): Pick<DocumentIndex, 'order' | 'firstOrder' | 'firstFootnote'> {
  const order = new Map<string, number>();
  const firstOrder = new Map<string, number>();
  blocks.forEach((b, i) => {
    order.set(b.id as string, i);
    if (!firstOrder.has(b.id as string)) firstOrder.set(b.id as string, i);
  });
  return { order, firstOrder, firstFootnote: firstFootnote(blocks) };
}

function homesOf(blocks: readonly BlockSummary[], pick: (b: BlockSummary) => string[]): Map<string, string> {
  const homes = new Map<string, string>();
  for (const b of blocks) for (const id of pick(b)) if (!homes.has(id)) homes.set(id, b.id as string);
  return homes;
}

function allLabelDecorations(doc: PMNode, blocks: readonly BlockSummary[], labels: Map<string, ParagraphLabel>): DecorationSet {
  const first = firstFootnote(blocks);
  const decorations: Decoration[] = [];
  let pos = 0;
  blocks.forEach((b, i) => {
    const d = labelDecoration(b.node, pos, b.id ? labels.get(b.id) : undefined, i === first);
    if (d) decorations.push(d);
    pos += b.node.nodeSize;
  });
  return DecorationSet.create(doc, decorations);
}

function openingDecorations(blocks: readonly BlockSummary[], from: number): Decoration[] {
  const out: Decoration[] = [];
  let pos = from;
  for (const b of blocks) {
    if (b.opening) out.push(openingDecoration(pos, b.opening));
    pos += b.node.nodeSize;
  }
  return out;
}

/** The index computed over the whole document (on load, and the reference the tests compare with). */
export function buildDocumentIndex(doc: PMNode, records: BracketRecords = EMPTY_RECORDS, language = ''): DocumentIndex {
  const blocks: BlockSummary[] = [];
  doc.forEach((node) => blocks.push(summarize(node, language)));
  const labels = paragraphLabels(doc);
  const homes = homesOf(blocks, (b) => b.brackets);
  const pendingHomes = homesOf(blocks, (b) => b.pending);
  const counts = bracketCountsFrom(homes, pendingHomes, records.proposals);
  const annotations: Decoration[] = [];
  let pos = 0;
  for (const b of blocks) {
    annotations.push(...blockAnnotations(b.node, pos, records, b.id ? counts.byParagraph[b.id] : undefined));
    pos += b.node.nodeSize;
  }
  return {
    records,
    blocks,
    labels,
    ...orderOf(blocks),
    homes,
    pendingHomes,
    counts,
    labelDecorations: allLabelDecorations(doc, blocks, labels),
    annotations: DecorationSet.create(doc, annotations),
    language,
    openings: DecorationSet.create(doc, openingDecorations(blocks, 0)),
  };
}

/** Decorations lying wholly within [from, to]. */
function within(set: DecorationSet, from: number, to: number): Decoration[] {
  return set.find(from, to).filter((d) => d.from >= from && d.to <= to);
}

/**
 * The top-level blocks a transaction replaced: old blocks [start, oldEnd) became new blocks
 * [start, newEnd). Found from the step maps, then narrowed to blocks that are not the very same
 * node objects (y-sync applies a remote change as one step replacing the whole document, but
 * keeps the node of every paragraph it did not change).
 */
interface BlockChange {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** Position of block `start` (the same in both documents). */
  pos: number;
  oldEndPos: number;
  newEndPos: number;
}

function changedBlocks(tr: Transaction): BlockChange | null {
  let from = Infinity;
  let to = -Infinity;
  tr.steps.forEach((step, i) => {
    const map = tr.mapping.maps[i];
    if (from <= to) {
      from = map.map(from, -1);
      to = map.map(to, 1);
    }
    let mapped = false;
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      mapped = true;
      from = Math.min(from, newStart);
      to = Math.max(to, newEnd);
    });
    if (mapped) return;
    // Mark and attribute steps change the document without moving anything: their map is empty.
    const s = step as unknown as { from?: number; to?: number; pos?: number };
    const [a, b] = typeof s.from === 'number' && typeof s.to === 'number' ? [s.from, s.to] : typeof s.pos === 'number' ? [s.pos, s.pos + 1] : [0, tr.docs[i].content.size];
    from = Math.min(from, a);
    to = Math.max(to, b);
  });
  if (from > to) return null;
  const before = tr.before;
  const after = tr.doc;
  const delta = after.content.size - before.content.size;
  const oldTo = to - delta;
  // Widened by a block on each side: a change at a block boundary may belong to either block.
  const $from = before.resolve(from);
  let start = Math.max(0, $from.index(0) - 1);
  let pos = $from.posAtIndex(start, 0);
  const $to = before.resolve(oldTo);
  let oldEnd = Math.min(before.childCount, $to.index(0) + 1);
  let oldEndPos = $to.posAtIndex(oldEnd, 0);
  let newEnd = after.childCount - (before.childCount - oldEnd);
  let newEndPos = oldEndPos + delta;
  while (start < oldEnd && start < newEnd && before.child(start) === after.child(start)) pos += before.child(start++).nodeSize;
  while (oldEnd > start && newEnd > start && before.child(oldEnd - 1) === after.child(newEnd - 1)) {
    const size = before.child(--oldEnd).nodeSize;
    newEnd--;
    oldEndPos -= size;
    newEndPos -= size;
  }
  if (start === oldEnd && start === newEnd) return null;
  return { start, oldEnd, newEnd, pos, oldEndPos, newEndPos };
}

function sameSigs(a: readonly BlockSummary[], b: readonly BlockSummary[]): boolean {
  return a.length === b.length && a.every((x, i) => x.sig === b[i].sig);
}

/** First block at or after index `from` whose `pick` holds `id` (a walk over summaries, not the text). */
function findHome(blocks: readonly BlockSummary[], id: string, pick: (b: BlockSummary) => string[], from: number): number {
  for (let i = from; i < blocks.length; i++) if (pick(blocks[i]).includes(id)) return i;
  return -1;
}

/**
 * New homes after blocks [start, oldEnd) became [start, newEnd): an id keeps a home in an
 * unchanged block before the change; else its first block among the new ones; else the first
 * block after them (a walk over block summaries, not the text). Returns the old map when no home
 * changed.
 */
function updateHomes(
  prev: DocumentIndex,
  homes: Map<string, string>,
  prevBlocks: readonly BlockSummary[],
  blocks: readonly BlockSummary[],
  c: BlockChange,
  pick: (b: BlockSummary) => string[],
): Map<string, string> {
  const affected = new Set<string>();
  for (let i = c.start; i < c.oldEnd; i++) for (const id of pick(prevBlocks[i])) affected.add(id);
  for (let i = c.start; i < c.newEnd; i++) for (const id of pick(blocks[i])) affected.add(id);
  if (affected.size === 0) return homes;
  let next: Map<string, string> | null = null;
  for (const id of affected) {
    // A home in a block before the change stays its home: those blocks are unchanged.
    const old = homes.get(id);
    if (old !== undefined && (prev.order.get(old) ?? Infinity) < c.start) continue;
    let at = -1;
    // Only with duplicate block ids can the old home's id be both before and after the start.
    if (old !== undefined && (prev.firstOrder.get(old) ?? Infinity) < c.start) {
      for (let i = 0; i < c.start && at < 0; i++) if (pick(blocks[i]).includes(id)) at = i;
    }
    if (at < 0) at = findHome(blocks, id, pick, c.start);
    const home = at < 0 ? undefined : (blocks[at].id as string);
    if (homes.has(id) === (at >= 0) && homes.get(id) === home) continue;
    next ??= new Map(homes);
    if (at < 0) next.delete(id);
    else next.set(id, home as string);
  }
  return next ?? homes;
}

function sameCounts(a: BracketCounts, b: BracketCounts): boolean {
  if (a.total !== b.total) return false;
  const ka = Object.keys(a.byParagraph);
  return ka.length === Object.keys(b.byParagraph).length && ka.every((k) => a.byParagraph[k] === b.byParagraph[k]);
}

/** Paragraph ids whose count differs between two countings. */
function countChanges(a: BracketCounts, b: BracketCounts): Set<string> {
  const ids = new Set<string>();
  for (const k of new Set([...Object.keys(a.byParagraph), ...Object.keys(b.byParagraph)])) if (a.byParagraph[k] !== b.byParagraph[k]) ids.add(k);
  return ids;
}

/** Redraws the annotations of the blocks `pick` selects (a walk over block summaries). */
function redraw(index: DocumentIndex, doc: PMNode, pick: (b: BlockSummary, i: number) => boolean): DecorationSet {
  let set = index.annotations;
  const remove: Decoration[] = [];
  const add: Decoration[] = [];
  let pos = 0;
  index.blocks.forEach((b, i) => {
    if (pick(b, i)) {
      remove.push(...within(set, pos, pos + b.node.nodeSize));
      add.push(...blockAnnotations(b.node, pos, index.records, b.id ? index.counts.byParagraph[b.id] : undefined));
    }
    pos += b.node.nodeSize;
  });
  if (remove.length) set = set.remove(remove);
  return add.length ? set.add(doc, add) : set;
}

/**
 * Whether the transaction's own steps keep each of the changed blocks (starting at `pos`) whole,
 * edges included: typing inside a paragraph does; y-sync's remote change (one step over the whole
 * text) and anything replacing a block do not. Their decorations can then follow those steps
 * rather than the block mapping below, which drops them.
 */
function keepsBlocks(tr: Transaction, blocks: readonly BlockSummary[], pos: number): boolean {
  for (const b of blocks) {
    const end = pos + b.node.nodeSize;
    if (tr.mapping.mapResult(pos, 1).deleted || tr.mapping.mapResult(end, -1).deleted) return false;
    pos = end;
  }
  return true;
}

/**
 * Whether each changed block's opening-word decoration, mapped through the transaction's own
 * steps, is exactly the one it would be drawn as now (typing after the words): then mapping is all.
 */
function openingsKept(tr: Transaction, removed: readonly BlockSummary[], added: readonly BlockSummary[], pos: number): boolean {
  if (removed.length !== added.length || !keepsBlocks(tr, removed, pos)) return false;
  return removed.every((b, k) => {
    const was = b.opening;
    const now = added[k].opening;
    const oldStart = pos + 1;
    const newStart = tr.mapping.map(pos, 1) + 1;
    pos += b.node.nodeSize;
    if (!was || !now) return !was && !now;
    // As ProseMirror maps an inline decoration: its start sticks right, its end left.
    return tr.mapping.map(oldStart + was.start, 1) === newStart + now.start && tr.mapping.map(oldStart + was.end, -1) === newStart + now.end;
  });
}

function applyDocChange(prev: DocumentIndex, tr: Transaction): DocumentIndex {
  const c = changedBlocks(tr);
  if (!c) return prev;
  const doc = tr.doc;
  const removed = prev.blocks.slice(c.start, c.oldEnd);
  const added: BlockSummary[] = [];
  for (let i = c.start; i < c.newEnd; i++) added.push(summarize(doc.child(i), prev.language));
  // concat, not spreads: a treaty's 2,000 summaries are copied on every keystroke.
  const blocks = prev.blocks.slice(0, c.start).concat(added, prev.blocks.slice(c.oldEnd));
  const mapping = new Mapping([new StepMap([c.pos, c.oldEndPos - c.pos, c.newEndPos - c.pos])]);

  const homes = updateHomes(prev, prev.homes, prev.blocks, blocks, c, (b) => b.brackets);
  const pendingHomes = updateHomes(prev, prev.pendingHomes, prev.blocks, blocks, c, (b) => b.pending);
  let counts = prev.counts;
  if (homes !== prev.homes || pendingHomes !== prev.pendingHomes) {
    const fresh = bracketCountsFrom(homes, pendingHomes, prev.records.proposals);
    if (!sameCounts(fresh, counts)) counts = fresh;
  }

  // Numbering reads only the blocks' signatures: unchanged signatures, unchanged labels.
  let { labels, labelDecorations } = prev;
  let order = { order: prev.order, firstOrder: prev.firstOrder, firstFootnote: prev.firstFootnote };
  if (sameSigs(removed, added) && keepsBlocks(tr, removed, c.pos)) {
    // Same blocks, same labels (a keystroke): the decorations follow the transaction's own steps.
    labelDecorations = labelDecorations.map(tr.mapping, doc);
  } else if (sameSigs(removed, added)) {
    const first = prev.firstFootnote;
    const fresh: Decoration[] = [];
    let pos = c.pos;
    added.forEach((b, k) => {
      const d = labelDecoration(b.node, pos, b.id ? labels.get(b.id) : undefined, c.start + k === first);
      if (d) fresh.push(d);
      pos += b.node.nodeSize;
    });
    // The block mapping drops the changed blocks' own decorations (a pass less than removing them).
    labelDecorations = labelDecorations.map(mapping, doc).add(doc, fresh);
  } else {
    labels = paragraphLabels(doc);
    order = orderOf(blocks);
    labelDecorations = allLabelDecorations(doc, blocks, labels);
  }

  let annotations = prev.annotations.remove(within(prev.annotations, c.pos, c.oldEndPos)).map(mapping, doc);
  const fresh: Decoration[] = [];
  let pos = c.pos;
  for (const b of added) {
    fresh.push(...blockAnnotations(b.node, pos, prev.records, b.id ? counts.byParagraph[b.id] : undefined));
    pos += b.node.nodeSize;
  }
  annotations = annotations.add(doc, fresh);
  // Opening words: the changed blocks' only; every other decoration is mapped.
  const openings = openingsKept(tr, removed, added, c.pos)
    ? prev.openings.map(tr.mapping, doc)
    : prev.openings.map(mapping, doc).add(doc, openingDecorations(added, c.pos));
  const next: DocumentIndex = { ...prev, blocks, labels, ...order, homes, pendingHomes, counts, labelDecorations, annotations, openings };
  if (counts !== prev.counts) {
    // A bracket that moved to another paragraph changes that paragraph's count too.
    const ids = countChanges(prev.counts, counts);
    next.annotations = redraw(next, doc, (b, i) => (i < c.start || i >= c.newEnd) && b.id !== null && ids.has(b.id));
  }
  return next;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function changedKeys<T>(a: Record<string, T>, b: Record<string, T>): Set<string> {
  const keys = new Set<string>();
  for (const k in a) if (!sameValue(a[k], b[k])) keys.add(k);
  for (const k in b) if (!(k in a)) keys.add(k);
  return keys;
}

/** New bracket records: redraw the blocks holding changed proposals, changed statuses or counts. */
function applyRecords(prev: DocumentIndex, doc: PMNode, records: BracketRecords): DocumentIndex {
  const proposals = changedKeys(prev.records.proposals, records.proposals);
  const paragraphs = changedKeys(prev.records.paragraphs, records.paragraphs);
  let counts = prev.counts;
  if (proposals.size) {
    const fresh = bracketCountsFrom(prev.homes, prev.pendingHomes, records.proposals);
    if (!sameCounts(fresh, counts)) counts = fresh;
  }
  for (const id of counts === prev.counts ? [] : countChanges(prev.counts, counts)) paragraphs.add(id);
  const next: DocumentIndex = { ...prev, records, counts };
  if (proposals.size || paragraphs.size) {
    next.annotations = redraw(next, doc, (b) => (b.id !== null && paragraphs.has(b.id)) || b.brackets.some((id) => proposals.has(id)));
  }
  return next;
}

/** A new language: every PP and OP is read again (it happens once, when the text's meta arrives). */
function applyLanguage(prev: DocumentIndex, doc: PMNode, language: string): DocumentIndex {
  if (language === prev.language) return prev;
  const blocks = prev.blocks.map((b) => ({ ...b, opening: openingOf(b.node, language) }));
  return { ...prev, blocks, language, openings: DecorationSet.create(doc, openingDecorations(blocks, 0)) };
}

export function applyDocumentIndex(prev: DocumentIndex, tr: Transaction): DocumentIndex {
  let next = tr.docChanged ? applyDocChange(prev, tr) : prev;
  const records = tr.getMeta(documentIndexKey) as BracketRecords | undefined;
  if (records) next = applyRecords(next, tr.doc, records);
  const language = tr.getMeta(languageKey) as string | undefined;
  if (language !== undefined) next = applyLanguage(next, tr.doc, language);
  if (tr.getMeta(redrawKey)) next = { ...next, annotations: redraw(next, tr.doc, () => true) };
  return next;
}

/** The index of an editor state, if the editor has the plugin. */
export function documentIndexOf(state: EditorState): DocumentIndex | undefined {
  return documentIndexKey.getState(state);
}

/** Paragraph labels of a state: the index's when present, else computed (tests with a bare state). */
export function labelsOf(state: EditorState): Map<string, ParagraphLabel> {
  return documentIndexOf(state)?.labels ?? paragraphLabels(state.doc);
}

/** Feeds new records (from the server-only Y maps) to the index. */
export function setBracketRecords(state: EditorState, records: BracketRecords): Transaction {
  return state.tr.setMeta(documentIndexKey, records);
}

/** Draws every annotation again (after the interface language changed). */
export function redrawAnnotations(state: EditorState): Transaction {
  return state.tr.setMeta(redrawKey, true);
}

/** Tells the index the text's language (meta.language), which decides the italic opening words. */
export function setTextLanguage(state: EditorState, language: string): Transaction {
  return state.tr.setMeta(languageKey, language);
}

/**
 * The document index as a Tiptap extension (where the editor's labels, annotations and counts
 * live). Three plugins draw its three decoration sets; only the first holds state.
 */
export const DocumentIndexExtension = Extension.create({
  name: 'documentIndex',

  addProseMirrorPlugins() {
    return documentIndexPlugins();
  },
});

/** The plugins of DocumentIndexExtension, for a bare ProseMirror state (tests). */
export function documentIndexPlugins(): Plugin[] {
  return [
    new Plugin<DocumentIndex>({
      key: documentIndexKey,
      state: {
        init: (_config, state) => buildDocumentIndex(state.doc),
        apply: (tr, prev) => applyDocumentIndex(prev, tr),
      },
      props: {
        decorations: (state) => documentIndexKey.getState(state)?.annotations,
      },
    }),
    new Plugin({
      props: {
        decorations: (state) => documentIndexKey.getState(state)?.labelDecorations,
      },
    }),
    new Plugin({
      props: {
        decorations: (state) => documentIndexKey.getState(state)?.openings,
      },
    }),
  ];
}
