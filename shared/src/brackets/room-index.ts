import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorFragment } from '@tiptap/y-tiptap';
import { schema, Y_BODY, Y_COMMENTS, Y_GROUPS, Y_PARAGRAPHS, Y_PROPOSALS, Y_ROOM } from '../schema.js';
import { byTime, commentsByProposal, isCommentEntry } from './comments.js';
import { canonicalBlock } from './canonical.js';
import type { BracketState, CommentEntry, DecisionEntry, Group, ParagraphState, Proposal, RoomRecords } from './types.js';

export const Y_DECISIONS = 'decisions';

interface BlockEntry {
  /** The block as `readBracketState` would read it (canonical marks); null: it does not convert. */
  node: PMNode | null;
  id: string | null;
  /** Bracket ids in the block, and the proposal that added it (`attrs.added`). */
  refs: string[];
}

type Changed = Map<Y.AbstractType<unknown>, Set<string | null>>;

/** Reads one top-level element exactly as `yXmlFragmentToProseMirrorRootNode` reads it among the others. */
function convert(el: Y.XmlElement): PMNode | null {
  const frag = yXmlFragmentToProseMirrorFragment({ toArray: () => [el] } as unknown as Y.XmlFragment, schema);
  return frag.childCount === 1 ? canonicalBlock(frag.child(0)) : null;
}

function refsOf(node: PMNode | null): string[] {
  if (!node) return [];
  const out = new Set<string>();
  if (node.attrs.added) out.add(node.attrs.added as string);
  node.forEach((child) => {
    for (const m of child.marks) if (m.type.name === 'bracket') out.add(m.attrs.id as string);
  });
  return [...out];
}

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

function removeFrom<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (s && s.delete(v) && s.size === 0) m.delete(k);
}

/**
 * BR60: what a command needs from a Y.Doc, kept up to date per block so that a command costs what
 * its paragraphs cost, not what the text costs. One per Y.Doc (`roomIndex`), held in a WeakMap, so
 * the server's room and a test's doc get it alike. It keeps:
 * - the body's blocks in order (paragraph id → Y element and position), each block read once into
 *   its ProseMirror node and re-read only when a transaction changed something inside it
 *   (`afterTransaction`'s `changed` types, walked up to their top-level block); the order is
 *   re-read only when blocks are added or removed;
 * - proposal id → the blocks holding its brackets (or added by it), from those nodes;
 * - plain mirrors of the `proposals` and `paragraphs` maps (same objects and key order as
 *   `toJSON()`), with proposal indexes by paragraph and by group; the decision log, appended to;
 *   comment entries by proposal (`comments`), added to as keys are added.
 * Anything the index cannot mirror exactly (a block without id, two blocks with one id, a block
 * the schema cannot read, a top-level text) makes it `irregular`: commands then take the
 * whole-document path.
 */
export class RoomIndex {
  readonly fragment: Y.XmlFragment;
  private readonly proposalsMap: Y.Map<Proposal>;
  private readonly paragraphsMap: Y.Map<ParagraphState>;
  private readonly decisionsArray: Y.Array<DecisionEntry>;
  private order: Y.XmlElement[] = [];
  private pos = new Map<Y.XmlElement, number>();
  private blocks = new Map<Y.XmlElement, BlockEntry>();
  private byId = new Map<string, Y.XmlElement>();
  private refBlocks = new Map<string, Set<Y.XmlElement>>();
  private structural = true;
  private idsStale = true;
  private nonElement = false;
  private badIds = false;
  private readonly dirty = new Set<Y.XmlElement>();
  private readonly broken = new Set<Y.XmlElement>();
  proposals: Record<string, Proposal> = {};
  paragraphs: Record<string, ParagraphState> = {};
  private readonly byParagraph = new Map<string, Set<string>>();
  private readonly byGroup = new Map<string, Set<string>>();
  private readonly staleProposals = new Set<string>();
  private readonly staleParagraphs = new Set<string>();
  private rebuildProposals = true;
  private rebuildParagraphs = true;
  private decisionList: DecisionEntry[] = [];
  private readonly decisionById = new Map<string, DecisionEntry>();
  private decisionsStale = true;
  private readonly commentsMap: Y.Map<CommentEntry>;
  /** Comment entries by proposal id, oldest first (BR15); the rules only count them. */
  comments: Record<string, CommentEntry[]> = {};
  private readonly staleComments = new Set<string>();
  private rebuildComments = true;

  constructor(readonly ydoc: Y.Doc) {
    this.fragment = ydoc.getXmlFragment(Y_BODY);
    this.proposalsMap = ydoc.getMap<Proposal>(Y_PROPOSALS);
    this.paragraphsMap = ydoc.getMap<ParagraphState>(Y_PARAGRAPHS);
    this.decisionsArray = ydoc.getArray<DecisionEntry>(Y_DECISIONS);
    this.commentsMap = ydoc.getMap<CommentEntry>(Y_COMMENTS);
    ydoc.on('afterTransaction', (tr: Y.Transaction) => this.note(tr.changed as Changed));
  }

  /** Marks what a transaction changed; the work is done by `refresh`, when a command reads. */
  private note(changed: Changed): void {
    for (const [type, keys] of changed) {
      if (type === this.fragment) {
        if (keys.has(null)) this.structural = true;
      } else if (type === this.proposalsMap) {
        for (const k of keys) if (k !== null) this.staleProposals.add(k);
      } else if (type === this.paragraphsMap) {
        for (const k of keys) if (k !== null) this.staleParagraphs.add(k);
      } else if (type === this.decisionsArray) {
        this.decisionsStale = true;
      } else if (type === this.commentsMap) {
        for (const k of keys) if (k !== null) this.staleComments.add(k);
      } else {
        const top = this.topBlock(type);
        if (top) this.dirty.add(top);
      }
    }
  }

  private topBlock(type: Y.AbstractType<unknown>): Y.XmlElement | null {
    let t: Y.AbstractType<unknown> = type;
    for (;;) {
      const parent = t._item?.parent;
      if (!parent || !(parent instanceof Y.AbstractType)) return null;
      if (parent === this.fragment) return t instanceof Y.XmlElement ? t : null;
      t = parent as Y.AbstractType<unknown>;
    }
  }

  /** Brings the index up to date with the Y.Doc (including a transaction still open). */
  refresh(): void {
    const open = (this.ydoc as unknown as { _transaction: Y.Transaction | null })._transaction;
    if (open) this.note(open.changed as Changed);
    if (this.structural) this.reorder();
    for (const el of this.dirty) {
      if (!this.pos.has(el)) continue;
      const oldId = this.blocks.get(el)?.id;
      this.drop(el);
      if (this.load(el).id !== oldId) this.idsStale = true;
    }
    this.dirty.clear();
    if (this.idsStale) this.reindexIds();
    this.refreshRecords();
  }

  private reorder(): void {
    const arr = this.fragment.toArray();
    const live = new Set<unknown>(arr);
    for (const el of [...this.blocks.keys()]) if (!live.has(el)) this.drop(el);
    this.order = [];
    this.pos.clear();
    this.nonElement = false;
    for (const t of arr) {
      if (!(t instanceof Y.XmlElement)) {
        this.nonElement = true;
        continue;
      }
      this.pos.set(t, this.order.length);
      this.order.push(t);
      if (!this.blocks.has(t)) this.dirty.add(t);
    }
    this.structural = false;
    this.idsStale = true;
  }

  private drop(el: Y.XmlElement): void {
    const e = this.blocks.get(el);
    if (!e) return;
    for (const r of e.refs) removeFrom(this.refBlocks, r, el);
    this.blocks.delete(el);
    this.broken.delete(el);
  }

  private load(el: Y.XmlElement): BlockEntry {
    const node = convert(el);
    const e: BlockEntry = { node, id: node ? ((node.attrs.id as string | null) ?? null) : null, refs: refsOf(node) };
    if (!node) this.broken.add(el);
    for (const r of e.refs) addTo(this.refBlocks, r, el);
    this.blocks.set(el, e);
    return e;
  }

  private reindexIds(): void {
    this.byId.clear();
    this.badIds = false;
    for (const el of this.order) {
      const id = this.blocks.get(el)?.id;
      if (!id || this.byId.has(id)) this.badIds = true;
      else this.byId.set(id, el);
    }
    this.idsStale = false;
  }

  private indexProposal(p: Proposal | undefined, add: boolean): void {
    if (!p || typeof p !== 'object') return;
    const f = add ? addTo : removeFrom;
    if (typeof p.paragraphId === 'string') f(this.byParagraph, p.paragraphId, p.id);
    if (typeof p.group === 'string') f(this.byGroup, p.group, p.id);
  }

  private refreshRecords(): void {
    for (const k of this.staleProposals) {
      if (!this.proposalsMap.has(k)) this.rebuildProposals = true;
      if (this.rebuildProposals) break;
      this.indexProposal(this.proposals[k], false);
      this.proposals[k] = this.proposalsMap.get(k)!;
      this.indexProposal(this.proposals[k], true);
    }
    this.staleProposals.clear();
    if (this.rebuildProposals) {
      this.proposals = this.proposalsMap.toJSON() as Record<string, Proposal>;
      this.byParagraph.clear();
      this.byGroup.clear();
      for (const p of Object.values(this.proposals)) this.indexProposal(p, true);
      this.rebuildProposals = false;
    }
    for (const k of this.staleParagraphs) {
      if (!this.paragraphsMap.has(k)) this.rebuildParagraphs = true;
      else this.paragraphs[k] = this.paragraphsMap.get(k)!;
    }
    this.staleParagraphs.clear();
    if (this.rebuildParagraphs) {
      this.paragraphs = this.paragraphsMap.toJSON() as Record<string, ParagraphState>;
      this.rebuildParagraphs = false;
    }
    if (this.decisionsStale) {
      // The log is append-only: read only what was appended (a shorter log is read again whole).
      const n = this.decisionsArray.length;
      const list = n >= this.decisionList.length ? [...this.decisionList, ...this.decisionsArray.slice(this.decisionList.length)] : this.decisionsArray.toArray();
      if (n < this.decisionList.length) this.decisionById.clear();
      for (let i = n >= this.decisionList.length ? this.decisionList.length : 0; i < list.length; i++) {
        if (list[i] && typeof list[i].id === 'string') this.decisionById.set(list[i].id, list[i]);
      }
      this.decisionList = list;
      this.decisionsStale = false;
    }
    this.refreshComments();
  }

  /** Entries are written once and never changed: a new key is appended to its proposal's list; anything else reads the map again. */
  private refreshComments(): void {
    for (const k of this.staleComments) {
      const c = this.commentsMap.get(k);
      if (this.rebuildComments || !isCommentEntry(c) || c.id !== k) {
        this.rebuildComments = true;
        break;
      }
      const list = (this.comments[c.proposalId] ??= []);
      if (list.some((x) => x.id === k)) {
        this.rebuildComments = true;
        break;
      }
      list.push(c);
      if (list.length > 1 && byTime(list[list.length - 2], c) > 0) list.sort(byTime);
    }
    this.staleComments.clear();
    if (this.rebuildComments) {
      this.comments = commentsByProposal(this.commentsMap.values());
      this.rebuildComments = false;
    }
  }

  /** True when commands must take the whole-document path (see the class comment). */
  get irregular(): boolean {
    return this.nonElement || this.badIds || this.broken.size > 0;
  }

  get decisions(): DecisionEntry[] {
    return this.decisionList;
  }

  /** The chair's groups: a handful of small records, read fresh rather than mirrored. */
  get groups(): Record<string, Group> {
    return this.ydoc.getMap<Group>(Y_GROUPS).toJSON() as Record<string, Group>;
  }

  decision(id: unknown): DecisionEntry | undefined {
    return typeof id === 'string' ? this.decisionById.get(id) : undefined;
  }

  proposal(id: unknown): Proposal | undefined {
    return typeof id === 'string' && Object.prototype.hasOwnProperty.call(this.proposals, id) ? this.proposals[id] : undefined;
  }

  element(id: unknown): Y.XmlElement | undefined {
    return typeof id === 'string' ? this.byId.get(id) : undefined;
  }

  node(el: Y.XmlElement): PMNode {
    return this.blocks.get(el)!.node!;
  }

  /** Position of the block among the body's blocks. */
  position(el: Y.XmlElement): number {
    return this.pos.get(el)!;
  }

  at(i: number): Y.XmlElement | undefined {
    return this.order[i];
  }

  get size(): number {
    return this.order.length;
  }

  refs(el: Y.XmlElement): readonly string[] {
    return this.blocks.get(el)?.refs ?? [];
  }

  /** Blocks holding brackets of (or added by) a proposal id. */
  blocksOf(id: string): ReadonlySet<Y.XmlElement> | undefined {
    return this.refBlocks.get(id);
  }

  proposalsIn(paragraphId: string): ReadonlySet<string> | undefined {
    return this.byParagraph.get(paragraphId);
  }

  groupMembers(group: string): ReadonlySet<string> | undefined {
    return this.byGroup.get(group);
  }

  /** A doc of just these blocks, in text order. */
  docOf(els: Iterable<Y.XmlElement>): PMNode {
    const sorted = [...els].sort((a, b) => this.pos.get(a)! - this.pos.get(b)!);
    return schema.topNodeType.create(null, sorted.map((el) => this.node(el)));
  }

  /** The whole state, from the cached blocks: what `readBracketState` reads, without converting. */
  wholeState(): BracketState {
    return {
      doc: this.docOf(this.order),
      proposals: this.proposals,
      paragraphs: this.paragraphs,
      decisions: this.decisionList,
      groups: this.groups,
      comments: this.comments,
      // The room's few small values are read whole: nothing to index.
      room: this.ydoc.getMap(Y_ROOM).toJSON() as Partial<RoomRecords>,
    };
  }
}

const indexes = new WeakMap<Y.Doc, RoomIndex>();

/** The Y.Doc's index, created (and kept up to date from then on) on first use. */
export function roomIndex(ydoc: Y.Doc): RoomIndex {
  let index = indexes.get(ydoc);
  if (!index) indexes.set(ydoc, (index = new RoomIndex(ydoc)));
  index.refresh();
  return index;
}
