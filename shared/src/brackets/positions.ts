import { Transform } from '@tiptap/pm/transform';
import { schema } from '../schema.js';
import {
  checkText,
  clean,
  done,
  getProposal,
  isFail,
  lockedForProposal,
  MAX_NOTE,
  requireOpen,
  sameSponsor,
  speaksFor,
  sponsorFor,
  type Ctx,
} from './context.js';
import { findProposalText } from './doc.js';
import { EDITABLE_KINDS, isReadOnly, POSITION_ROLES } from './rulebook.js';
import { dropText, removeAddedBlock, unbracket } from './effects.js';
import { commentAuthor, commentCapReached, proposalComments } from './comments.js';
import { fail, type ApplyResult, type Command, type CommentEntry, type Proposal, type Sponsor } from './types.js';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

/** BR12: a sponsor changes the text (or explanation) of its own open proposal. */
export function editProposal(ctx: Ctx, cmd: Cmd<'editProposal'>): ApplyResult {
  if (isReadOnly(ctx.actor.role)) return fail('not_permitted', 'observers cannot edit proposals');
  const p = getProposal(ctx.state, cmd.proposalId);
  if (isFail(p)) return p;
  if (!p.sponsors.some((s) => speaksFor(ctx.actor, s))) return fail('not_permitted', 'only a sponsor may edit a proposal');
  const notOpen = requireOpen(p);
  if (notOpen) return notOpen;
  const locked = lockedForProposal(ctx.state, p);
  if (locked) return locked;
  const next: Proposal = { ...p, updatedAt: ctx.now };
  if (cmd.explanation !== undefined) {
    if (typeof cmd.explanation !== 'string' || cmd.explanation.length > MAX_NOTE) return fail('invalid', 'explanation too long');
    if (cmd.explanation.trim()) next.explanation = cmd.explanation.trim();
    else delete next.explanation;
  }
  let doc = ctx.state.doc;
  if (cmd.text !== undefined) {
    if (!EDITABLE_KINDS.has(p.kind) || p.existing) return fail('invalid', `a ${p.kind} proposal has no text of its own to edit`);
    const bad = checkText(cmd.text, 'proposed text');
    if (bad) return bad;
    const own = findProposalText(doc, p.id).flatMap(({ block, ranges }) =>
      ranges.filter((r) => r.mark.attrs.role === 'insert' || r.mark.attrs.role === 'alt').map((r) => ({ block, r })),
    );
    if (own.length === 0) return fail('anchor_gone', `the text of ${p.id} is gone`);
    if (own.length > 1) return fail('conflict', 'the proposed text has been split by other edits; withdraw and propose again');
    const { block, r } = own[0];
    let nested = false;
    block.node.nodesBetween(r.from, r.to, (n) => {
      for (const m of n.marks) {
        if (m.type.name === 'bracket' && m.attrs.id !== p.id && ctx.state.proposals[m.attrs.id as string]?.status === 'open') {
          const outer = block.node.resolve(r.from).nodeAfter?.marks.some((x) => x.eq(m)) && block.node.resolve(r.to).nodeBefore?.marks.some((x) => x.eq(m));
          if (!outer) nested = true;
        }
      }
    });
    if (nested) return fail('conflict', 'other proposals are made inside this text; it can no longer be edited');
    const marks = block.node.resolve(r.from).nodeAfter?.marks ?? [];
    const tr = new Transform(doc);
    tr.replaceWith(block.pos + 1 + r.from, block.pos + 1 + r.to, schema.text(cmd.text, marks));
    doc = tr.doc;
    next.text = cmd.text;
  }
  return done(ctx, doc, { [p.id]: next }, {}, { proposalId: p.id });
}

/**
 * BR13: the proposer withdraws its open proposal (its text effect undone as if it had never been
 * made; a reservation's text stays); a co-sponsor "withdrawing" only removes its own name.
 */
export function withdraw(ctx: Ctx, cmd: Cmd<'withdraw'>): ApplyResult {
  if (isReadOnly(ctx.actor.role)) return fail('not_permitted', 'observers cannot withdraw proposals');
  const p = getProposal(ctx.state, cmd.proposalId);
  if (isFail(p)) return p;
  const mine = p.sponsors.findIndex((s) => speaksFor(ctx.actor, s));
  if (mine < 0) return fail('not_permitted', 'only a sponsor may withdraw a proposal');
  const notOpen = requireOpen(p);
  if (notOpen) return notOpen;
  if (mine > 0) {
    const sponsors = p.sponsors.filter((_, i) => i !== mine);
    return done(ctx, ctx.state.doc, { [p.id]: { ...p, sponsors, updatedAt: ctx.now } }, {}, { proposalId: p.id });
  }
  const locked = lockedForProposal(ctx.state, p);
  if (locked) return locked;
  const tr = new Transform(ctx.state.doc);
  switch (p.kind) {
    case 'insert':
    case 'alternative':
      dropText(tr, p.id);
      break;
    case 'replace':
      dropText(tr, p.id, ['insert']);
      unbracket(tr, p.id);
      break;
    case 'delete':
    case 'reserve':
      unbracket(tr, p.id);
      break;
    case 'newParagraph':
      removeAddedBlock(tr, p.id);
      break;
    default:
      break;
  }
  return done(ctx, tr.doc, { [p.id]: { ...p, status: 'withdrawn', updatedAt: ctx.now } }, {}, { proposalId: p.id });
}

function without(list: Sponsor[], s: Sponsor): Sponsor[] {
  return list.filter((x) => !sameSponsor(x, s));
}

/**
 * BR14: support and oppose (worded per kind, `positionWording`); a position replaces the same
 * sponsor's other one and never anyone else's (BR73, by id); sponsors take none.
 */
export function position(ctx: Ctx, cmd: Cmd<'support'> | Cmd<'oppose'> | Cmd<'cosponsor'>): ApplyResult {
  if (!POSITION_ROLES.has(ctx.actor.role)) return fail('not_permitted', `only delegations take positions on proposals`);
  const s = sponsorFor(ctx, cmd.onBehalfOf);
  if (isFail(s)) return s;
  const p = getProposal(ctx.state, cmd.proposalId);
  if (isFail(p)) return p;
  const notOpen = requireOpen(p);
  if (notOpen) return notOpen;
  if (p.sponsors.some((x) => sameSponsor(x, s))) {
    return fail('invalid', cmd.type === 'cosponsor' ? `${s.name} already sponsors ${p.id}` : `${s.name} sponsors ${p.id}`);
  }
  if (p.kind === 'pending' || p.existing) {
    if (cmd.type === 'cosponsor') return fail('invalid', 'a pending bracket or original text has no sponsors');
  }
  const next: Proposal = {
    ...p,
    supporters: without(p.supporters, s),
    opposers: without(p.opposers, s),
    updatedAt: ctx.now,
  };
  if (cmd.type === 'support') next.supporters.push(s);
  else if (cmd.type === 'oppose') next.opposers.push(s);
  else next.sponsors = [...p.sponsors, s];
  return done(ctx, ctx.state.doc, { [p.id]: next }, {}, { proposalId: p.id });
}

/**
 * BR15: anyone but an observer comments on any proposal, open or decided. The comment is its own
 * entry (`result.comments`, the Y.Map `comments`): the proposal record is not rewritten. At most
 * MAX_COMMENTS_PER_PROPOSAL per proposal (old in-record comments count) and
 * MAX_COMMENTS_PER_PARTICIPANT of them by one participant.
 */
export function comment(ctx: Ctx, cmd: Cmd<'comment'>): ApplyResult {
  if (isReadOnly(ctx.actor.role)) return fail('not_permitted', 'observers cannot comment');
  const by = sponsorFor(ctx, cmd.onBehalfOf);
  if (isFail(by)) return by;
  const p = getProposal(ctx.state, cmd.proposalId);
  if (isFail(p)) return p;
  const text = typeof cmd.text === 'string' ? cmd.text.trim() : '';
  if (!text) return fail('invalid', 'a comment needs text');
  if (text.length > MAX_NOTE) return fail('invalid', `a comment is at most ${MAX_NOTE} characters`);
  const capped = commentCapReached(proposalComments(ctx.state, p.id), commentAuthor(by));
  if (capped) return fail('invalid', capped);
  const entry: CommentEntry = clean({ id: ctx.ids(), proposalId: p.id, by, at: ctx.now, text });
  return { ok: true, doc: ctx.state.doc, proposals: {}, paragraphs: {}, comments: [entry], result: { proposalId: p.id, commentId: entry.id } };
}
