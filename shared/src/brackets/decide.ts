import { Transform } from '@tiptap/pm/transform';
import type { Node as PMNode } from '@tiptap/pm/model';
import { schema } from '../schema.js';
import {
  checkText,
  done,
  getProposal,
  isFail,
  lockedError,
  lockedForProposal,
  paragraphState,
  requireOpen,
  type Ctx,
} from './context.js';
import { diffBlocks, findBlock, findProposalText } from './doc.js';
import { dropText, endOf, hasText, removeAddedBlock, strike, struckMark, unbracket } from './effects.js';
import { bracketCounts } from './counts.js';
import { silenceError } from './silence.js';
import { supersede } from './supersede.js';
import {
  fail,
  type ApplyResult,
  type Command,
  type DecisionEntry,
  type ParagraphState,
  type ParagraphStatus,
  type Proposal,
  type ProposalChange,
} from './types.js';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

const NEEDS_TEXT = new Set(['insert', 'delete', 'replace', 'alternative', 'reserve', 'pending']);

function changeOf(p: Proposal, next: Proposal): ProposalChange {
  const pick = (x: Proposal) => {
    const o: ProposalChange['before'] = { status: x.status, kind: x.kind };
    if (x.decision !== undefined) o.decision = x.decision;
    if (x.group !== undefined) o.group = x.group;
    if (x.alt !== undefined) o.alt = x.alt;
    return o;
  };
  return { id: p.id, before: pick(p), after: pick(next) };
}

export function decisionEntry(
  ctx: Ctx,
  id: string,
  action: DecisionEntry['action'],
  doc: PMNode,
  changes: ProposalChange[],
  paragraphs: DecisionEntry['paragraphs'],
  extra: Partial<DecisionEntry>,
): DecisionEntry {
  const { before, after } = diffBlocks(ctx.state.doc, doc);
  return { id, at: ctx.now, by: ctx.actor.delegation, byId: ctx.actor.id, action, ...extra, before, after, proposals: changes, paragraphs };
}

/** Text effect of rejecting `p` (BR21). */
function rejectText(tr: Transform, p: Proposal, by: string, decision: string): void {
  const struck = struckMark(by, decision);
  switch (p.kind) {
    case 'insert':
      dropText(tr, p.id);
      break;
    case 'replace':
      dropText(tr, p.id, ['insert']);
      unbracket(tr, p.id);
      break;
    case 'delete':
      unbracket(tr, p.id);
      break;
    case 'alternative':
      if (p.existing) strike(tr, p.id, struck);
      else dropText(tr, p.id);
      break;
    case 'reserve':
    case 'pending':
      strike(tr, p.id, struck);
      break;
    case 'newParagraph':
      removeAddedBlock(tr, p.id);
      break;
    case 'deleteParagraph':
      break;
  }
}

/** BR20–BR24: the chair accepts or rejects an open proposal; every decision is logged. */
export function decide(ctx: Ctx, cmd: Cmd<'accept'> | Cmd<'reject'>): ApplyResult {
  if (ctx.actor.role !== 'chair') return fail('not_permitted', 'only the chair accepts or rejects proposals');
  const p = getProposal(ctx.state, cmd.proposalId);
  if (isFail(p)) return p;
  const notOpen = requireOpen(p);
  if (notOpen) return notOpen;
  const locked = lockedForProposal(ctx.state, p) ?? (p.replaces ? lockedError(ctx.state, p.replaces) : null);
  if (locked) return locked;
  const { state } = ctx;
  const accept = cmd.type === 'accept';
  if (accept && cmd.text !== undefined) {
    if (p.kind !== 'pending') return fail('invalid', 'only a pending bracket is accepted with a text');
    const bad = checkText(cmd.text, 'accepted text');
    if (bad) return bad;
  }
  if (accept && NEEDS_TEXT.has(p.kind) && !hasText(state.doc, p.id)) {
    return fail('anchor_gone', `the text of ${p.id} is gone; it can only be rejected`);
  }
  if (accept && p.kind === 'newParagraph' && !findBlockAdded(state.doc, p.id)) {
    return fail('anchor_gone', `the paragraph proposed by ${p.id} is gone; it can only be rejected`);
  }
  const id = ctx.ids();
  const by = ctx.actor.delegation;
  const tr = new Transform(state.doc);
  const changed: Record<string, Proposal> = {};
  const paragraphs: Record<string, ParagraphState> = {};
  const paraChanges: DecisionEntry['paragraphs'] = [];
  const close = (x: Proposal, status: 'accepted' | 'rejected' | 'superseded') => {
    changed[x.id] = { ...x, status, decision: id, updatedAt: ctx.now };
  };
  if (!accept) {
    rejectText(tr, p, by, id);
    close(p, 'rejected');
  } else {
    const struck = struckMark(by, id);
    switch (p.kind) {
      case 'insert':
      case 'reserve':
        unbracket(tr, p.id);
        break;
      case 'newParagraph': {
        unbracket(tr, p.id);
        if (!p.replaces) break;
        // BR63: the alternative takes the original's place; the original is struck and deleted.
        const original = findBlock(tr.doc, p.replaces);
        tr.doc.forEach((n, offset) => {
          if (n.attrs.added === p.id) tr.setNodeMarkup(offset, undefined, { ...n.attrs, altOf: null });
        });
        if (original) {
          if (original.node.content.size) tr.addMark(original.pos + 1, original.pos + 1 + original.node.content.size, struck);
          const before = state.paragraphs[p.replaces] ?? null;
          paragraphs[p.replaces] = { status: 'deleted' };
          paraChanges.push({ id: p.replaces, before, after: { status: 'deleted' } });
        }
        break;
      }
      case 'delete':
        strike(tr, p.id, struck);
        break;
      case 'replace':
        strike(tr, p.id, struck, ['delete']);
        unbracket(tr, p.id);
        break;
      case 'pending':
        if (cmd.text !== undefined) {
          const at = endOf(tr.doc, p.id);
          strike(tr, p.id, struck);
          tr.insert(at, schema.text(cmd.text));
        } else unbracket(tr, p.id);
        break;
      case 'alternative': {
        unbracket(tr, p.id);
        const siblings = Object.values(state.proposals).filter(
          (x) => x.id !== p.id && x.status === 'open' && x.group !== undefined && x.group === p.group,
        );
        for (const s of siblings) {
          rejectText(tr, s, by, id);
          close(s, 'rejected');
        }
        break;
      }
      case 'deleteParagraph': {
        const block = findBlock(tr.doc, p.paragraphId);
        if (!block) return fail('not_found', `paragraph ${p.paragraphId} is gone`);
        if (block.node.content.size) tr.addMark(block.pos + 1, block.pos + 1 + block.node.content.size, struck);
        const before = state.paragraphs[p.paragraphId] ?? null;
        paragraphs[p.paragraphId] = { status: 'deleted' };
        paraChanges.push({ id: p.paragraphId, before, after: { status: 'deleted' } });
        break;
      }
    }
    close(p, 'accepted');
    if (cmd.text !== undefined) changed[p.id].text = cmd.text;
  }
  for (const s of supersede(state.doc, tr, state.proposals, new Set(Object.keys(changed)))) close(s, 'superseded');
  const changes = Object.values(changed).map((next) => changeOf(state.proposals[next.id], next));
  const entry = decisionEntry(ctx, id, cmd.type, tr.doc, changes, paraChanges, { proposalId: p.id, paragraphId: p.paragraphId });
  return done(ctx, tr.doc, changed, paragraphs, { proposalId: p.id, decisionId: id }, entry);
}

function findBlockAdded(doc: PMNode, proposalId: string): boolean {
  let found = false;
  doc.forEach((n) => {
    if (n.attrs.added === proposalId) found = true;
  });
  return found || findProposalText(doc, proposalId).length > 0;
}

/** What the chair may set; `adopted` comes only from a silence procedure (BR94). */
const STATUSES: ReadonlySet<ParagraphStatus> = new Set(['open', 'informals', 'adref', 'agreed', 'deleted']);

/**
 * BR30–BR33: the chair sets a paragraph's status. "agreed" needs no open bracket left; "deleted"
 * strikes the paragraph's text; leaving "deleted" lifts the strike that deletion put there.
 */
export function setParagraphStatus(ctx: Ctx, cmd: Cmd<'setParagraphStatus'>): ApplyResult {
  if (ctx.actor.role !== 'chair') return fail('not_permitted', 'only the chair sets paragraph status');
  const { state } = ctx;
  const block = typeof cmd.paragraphId === 'string' ? findBlock(state.doc, cmd.paragraphId) : null;
  if (!block) return fail('not_found', `no paragraph ${String(cmd.paragraphId)}`);
  if (cmd.status === 'adopted') return fail('invalid', 'a paragraph is adopted only under silence procedure: put it under silence');
  if (!STATUSES.has(cmd.status)) return fail('invalid', `unknown status ${String(cmd.status)}`);
  const silenced = silenceError(state, cmd.paragraphId);
  if (silenced) return silenced;
  if (cmd.pending !== undefined && (cmd.status !== 'informals' || typeof cmd.pending !== 'string' || cmd.pending.length > 200)) {
    return fail('invalid', '"pending <delegation>" goes with status informals');
  }
  const before = paragraphState(state, cmd.paragraphId);
  const next: ParagraphState = { status: cmd.status };
  if (cmd.pending?.trim()) next.pending = cmd.pending.trim();
  if (before.status === next.status && before.pending === next.pending) return fail('invalid', `paragraph is already ${cmd.status}`);
  if (cmd.status === 'agreed') {
    const open = bracketCounts(state).byParagraph[cmd.paragraphId] ?? 0;
    if (open > 0) return fail('invalid', `${open} bracket(s) are still open in this paragraph`);
  }
  const id = ctx.ids();
  const tr = new Transform(state.doc);
  const start = block.pos + 1;
  const end = start + block.node.content.size;
  if (cmd.status === 'deleted' && end > start) tr.addMark(start, end, struckMark(ctx.actor.delegation, id));
  if (before.status === 'deleted') {
    const deleting = new Set(
      state.decisions.filter((d) => d.paragraphs.some((x) => x.id === cmd.paragraphId && x.after?.status === 'deleted')).map((d) => d.id),
    );
    block.node.forEach((child, offset) => {
      for (const m of child.marks) {
        if (m.type.name === 'struck' && deleting.has(m.attrs.decision as string)) {
          tr.removeMark(start + offset, start + offset + child.nodeSize, m);
        }
      }
    });
  }
  const superseded: Record<string, Proposal> = {};
  for (const s of supersede(state.doc, tr, state.proposals, new Set())) superseded[s.id] = { ...s, status: 'superseded', decision: id, updatedAt: ctx.now };
  const changes = Object.values(superseded).map((x) => changeOf(state.proposals[x.id], x));
  const raw = state.paragraphs[cmd.paragraphId] ?? null;
  const entry = decisionEntry(ctx, id, 'setParagraphStatus', tr.doc, changes, [{ id: cmd.paragraphId, before: raw, after: next }], {
    paragraphId: cmd.paragraphId,
  });
  return done(ctx, tr.doc, superseded, { [cmd.paragraphId]: next }, { decisionId: id }, entry);
}

