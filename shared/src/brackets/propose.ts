import { Transform } from '@tiptap/pm/transform';
import type { Mark } from '@tiptap/pm/model';
import { schema } from '../schema.js';
import {
  checkText,
  done,
  getProposal,
  isFail,
  lockedError,
  lockedForProposal,
  MAX_NOTE,
  requireOpen,
  sponsorFor,
  type Ctx,
} from './context.js';
import { blockText, findBlock, findProposalText, isBracketError, resolveAnchor, type Range } from './doc.js';
import { bracketMark, endOf, enclosingBrackets, unbracket } from './effects.js';
import { isReadOnly } from './rulebook.js';
import { wholeTextSilenceError } from './silence.js';
import { fail, type ApplyResult, type Anchor, type NewParagraphType, type Proposal, type ProposeCommand, type Sponsor } from './types.js';

/** The rule context of a proposal: who it will be recorded under, resolved before any work (BR72). */
type ProposeCtx = Ctx & { sponsor: Sponsor };

function record(ctx: ProposeCtx, cmd: ProposeCommand, id: string, paragraphId: string, extra: Partial<Proposal>): Proposal {
  const p: Proposal = {
    id,
    kind: cmd.kind,
    paragraphId,
    sponsors: [ctx.sponsor],
    supporters: [],
    opposers: [],
    status: 'open',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...extra,
  };
  if (cmd.explanation?.trim()) p.explanation = cmd.explanation.trim();
  if (ctx.commandId) p.commandId = ctx.commandId;
  return p;
}

interface Anchored {
  pos: number;
  range: Range;
  anchorText: string;
}

function anchorIn(ctx: Ctx, anchor: Anchor | undefined, span: 'point' | 'span' | 'any'): Anchored | ReturnType<typeof fail> {
  if (!anchor || typeof anchor.paragraphId !== 'string') return fail('invalid', 'an anchor is required');
  const block = findBlock(ctx.state.doc, anchor.paragraphId);
  if (!block) return fail('not_found', `no paragraph ${anchor.paragraphId}`);
  const locked = lockedError(ctx.state, anchor.paragraphId);
  if (locked) return locked;
  if (typeof anchor.text !== 'string') return fail('invalid', 'anchor text missing');
  const range = resolveAnchor(block.node, anchor);
  if (isBracketError(range)) return { ok: false, error: range };
  if (span === 'point' && range.from !== range.to) return fail('invalid', 'an insertion is made at a point (from = to)');
  if (span === 'span' && range.from === range.to) return fail('invalid', 'select the text (from < to)');
  return { pos: block.pos + 1, range, anchorText: blockText(block.node).slice(range.from, range.to) };
}

/** BR1–BR9: a proposal puts bracketed text in the paragraph and creates its record. */
export function propose(base: Ctx, cmd: ProposeCommand): ApplyResult {
  if (isReadOnly(base.actor.role)) return fail('not_permitted', 'observers cannot propose');
  const sponsor = sponsorFor(base, cmd.onBehalfOf);
  if (isFail(sponsor)) return sponsor;
  const ctx: ProposeCtx = { ...base, sponsor };
  if (cmd.explanation !== undefined && (typeof cmd.explanation !== 'string' || cmd.explanation.length > MAX_NOTE)) {
    return fail('invalid', 'explanation too long');
  }
  const { doc } = ctx.state;
  const tr = new Transform(doc);
  switch (cmd.kind) {
    case 'insert':
    case 'replace': {
      const bad = checkText(cmd.text, 'proposed text');
      if (bad) return bad;
      const a = anchorIn(ctx, cmd.anchor, cmd.kind === 'insert' ? 'point' : 'span');
      if (isFail(a)) return a;
      const id = ctx.ids();
      const block = findBlock(doc, cmd.anchor.paragraphId)!.node;
      const outer = enclosingBrackets(block, a.range.to);
      if (cmd.kind === 'replace') tr.addMark(a.pos + a.range.from, a.pos + a.range.to, bracketMark(id, 'delete'));
      tr.insert(a.pos + a.range.to, schema.text(cmd.text, [...outer, bracketMark(id, 'insert')]));
      const p = record(ctx, cmd, id, cmd.anchor.paragraphId, { text: cmd.text });
      if (cmd.kind === 'replace') p.anchorText = a.anchorText;
      return done(ctx, tr.doc, { [id]: p }, {}, { proposalId: id });
    }
    case 'delete':
    case 'reserve': {
      const a = anchorIn(ctx, cmd.anchor, 'span');
      if (isFail(a)) return a;
      const id = ctx.ids();
      tr.addMark(a.pos + a.range.from, a.pos + a.range.to, bracketMark(id, cmd.kind));
      const p = record(ctx, cmd, id, cmd.anchor.paragraphId, { anchorText: a.anchorText });
      return done(ctx, tr.doc, { [id]: p }, {}, { proposalId: id });
    }
    case 'alternative':
      return proposeAlternative(ctx, cmd, tr);
    case 'newParagraph': {
      const bad = checkText(cmd.text, 'paragraph text');
      if (bad) return bad;
      if (cmd.blockType !== 'preambular' && cmd.blockType !== 'operative') {
        return fail('invalid', 'a new paragraph is a preambular or operative paragraph');
      }
      const level = cmd.level ?? 0;
      if (cmd.blockType === 'operative' && ![0, 1, 2].includes(level)) return fail('invalid', 'level is 0, 1 or 2');
      const after = typeof cmd.after === 'string' ? findBlock(doc, cmd.after) : null;
      if (!after) return fail('not_found', `no paragraph ${String(cmd.after)}`);
      const silenced = wholeTextSilenceError(ctx.state);
      if (silenced) return silenced;
      const id = ctx.ids();
      const blockId = ctx.ids();
      let attrs: Record<string, unknown> = cmd.blockType === 'operative' ? { id: blockId, added: id, level } : { id: blockId, added: id };
      let type = cmd.blockType;
      let at = after.pos + after.node.nodeSize;
      if (cmd.alternative) {
        // BR63: an alternative paragraph has the original's type and level and follows it and its other alternatives.
        const original = after.node;
        if (original.type.name !== 'preambular' && original.type.name !== 'operative') return fail('invalid', 'only a PP or an OP has alternatives');
        if (original.attrs.altOf) return fail('invalid', 'propose the alternative to the original paragraph');
        const locked = lockedError(ctx.state, cmd.after);
        if (locked) return locked;
        type = original.type.name as NewParagraphType;
        attrs = { ...original.attrs, id: blockId, added: id, altOf: cmd.after };
        for (let i = after.index + 1; i < doc.childCount && doc.child(i).attrs.altOf === cmd.after; i++) at += doc.child(i).nodeSize;
      }
      const node = schema.nodes[type].create(attrs, schema.text(cmd.text, [bracketMark(id, 'insert')]));
      tr.insert(at, node);
      const p = record(ctx, cmd, id, blockId, cmd.alternative ? { text: cmd.text, replaces: cmd.after } : { text: cmd.text });
      return done(ctx, tr.doc, { [id]: p }, {}, { proposalId: id });
    }
    case 'deleteParagraph': {
      const block = typeof cmd.paragraphId === 'string' ? findBlock(doc, cmd.paragraphId) : null;
      if (!block) return fail('not_found', `no paragraph ${String(cmd.paragraphId)}`);
      const locked = lockedError(ctx.state, cmd.paragraphId);
      if (locked) return locked;
      const dup = Object.values(ctx.state.proposals).find(
        (p) => p.status === 'open' && p.kind === 'deleteParagraph' && p.paragraphId === cmd.paragraphId,
      );
      if (dup) return fail('invalid', `deletion of this paragraph is already proposed (${dup.id}); co-sponsor it`);
      const id = ctx.ids();
      const p = record(ctx, cmd, id, cmd.paragraphId, { anchorText: blockText(block.node) });
      return done(ctx, doc, { [id]: p }, {}, { proposalId: id });
    }
    default:
      return fail('invalid', `unknown proposal kind ${(cmd as { kind: string }).kind}`);
  }
}

/**
 * BR5: alternatives. To a span: its text becomes "Alt 1" (original text, no sponsors) and the
 * proposed text "Alt 2" right after it. To a point: a first alternative. To an open insert or
 * alternative (`alternativeTo`): the new text joins that group after its last alternative; an
 * insert becomes Alt 1 of a new group.
 */
function proposeAlternative(ctx: ProposeCtx, cmd: Extract<ProposeCommand, { kind: 'alternative' }>, tr: Transform): ApplyResult {
  const bad = checkText(cmd.text, 'alternative text');
  if (bad) return bad;
  const { state } = ctx;
  const changed: Record<string, Proposal> = {};
  const created: string[] = [];
  let at: number;
  let group: string;
  let alt: number;
  let paragraphId: string;
  let outer: Mark[];
  if (cmd.alternativeTo !== undefined) {
    const target = getProposal(state, cmd.alternativeTo);
    if (isFail(target)) return target;
    const notOpen = requireOpen(target);
    if (notOpen) return notOpen;
    const locked = lockedForProposal(state, target);
    if (locked) return locked;
    if (target.kind !== 'alternative' && target.kind !== 'insert') {
      return fail('invalid', 'alternatives are offered to an insertion or an alternative; for other text select the span');
    }
    const where = findProposalText(state.doc, target.id);
    if (!where.length) return fail('anchor_gone', `the text of ${target.id} is gone`);
    paragraphId = where[where.length - 1].blockId;
    if (target.kind === 'insert') {
      group = target.id;
      unbracket(tr, target.id, ['insert']);
      for (const { block, ranges } of findProposalText(state.doc, target.id)) {
        for (const r of ranges) tr.addMark(block.pos + 1 + r.from, block.pos + 1 + r.to, bracketMark(target.id, 'alt', 1));
      }
      changed[target.id] = { ...target, kind: 'alternative', group, alt: 1, updatedAt: ctx.now };
      alt = 2;
    } else {
      group = target.group ?? target.id;
      const members = Object.values(state.proposals).filter((p) => (p.group ?? p.id) === group);
      alt = Math.max(0, ...members.map((p) => p.alt ?? 0)) + 1;
    }
    const members = [...Object.values(state.proposals).filter((p) => p.group === group && p.status === 'open'), target];
    at = Math.max(...members.map((p) => endOf(tr.doc, p.id)));
    const block = findBlock(tr.doc, paragraphId)!;
    outer = enclosingBrackets(block.node, at - block.pos - 1).filter((m) => !members.some((p) => p.id === m.attrs.id));
  } else {
    const a = anchorIn(ctx, cmd.anchor, 'any');
    if (isFail(a)) return a;
    paragraphId = cmd.anchor!.paragraphId;
    const block = findBlock(state.doc, paragraphId)!.node;
    outer = enclosingBrackets(block, a.range.to);
    group = ctx.ids();
    alt = 1;
    if (a.range.from < a.range.to) {
      const origId = group;
      tr.addMark(a.pos + a.range.from, a.pos + a.range.to, bracketMark(origId, 'alt', 1));
      changed[origId] = {
        id: origId,
        kind: 'alternative',
        paragraphId,
        sponsors: [],
        supporters: [],
        opposers: [],
        status: 'open',
        group,
        alt: 1,
        existing: true,
        text: a.anchorText,
        anchorText: a.anchorText,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      created.push(origId);
      alt = 2;
    }
    at = a.pos + a.range.to;
  }
  const id = ctx.ids();
  tr.insert(at, schema.text(cmd.text, [...outer, bracketMark(id, 'alt', alt)]));
  changed[id] = record(ctx, cmd, id, paragraphId, { group, alt, text: cmd.text });
  const result = created.length ? { proposalId: id, createdIds: created } : { proposalId: id };
  return done(ctx, tr.doc, changed, {}, result);
}
