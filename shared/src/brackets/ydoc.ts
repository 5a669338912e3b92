import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { schema, Y_BODY, Y_GROUPS, Y_PARAGRAPHS, Y_PROPOSALS } from '../schema.js';
import { newId } from '../ids.js';
import { applyCommand } from './apply.js';
import { canonicalMarks } from './canonical.js';
import type { Actor, ApplyResult, BracketState, Command, DecisionEntry, Group, ParagraphState, Proposal } from './types.js';

export const Y_DECISIONS = 'decisions';

/** Reads the bracket state (body, proposals, paragraph statuses, decision log, groups) from a Y.Doc. */
export function readBracketState(ydoc: Y.Doc): BracketState {
  const doc = canonicalMarks(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(Y_BODY), schema));
  return {
    doc,
    proposals: ydoc.getMap<Proposal>(Y_PROPOSALS).toJSON() as Record<string, Proposal>,
    paragraphs: ydoc.getMap<ParagraphState>(Y_PARAGRAPHS).toJSON() as Record<string, ParagraphState>,
    decisions: ydoc.getArray<DecisionEntry>(Y_DECISIONS).toArray(),
    groups: ydoc.getMap<Group>(Y_GROUPS).toJSON() as Record<string, Group>,
  };
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

/**
 * The server's entry point: applies a command to the Y.Doc as a trusted peer. Reads the state,
 * runs the pure rules, and on success writes body, records and the decision log in ONE
 * transaction (`options.origin` is passed to it). On failure the Y.Doc is untouched.
 * `options.commandId` is recorded on a proposal the command creates (idempotent retries).
 */
export function applyCommandToYDoc(
  ydoc: Y.Doc,
  command: Command,
  actor: Actor,
  now: number,
  ids: () => string = () => newId(),
  options: { origin?: unknown; commandId?: string } = {},
): ApplyResult {
  const state = readBracketState(ydoc);
  const result = applyCommand(state, command, actor, now, ids, options.commandId);
  if (!result.ok) return result;
  ydoc.transact(() => {
    if (result.doc !== state.doc) writeBody(ydoc, ydoc.getXmlFragment(Y_BODY), state.doc, result.doc);
    const proposals = ydoc.getMap(Y_PROPOSALS);
    for (const [id, p] of Object.entries(result.proposals)) proposals.set(id, p);
    const paragraphs = ydoc.getMap(Y_PARAGRAPHS);
    for (const [id, s] of Object.entries(result.paragraphs)) paragraphs.set(id, s);
    if (result.decision) ydoc.getArray(Y_DECISIONS).push([result.decision]);
  }, options.origin ?? null);
  return result;
}
