import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { schema, Y_BODY, Y_PARAGRAPHS, Y_PROPOSALS } from '../schema.js';
import { newId } from '../ids.js';
import { applyCommand } from './apply.js';
import { canonicalMarks } from './canonical.js';
import { findProposalText } from './doc.js';
import { roomIndex, Y_DECISIONS, type RoomIndex } from './room-index.js';
import { commandScope } from './scope.js';
import type { Actor, ApplyOk, ApplyResult, BracketState, Command, DecisionEntry, Fail, ParagraphState, Proposal } from './types.js';

export { Y_DECISIONS };

/** Reads the bracket state (body, proposals, paragraph statuses, decision log) from a Y.Doc. */
export function readBracketState(ydoc: Y.Doc): BracketState {
  const doc = canonicalMarks(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(Y_BODY), schema));
  return {
    doc,
    proposals: ydoc.getMap<Proposal>(Y_PROPOSALS).toJSON() as Record<string, Proposal>,
    paragraphs: ydoc.getMap<ParagraphState>(Y_PARAGRAPHS).toJSON() as Record<string, ParagraphState>,
    decisions: ydoc.getArray<DecisionEntry>(Y_DECISIONS).toArray(),
  };
}

/**
 * `readBracketState` from the Y.Doc's `RoomIndex`: only blocks changed since the last read are
 * converted. The records are the index's live mirrors: read them now, do not keep them.
 */
export function currentBracketState(ydoc: Y.Doc): BracketState {
  const index = roomIndex(ydoc);
  return index.irregular ? readBracketState(ydoc) : index.wholeState();
}

const meta = () => ({ mapping: new Map(), isOMark: new Map() });

/**
 * Writes `next` into the body, touching only the blocks that changed (matched by block id), so
 * that concurrent edits to other paragraphs are never rewritten. `prev` is the doc as read from
 * this fragment.
 */
export function writeBody(ydoc: Y.Doc, fragment: Y.XmlFragment, prev: PMNode, next: PMNode): void {
  const yEls = fragment.toArray();
  const prevIndex = new Map<string, number>();
  prev.forEach((n, _o, i) => {
    if (n.attrs.id) prevIndex.set(n.attrs.id as string, i);
  });
  const matched: number[] = [];
  next.forEach((n) => matched.push(n.attrs.id ? (prevIndex.get(n.attrs.id as string) ?? -1) : -1));
  const order = matched.filter((i) => i >= 0);
  const monotonic = order.every((v, i) => i === 0 || v > order[i - 1]);
  if (!monotonic || yEls.length !== prev.childCount) {
    updateYFragment(ydoc, fragment, next, meta());
    return;
  }
  const kept = new Set(order);
  for (let i = prev.childCount - 1; i >= 0; i--) if (!kept.has(i)) fragment.delete(i, 1);
  let y = 0;
  next.forEach((node, _o, i) => {
    const from = matched[i];
    if (from >= 0) {
      const old = prev.child(from);
      if (old !== node && !old.eq(node)) updateYFragment(ydoc, yEls[from] as Y.XmlElement, node, meta());
    } else {
      const el = new Y.XmlElement(node.type.name);
      fragment.insert(y, [el]);
      updateYFragment(ydoc, el, node, meta());
    }
    y++;
  });
}

/** Writes the records a command changed (the body is written by the caller). */
function writeRecords(ydoc: Y.Doc, result: ApplyOk): void {
  const proposals = ydoc.getMap(Y_PROPOSALS);
  for (const [id, p] of Object.entries(result.proposals)) proposals.set(id, p);
  const paragraphs = ydoc.getMap(Y_PARAGRAPHS);
  for (const [id, s] of Object.entries(result.paragraphs)) paragraphs.set(id, s);
  if (result.decision) ydoc.getArray(Y_DECISIONS).push([result.decision]);
}

/** A new proposal's bracketed span (paragraph id and content offsets), so the client need not rescan. */
function withOffsets(command: Command, result: ApplyOk): ApplyOk {
  const id = result.result.proposalId;
  if (command.type !== 'propose' || !id) return result;
  const found = findProposalText(result.doc, id)[0];
  if (!found) return result;
  const offsets = { paragraphId: found.blockId, from: found.ranges[0].from, to: found.ranges[found.ranges.length - 1].to };
  return { ...result, result: { ...result.result, offsets } };
}

/** Runs the rules on `state` (the whole text) and writes the result: the reference path. */
function applyWhole(ydoc: Y.Doc, state: BracketState, command: Command, actor: Actor, now: number, ids: () => string, origin: unknown): ApplyResult {
  const result = applyCommand(state, command, actor, now, ids);
  if (!result.ok) return result;
  ydoc.transact(() => {
    if (result.doc !== state.doc) writeBody(ydoc, ydoc.getXmlFragment(Y_BODY), state.doc, result.doc);
    writeRecords(ydoc, result);
  }, origin);
  return withOffsets(command, result);
}

/**
 * The whole-document path, as `applyCommandToYDoc` was before paragraph-scoped commands: reads
 * the whole body and every record, runs the rules, writes back. Kept as the reference the scoped
 * path is tested against (and what it falls back to on a body the index cannot mirror).
 */
export function applyCommandToYDocWhole(
  ydoc: Y.Doc,
  command: Command,
  actor: Actor,
  now: number,
  ids: () => string = () => newId(),
  origin: unknown = null,
): ApplyResult {
  return applyWhole(ydoc, readBracketState(ydoc), command, actor, now, ids, origin);
}

const EMPTY: BracketState = { doc: schema.topNodeType.create(null, []), proposals: {}, paragraphs: {}, decisions: [] };
/** Command types whose rule checks the actor's role before reading anything. */
const ROLE_FIRST: ReadonlySet<string> = new Set(['propose', 'accept', 'reject', 'undoDecision', 'setParagraphStatus', 'support', 'oppose', 'cosponsor', 'comment']);

/**
 * Shape and role before any document is read: for commands whose rule refuses a role first, the
 * rule itself is run on an empty state; a `not_permitted` there is the answer on any state.
 */
function refusedUpFront(command: Command, actor: Actor): Fail | null {
  if (typeof command !== 'object' || command === null || typeof command.type !== 'string') return null;
  if (!ROLE_FIRST.has(command.type)) return null;
  const r = applyCommand(EMPTY, command, actor, 0, () => 'x');
  return !r.ok && r.error.code === 'not_permitted' ? r : null;
}

/**
 * Writes a scoped result: only blocks of the scope that changed are updated, removed ones deleted,
 * new ones inserted after their predecessor — the same Yjs operations, in the same order, as
 * `writeBody` on the whole text. False (nothing written) if blocks were reordered.
 */
function writeScoped(ydoc: Y.Doc, index: RoomIndex, els: Y.XmlElement[], prev: PMNode, next: PMNode): boolean {
  const prevIndex = new Map<string, number>();
  prev.forEach((n, _o, i) => prevIndex.set(n.attrs.id as string, i));
  const matched: number[] = [];
  next.forEach((n) => matched.push(n.attrs.id ? (prevIndex.get(n.attrs.id as string) ?? -1) : -1));
  const order = matched.filter((i) => i >= 0);
  if (!order.every((v, i) => i === 0 || v > order[i - 1])) return false;
  const fragment = index.fragment;
  const kept = new Set(order);
  const removed: number[] = [];
  for (let i = prev.childCount - 1; i >= 0; i--) {
    if (kept.has(i)) continue;
    const at = index.position(els[i]);
    fragment.delete(at, 1);
    removed.push(at);
  }
  let inserted = 0;
  let last = -1;
  next.forEach((node, _o, i) => {
    const from = matched[i];
    if (from >= 0) {
      const el = els[from];
      const p = index.position(el);
      last = p - removed.filter((r) => r < p).length + inserted;
      const old = prev.child(from);
      if (old !== node && !old.eq(node)) updateYFragment(ydoc, el, node, meta());
    } else {
      const el = new Y.XmlElement(node.type.name);
      last += 1;
      fragment.insert(last, [el]);
      inserted++;
      updateYFragment(ydoc, el, node, meta());
    }
  });
  return true;
}

/**
 * The server's entry point: applies a command to the Y.Doc as a trusted peer, reading and writing
 * only the blocks it concerns (BR60). A role refused up front reads nothing. Otherwise the rules
 * run on the command's scope (`commandScope`: a doc of those blocks, every record) from the
 * Y.Doc's `RoomIndex`, and on success body, records and the decision log are written in ONE
 * transaction (`origin` is passed to it); on failure the Y.Doc is untouched. The result is exactly
 * that of `applyCommandToYDocWhole` (property-tested), except `doc`, which holds only the scope.
 * A paragraph-locked refusal, whose message names the paragraph ("OP5"), is answered from the
 * whole (cached) text, as is a body the index cannot mirror.
 */
export function applyCommandToYDoc(
  ydoc: Y.Doc,
  command: Command,
  actor: Actor,
  now: number,
  ids: () => string = () => newId(),
  origin: unknown = null,
): ApplyResult {
  const refused = refusedUpFront(command, actor);
  if (refused) return refused;
  const index = roomIndex(ydoc);
  if (index.irregular) return applyCommandToYDocWhole(ydoc, command, actor, now, ids, origin);
  let scope: Y.XmlElement[];
  try {
    scope = [...commandScope(index, command)].sort((a, b) => index.position(a) - index.position(b));
  } catch {
    return applyWhole(ydoc, index.wholeState(), command, actor, now, ids, origin);
  }
  const issued: string[] = [];
  const state: BracketState = { doc: index.docOf(scope), proposals: index.proposals, paragraphs: index.paragraphs, decisions: index.decisions };
  const result = applyCommand(state, command, actor, now, () => {
    const id = ids();
    issued.push(id);
    return id;
  });
  // The whole-text path, given the same ids again (then new ones) as the rules ask for them.
  const again = () => {
    let k = 0;
    return applyWhole(ydoc, index.wholeState(), command, actor, now, () => (k < issued.length ? issued[k++] : ids()), origin);
  };
  if (!result.ok) return result.error.code === 'paragraph_locked' ? again() : result;
  let written = true;
  ydoc.transact(() => {
    if (result.doc !== state.doc) written = writeScoped(ydoc, index, scope, state.doc, result.doc);
    if (written) writeRecords(ydoc, result);
  }, origin);
  return written ? withOffsets(command, result) : again();
}
