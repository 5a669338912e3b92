import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { schema } from '../schema.js';
import { done, lockedError, type Ctx } from './context.js';
import { silenceError } from './silence.js';
import { findBlock } from './doc.js';
import { decisionEntry } from './decide.js';
import { fail, type ApplyResult, type BlockSnapshot, type Command, type Fail, type ParagraphState, type Proposal } from './types.js';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

/** One character (or inline leaf) of a paragraph, with its marks. */
function units(block: PMNode): PMNode[] {
  const out: PMNode[] = [];
  block.forEach((child) => {
    if (child.isText) for (let i = 0; i < child.text!.length; i++) out.push(child.cut(i, i + 1));
    else out.push(child);
  });
  return out;
}

/** The changed middle of `b` against `a`: a[from, aEnd) was replaced by b[from, bEnd). */
function changedSpan(a: PMNode[], b: PMNode[]): { from: number; aEnd: number; bEnd: number } | null {
  let from = 0;
  const min = Math.min(a.length, b.length);
  while (from < min && a[from].eq(b[from])) from++;
  if (from === a.length && from === b.length) return null;
  let s = 0;
  while (s < min - from && a[a.length - 1 - s].eq(b[b.length - 1 - s])) s++;
  return { from, aEnd: a.length - s, bEnd: b.length - s };
}

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * BR40: three-way undo of one paragraph. The decision changed `after` from `before`; since then
 * `current` may have changed elsewhere in the paragraph. If the two changes do not overlap, the
 * decision's span is put back exactly and later changes are kept; otherwise undo is refused.
 */
export function merge3(before: PMNode, after: PMNode, current: PMNode): PMNode | null {
  let attrs = current.attrs;
  if (!sameJSON(before.attrs, after.attrs)) {
    if (!sameJSON(current.attrs, after.attrs)) return null;
    attrs = before.attrs;
  }
  if (current.type !== after.type) return null;
  const b = units(before);
  const a = units(after);
  const c = units(current);
  const mine = changedSpan(a, b);
  const theirs = changedSpan(a, c);
  let content: PMNode[];
  if (!mine) content = c;
  else if (!theirs) content = b;
  else {
    const mEnd = mine.aEnd;
    const tEnd = theirs.aEnd;
    if (mine.from < tEnd && theirs.from < mEnd) return null;
    const restored = b.slice(mine.from, mine.bEnd);
    if (mEnd <= theirs.from) content = [...c.slice(0, mine.from), ...restored, ...c.slice(mEnd)];
    else {
      const shift = theirs.bEnd - tEnd;
      content = [...c.slice(0, mine.from + shift), ...restored, ...c.slice(mEnd + shift)];
    }
  }
  return current.type.create(attrs, Fragment.fromArray(content), current.marks);
}

function blockIndex(doc: PMNode, id: string | null): number {
  if (id === null) return -1;
  const b = findBlock(doc, id);
  return b ? b.index : -2;
}

function restoreBlocks(doc: PMNode, before: BlockSnapshot[], after: BlockSnapshot[]): PMNode | Fail {
  const children: PMNode[] = [];
  doc.forEach((n) => children.push(n));
  const byId = (id: string) => children.findIndex((n) => n.attrs.id === id);
  for (let i = 0; i < before.length; i++) {
    const b = before[i];
    const a = after[i];
    const at = byId(b.id);
    if (a.node && !b.node) {
      if (at < 0) continue;
      if (!schema.nodeFromJSON(a.node).eq(children[at])) {
        return fail('conflict', `paragraph ${b.id} changed since the decision; undo the later changes first`);
      }
      children.splice(at, 1);
    } else if (b.node && !a.node) {
      if (at >= 0) return fail('conflict', `paragraph ${b.id} exists again`);
      const prev = blockIndex(doc.copy(Fragment.fromArray(children)), b.prev);
      if (prev === -2) return fail('conflict', `the paragraph before ${b.id} is gone; cannot put it back`);
      children.splice(prev + 1, 0, schema.nodeFromJSON(b.node));
    } else if (b.node && a.node) {
      if (at < 0) return fail('conflict', `paragraph ${b.id} was removed since the decision`);
      const merged = merge3(schema.nodeFromJSON(b.node), schema.nodeFromJSON(a.node), children[at]);
      if (!merged) {
        return fail('conflict', `paragraph ${b.id} was edited since the decision where the decision changed it; undo the later changes first`);
      }
      children[at] = merged;
    }
  }
  return doc.copy(Fragment.fromArray(children));
}

/**
 * BR40–BR44: the chair undoes a decision: the text it changed is restored exactly, the proposals
 * it closed are open again, the paragraph status is put back; the undo is itself logged.
 */
export function undoDecision(ctx: Ctx, cmd: Cmd<'undoDecision'>): ApplyResult {
  if (ctx.actor.role !== 'chair') return fail('not_permitted', 'only the chair undoes decisions');
  const { state } = ctx;
  const d = state.decisions.find((x) => x.id === cmd.decisionId);
  if (!d) return fail('not_found', `no decision ${cmd.decisionId}`);
  if (d.action === 'undo') return fail('invalid', 'an undo is not undone; decide again instead');
  if (d.action === 'revision') return fail('invalid', 'a revision is not undone; restore the text as it was before it instead');
  if (d.action === 'floor') return fail('invalid', "the speakers' list is not undone: change it again instead");
  if (d.action === 'silence') return fail('invalid', 'a silence procedure is not undone: the chair reopens an adopted paragraph by setting its status');
  if (state.decisions.some((x) => x.undoes === d.id)) return fail('invalid', `decision ${d.id} is already undone`);
  const proposals: Record<string, Proposal> = {};
  for (const ch of d.proposals) {
    const p = state.proposals[ch.id];
    if (!p) return fail('not_found', `proposal ${ch.id} is gone`);
    if (p.status !== ch.after.status || p.decision !== ch.after.decision) {
      return fail('conflict', `proposal ${ch.id} changed since the decision (now ${p.status})`);
    }
    const next: Proposal = { ...p, status: ch.before.status, kind: ch.before.kind, updatedAt: ctx.now };
    delete next.decision;
    delete next.group;
    delete next.alt;
    if (ch.before.decision !== undefined) next.decision = ch.before.decision;
    if (ch.before.group !== undefined) next.group = ch.before.group;
    if (ch.before.alt !== undefined) next.alt = ch.before.alt;
    proposals[ch.id] = next;
  }
  const paragraphs: Record<string, ParagraphState> = {};
  const statusUndone = new Set<string>();
  for (const ch of d.paragraphs) {
    const cur = state.paragraphs[ch.id] ?? null;
    if (!sameJSON(cur ?? { status: 'open' }, ch.after ?? { status: 'open' })) {
      return fail('conflict', `the status of paragraph ${ch.id} changed since the decision`);
    }
    paragraphs[ch.id] = ch.before ?? { status: 'open' };
    statusUndone.add(ch.id);
  }
  for (const b of d.before) {
    if (statusUndone.has(b.id)) continue;
    const locked = lockedError(state, b.id);
    if (locked) return locked;
  }
  // BR91: not even a status change is undone on a paragraph under silence.
  for (const id of statusUndone) {
    const silenced = silenceError(state, id);
    if (silenced) return silenced;
  }
  const doc = restoreBlocks(state.doc, d.before, d.after);
  if ('ok' in doc) return doc;
  try {
    doc.check();
  } catch (e) {
    return fail('conflict', `undo would not give a valid text: ${(e as Error).message}`);
  }
  const id = ctx.ids();
  const changes = d.proposals.map((ch) => ({ id: ch.id, before: ch.after, after: ch.before }));
  const paraChanges = d.paragraphs.map((ch) => ({ id: ch.id, before: ch.after, after: ch.before }));
  const entry = decisionEntry(ctx, id, 'undo', doc, changes, paraChanges, {
    undoes: d.id,
    ...(d.proposalId ? { proposalId: d.proposalId } : {}),
    ...(d.paragraphId ? { paragraphId: d.paragraphId } : {}),
  });
  return done(ctx, doc, proposals, paragraphs, { decisionId: id, ...(d.proposalId ? { proposalId: d.proposalId } : {}) }, entry);
}
