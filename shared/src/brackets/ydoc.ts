import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { schema, Y_BODY, Y_COMMENTS, Y_GROUPS, Y_PARAGRAPHS, Y_PROPOSALS, Y_ROOM } from '../schema.js';
import { commentsByProposal } from './comments.js';
import { newId } from '../ids.js';
import { applyCommand } from './apply.js';
import { canonicalMarks } from './canonical.js';
import { findProposalText } from './doc.js';
import { roomIndex, Y_DECISIONS, type RoomIndex } from './room-index.js';
import { commandScope } from './scope.js';
import { commandRoleAllowed, isCommandType } from './roles.js';
import type { Actor, ApplyOk, ApplyResult, BracketState, Command, CommandOutcome, DecisionEntry, Fail, Group, ParagraphState, Proposal, RoomRecords } from './types.js';

export { Y_DECISIONS };

/** The Y.Map `room` (floor, screen, settings: a few small values, read whole). */
export function readRoom(ydoc: Y.Doc): Partial<RoomRecords> {
  return ydoc.getMap(Y_ROOM).toJSON() as Partial<RoomRecords>;
}

/** Reads the bracket state (body, proposals, paragraph statuses, decision log, groups, comment entries, room) from a Y.Doc. */
export function readBracketState(ydoc: Y.Doc): BracketState {
  const doc = canonicalMarks(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(Y_BODY), schema));
  return {
    doc,
    proposals: ydoc.getMap<Proposal>(Y_PROPOSALS).toJSON() as Record<string, Proposal>,
    paragraphs: ydoc.getMap<ParagraphState>(Y_PARAGRAPHS).toJSON() as Record<string, ParagraphState>,
    decisions: ydoc.getArray<DecisionEntry>(Y_DECISIONS).toArray(),
    groups: ydoc.getMap<Group>(Y_GROUPS).toJSON() as Record<string, Group>,
    comments: commentsByProposal(ydoc.getMap(Y_COMMENTS).values()),
    room: readRoom(ydoc),
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

/** Where the transaction's origin goes, and the client's commandId recorded on a new proposal. */
export interface ApplyOptions {
  origin?: unknown;
  commandId?: string;
}

/**
 * Writes the records a command changed (the body is written by the caller). A comment is one new
 * key of the Y.Map `comments`: what is stored and relayed is the comment, not its proposal (BR15).
 */
function writeRecords(ydoc: Y.Doc, result: ApplyOk): void {
  const proposals = ydoc.getMap(Y_PROPOSALS);
  for (const [id, p] of Object.entries(result.proposals)) proposals.set(id, p);
  const paragraphs = ydoc.getMap(Y_PARAGRAPHS);
  for (const [id, s] of Object.entries(result.paragraphs)) paragraphs.set(id, s);
  if (result.decision) ydoc.getArray(Y_DECISIONS).push([result.decision]);
  if (result.comments?.length) {
    const comments = ydoc.getMap(Y_COMMENTS);
    for (const c of result.comments) comments.set(c.id, c);
  }
  if (result.room) {
    const room = ydoc.getMap(Y_ROOM);
    for (const [key, value] of Object.entries(result.room)) room.set(key, value);
  }
}

/** Where a proposal's bracketed text now is: paragraph id and content offsets, so the client need not rescan. */
export function proposalOffsets(doc: PMNode, proposalId: string): CommandOutcome['offsets'] {
  const found = findProposalText(doc, proposalId)[0];
  return found && { paragraphId: found.blockId, from: found.ranges[0].from, to: found.ranges[found.ranges.length - 1].to };
}

function withOffsets(command: Command, result: ApplyOk): ApplyOk {
  const id = result.result.proposalId;
  const offsets = command.type === 'propose' && id ? proposalOffsets(result.doc, id) : undefined;
  return offsets ? { ...result, result: { ...result.result, offsets } } : result;
}

/** Runs the rules on `state` (the whole text) and writes the result: the reference path. */
function applyWhole(ydoc: Y.Doc, state: BracketState, command: Command, actor: Actor, now: number, ids: () => string, options: ApplyOptions): ApplyResult {
  const result = applyCommand(state, command, actor, now, ids, options.commandId);
  if (!result.ok) return result;
  ydoc.transact(() => {
    if (result.doc !== state.doc) writeBody(ydoc, ydoc.getXmlFragment(Y_BODY), state.doc, result.doc);
    writeRecords(ydoc, result);
  }, options.origin ?? null);
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
  options: ApplyOptions = {},
): ApplyResult {
  return applyWhole(ydoc, readBracketState(ydoc), command, actor, now, ids, options);
}

const EMPTY: BracketState = { doc: schema.topNodeType.create(null, []), proposals: {}, paragraphs: {}, decisions: [], groups: {}, comments: {} };

/**
 * Shape and role before any document is read (BR1, `commandRoleAllowed`); the refusal itself is the
 * rule's own, run on an empty state, so that it reads exactly as on the whole text.
 */
function refusedUpFront(command: Command, actor: Actor): Fail | null {
  if (typeof command !== 'object' || command === null || !isCommandType(command.type)) return null;
  if (commandRoleAllowed(command.type, actor.role)) return null;
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
 * transaction (`options.origin` is passed to it); on failure the Y.Doc is untouched. The result is exactly
 * that of `applyCommandToYDocWhole` (property-tested), except `doc`, which holds only the scope.
 * A paragraph-locked refusal, whose message names the paragraph ("OP5"), is answered from the
 * whole (cached) text, as is a body the index cannot mirror.
 * `options.commandId` is recorded on a proposal the command creates (idempotent retries).
 */
export function applyCommandToYDoc(
  ydoc: Y.Doc,
  command: Command,
  actor: Actor,
  now: number,
  ids: () => string = () => newId(),
  options: ApplyOptions = {},
): ApplyResult {
  const refused = refusedUpFront(command, actor);
  if (refused) return refused;
  const index = roomIndex(ydoc);
  if (index.irregular) return applyCommandToYDocWhole(ydoc, command, actor, now, ids, options);
  let scope: Y.XmlElement[];
  try {
    scope = [...commandScope(index, command)].sort((a, b) => index.position(a) - index.position(b));
  } catch {
    return applyWhole(ydoc, index.wholeState(), command, actor, now, ids, options);
  }
  const issued: string[] = [];
  const state: BracketState = {
    doc: index.docOf(scope),
    proposals: index.proposals,
    paragraphs: index.paragraphs,
    decisions: index.decisions,
    groups: index.groups,
    comments: index.comments,
    room: readRoom(ydoc),
  };
  const result = applyCommand(
    state,
    command,
    actor,
    now,
    () => {
      const id = ids();
      issued.push(id);
      return id;
    },
    options.commandId,
  );
  // The whole-text path, given the same ids again (then new ones) as the rules ask for them.
  const again = () => {
    let k = 0;
    return applyWhole(ydoc, index.wholeState(), command, actor, now, () => (k < issued.length ? issued[k++] : ids()), options);
  };
  if (!result.ok) return result.error.code === 'paragraph_locked' ? again() : result;
  let written = true;
  ydoc.transact(() => {
    if (result.doc !== state.doc) written = writeScoped(ydoc, index, scope, state.doc, result.doc);
    if (written) writeRecords(ydoc, result);
  }, options.origin ?? null);
  return written ? withOffsets(command, result) : again();
}
