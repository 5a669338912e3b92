import { paragraphLabels } from '../numbering.js';
import { bracketCounts } from './counts.js';
import type { Ctx } from './context.js';
import { findBlock } from './doc.js';
import { sponsorLabel } from './labels.js';
import { isReadOnly, resolveSponsor } from './rulebook.js';
import {
  fail,
  type ApplyResult,
  type BracketState,
  type DecisionEntry,
  type Fail,
  type ParagraphState,
  type Silence,
  type SilenceAction,
  type SilenceCommand,
} from './types.js';

type Cmd<T extends SilenceCommand['type']> = Extract<SilenceCommand, { type: T }>;

/** A break's statement and a silence's note: at most this many characters (BR92). */
export const MAX_STATEMENT = 2_000;
/** A deadline at most this far ahead (BR90): a year and a day. */
export const MAX_SILENCE_MS = 366 * 24 * 60 * 60 * 1000;
/** At most this many paragraphs named by one silence. */
const MAX_PARAGRAPHS = 5_000;
const MAX_ID = 200;
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_ID;

/** "2026-12-05T18:00+01:00", seconds and fractions optional, `Z` or an offset required: a wall time alone names no instant. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A deadline as epoch ms, or why not (BR90). */
export function parseDeadline(deadline: unknown): number | Fail {
  if (typeof deadline === 'number') {
    return Number.isSafeInteger(deadline) && deadline > 0 ? deadline : fail('invalid', 'deadline in epoch milliseconds is a positive whole number');
  }
  if (typeof deadline !== 'string' || !ISO_WITH_OFFSET.test(deadline)) {
    return fail('invalid', 'deadline is an ISO 8601 date and time with its UTC offset ("2026-12-05T18:00+01:00") or epoch milliseconds');
  }
  const ms = Date.parse(deadline);
  return Number.isFinite(ms) ? ms : fail('invalid', `deadline ${deadline} is not a date`);
}

/** The room's silences (missing: none). */
export function silencesOf(state: Pick<BracketState, 'room'>): Silence[] {
  return Array.isArray(state.room?.silences) ? state.room.silences : [];
}

/** Silences still running, oldest first. */
export function openSilences(state: Pick<BracketState, 'room'>): Silence[] {
  return silencesOf(state).filter((s) => s.state === 'open');
}

/** The open silence over this paragraph (a whole-text silence is over every paragraph), if any (BR91). */
export function silenceOver(state: Pick<BracketState, 'room'>, paragraphId: string): Silence | undefined {
  return openSilences(state).find((s) => !s.paragraphIds || s.paragraphIds.includes(paragraphId));
}

/** An open silence over the whole text, if any: then nothing in the text changes, new paragraphs included (BR91). */
export function wholeTextSilence(state: Pick<BracketState, 'room'>): Silence | undefined {
  return openSilences(state).find((s) => !s.paragraphIds);
}

/** "2026-12-05 17:00 UTC": the same words on every machine; views show the deadline in the viewer's own zone. */
export function deadlineUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "OP3 is under silence until 2026-12-05 17:00 UTC; …" (`label` null: the whole text). */
export function silenceLockMessage(s: Silence, label: string | null): string {
  const what = label ?? 'The text';
  return `${what} is under silence until ${deadlineUtc(s.deadline)}; it changes only if a delegation breaks silence or the chair lifts it`;
}

/** BR91: a refusal naming the paragraph as the delegates see it ("OP3"), or null when no open silence covers it. */
export function silenceError(state: BracketState, paragraphId: string): Fail | null {
  const s = silenceOver(state, paragraphId);
  if (!s) return null;
  const label = s.paragraphIds ? (paragraphLabels(state.doc).get(paragraphId)?.short ?? `paragraph ${paragraphId}`) : null;
  return fail('paragraph_locked', silenceLockMessage(s, label));
}

/** BR91: a new paragraph anywhere while the whole text is under silence. */
export function wholeTextSilenceError(state: BracketState): Fail | null {
  const s = wholeTextSilence(state);
  return s ? fail('paragraph_locked', silenceLockMessage(s, null)) : null;
}

/** A statement: 1–MAX_STATEMENT characters once trimmed; line breaks allowed, other control characters not. */
function checkStatement(text: unknown, what: string): Fail | null {
  if (typeof text !== 'string' || text.trim().length === 0) return fail('invalid', `${what} must be non-empty text`);
  if (text.trim().length > MAX_STATEMENT) return fail('invalid', `${what} is longer than ${MAX_STATEMENT} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\uFFFC]/.test(text)) return fail('invalid', `${what} contains control characters`);
  return null;
}

/** BR90–BR97: start, break, lift and expire a silence. */
export function silenceCommand(ctx: Ctx, cmd: SilenceCommand): ApplyResult {
  switch (cmd.type) {
    case 'silence.start':
      return start(ctx, cmd);
    case 'silence.break':
      return breakSilence(ctx, cmd);
    case 'silence.lift':
      return lift(ctx, cmd);
    case 'silence.expire':
      return expire(ctx, cmd);
  }
}

/** The room's new `silences` and the log entry of one step (BR96). */
function changed(ctx: Ctx, silences: Silence[], s: Silence, action: SilenceAction, paragraphs: Record<string, ParagraphState> = {}): ApplyResult {
  const log: NonNullable<DecisionEntry['silence']> = { action, silenceId: s.id, deadline: s.deadline };
  if (s.paragraphIds) log.paragraphIds = s.paragraphIds;
  if (action === 'start' && s.note) log.note = s.note;
  if (action === 'break' && s.break) {
    log.name = s.break.name;
    log.statement = s.break.statement;
  }
  const decision: DecisionEntry = {
    id: ctx.ids(),
    at: ctx.now,
    by: ctx.actor.delegation,
    byId: ctx.actor.id,
    action: 'silence',
    silence: log,
    before: [],
    after: [],
    proposals: [],
    paragraphs: Object.entries(paragraphs).map(([id, after]) => ({ id, before: ctx.state.paragraphs[id] ?? null, after })),
  };
  return { ok: true, doc: ctx.state.doc, proposals: {}, paragraphs, room: { silences }, decision, result: { decisionId: decision.id, silenceId: s.id } };
}

function replace(all: Silence[], next: Silence): Silence[] {
  return all.map((s) => (s.id === next.id ? next : s));
}

function openOne(ctx: Ctx, silenceId: unknown): Silence | Fail {
  if (!isId(silenceId)) return fail('invalid', 'silenceId names a silence');
  const s = silencesOf(ctx.state).find((x) => x.id === silenceId);
  if (!s) return fail('not_found', `no silence ${silenceId}`);
  if (s.state !== 'open') return fail('invalid', `the silence is ${s.state === 'adopted' ? 'over: the text was adopted' : `${s.state} already`}`);
  return s;
}

const isFail = (x: unknown): x is Fail => typeof x === 'object' && x !== null && (x as Fail).ok === false;

/** BR90: the chair puts the whole text, or chosen paragraphs, under silence until a deadline in the future. */
function start(ctx: Ctx, cmd: Cmd<'silence.start'>): ApplyResult {
  const { actor, state } = ctx;
  if (actor.role !== 'chair') return fail('not_permitted', 'only the chair puts the text under silence');
  const deadline = parseDeadline(cmd.deadline);
  if (isFail(deadline)) return deadline;
  if (deadline <= ctx.now) return fail('invalid', `the deadline ${deadlineUtc(deadline)} has passed: choose one in the future`);
  if (deadline - ctx.now > MAX_SILENCE_MS) return fail('invalid', 'the deadline is more than a year away');
  if (cmd.note !== undefined && (typeof cmd.note !== 'string' || cmd.note.length > MAX_STATEMENT)) return fail('invalid', `a note is text of at most ${MAX_STATEMENT} characters`);
  let paragraphIds: string[] | undefined;
  if (cmd.paragraphIds !== undefined) {
    if (!Array.isArray(cmd.paragraphIds) || cmd.paragraphIds.length === 0 || cmd.paragraphIds.length > MAX_PARAGRAPHS || !cmd.paragraphIds.every(isId)) {
      return fail('invalid', 'paragraphIds lists the paragraphs to put under silence (leave it out for the whole text)');
    }
    if (new Set(cmd.paragraphIds).size !== cmd.paragraphIds.length) return fail('invalid', 'paragraphIds names a paragraph twice');
    for (const id of cmd.paragraphIds) {
      if (!findBlock(state.doc, id)) return fail('not_found', `no paragraph ${id}`);
      const status = state.paragraphs[id]?.status;
      if (status === 'deleted' || status === 'adopted') return fail('invalid', `${label(state, id)} is ${status} already`);
    }
    paragraphIds = [...cmd.paragraphIds];
  }
  const open = openSilences(state);
  const clash = paragraphIds ? open.find((s) => !s.paragraphIds || s.paragraphIds.some((id) => paragraphIds!.includes(id))) : open[0];
  if (clash) {
    const what = clash.paragraphIds ? `${clash.paragraphIds.map((id) => label(state, id)).join(', ')} ${clash.paragraphIds.length > 1 ? 'are' : 'is'}` : 'the text is';
    return fail('conflict', `${what} under silence already, until ${deadlineUtc(clash.deadline)}`);
  }
  // What silence adopts is settled text: a paragraph with an open bracket cannot be adopted, as it
  // cannot be agreed (BR30); the chair decides its brackets first.
  const counts = bracketCounts(state).byParagraph;
  const bracketed = (paragraphIds ?? Object.keys(counts)).filter((id) => (counts[id] ?? 0) > 0);
  if (bracketed.length) {
    const labels = paragraphLabels(state.doc);
    const named = bracketed.map((id) => `${labels.get(id)?.short ?? findBlock(state.doc, id)?.node.type.name ?? `paragraph ${id}`} (${counts[id]})`);
    const shown = named.length > 10 ? `${named.slice(0, 10).join(', ')} and ${named.length - 10} more` : named.join(', ');
    return fail('invalid', `open brackets remain in ${shown}: decide them before putting ${paragraphIds ? 'these paragraphs' : 'the text'} under silence`);
  }
  const s: Silence = { id: ctx.ids(), by: actor.id, name: actor.delegation, startedAt: ctx.now, deadline, state: 'open' };
  if (paragraphIds) s.paragraphIds = paragraphIds;
  if (typeof cmd.note === 'string' && cmd.note.trim()) s.note = cmd.note.trim();
  return changed(ctx, [...silencesOf(state), s], s, 'start');
}

/** BR92: a delegation (or a group through it, BR72) breaks an open silence with a written statement, before the deadline. */
function breakSilence(ctx: Ctx, cmd: Cmd<'silence.break'>): ApplyResult {
  const { actor, state } = ctx;
  if (actor.role !== 'delegation') return fail('not_permitted', isReadOnly(actor.role) ? 'observers do not break silence' : 'only a delegation breaks silence');
  const as = resolveSponsor(state.groups, actor, cmd.onBehalfOf);
  if ('ok' in as) return as;
  const bad = checkStatement(cmd.statement, 'the statement');
  if (bad) return bad;
  const s = openOne(ctx, cmd.silenceId);
  if (isFail(s)) return s;
  if (ctx.now >= s.deadline) return fail('invalid', `the deadline ${deadlineUtc(s.deadline)} has passed: the silence can no longer be broken`);
  const next: Silence = { ...s, state: 'broken', endedAt: ctx.now, break: { by: actor.id, name: sponsorLabel(as), statement: cmd.statement.trim(), at: ctx.now } };
  return changed(ctx, replace(silencesOf(state), next), next, 'break');
}

/** BR93: the chair withdraws an open silence; the text is as it was. */
function lift(ctx: Ctx, cmd: Cmd<'silence.lift'>): ApplyResult {
  if (ctx.actor.role !== 'chair') return fail('not_permitted', 'only the chair lifts a silence');
  const s = openOne(ctx, cmd.silenceId);
  if (isFail(s)) return s;
  const next: Silence = { ...s, state: 'lifted', endedAt: ctx.now };
  return changed(ctx, replace(silencesOf(ctx.state), next), next, 'lift');
}

/**
 * BR94: at the deadline (the server sends it when the time comes, or at its start for a deadline
 * passed while it was down), an unbroken silence adopts its paragraphs — every paragraph for the
 * whole text — except deleted ones and those adopted already.
 */
function expire(ctx: Ctx, cmd: Cmd<'silence.expire'>): ApplyResult {
  const { state } = ctx;
  if (ctx.actor.role !== 'chair') return fail('not_permitted', 'only the server, at the deadline, ends a silence in adoption');
  const s = openOne(ctx, cmd.silenceId);
  if (isFail(s)) return s;
  if (ctx.now < s.deadline) return fail('invalid', `the silence runs until ${deadlineUtc(s.deadline)}`);
  const ids: string[] = [];
  if (s.paragraphIds) ids.push(...s.paragraphIds.filter((id) => findBlock(state.doc, id)));
  else state.doc.forEach((n) => typeof n.attrs.id === 'string' && n.attrs.id && ids.push(n.attrs.id));
  const paragraphs: Record<string, ParagraphState> = {};
  for (const id of ids) {
    const status = state.paragraphs[id]?.status;
    if (status !== 'deleted' && status !== 'adopted') paragraphs[id] = { status: 'adopted' };
  }
  const next: Silence = { ...s, state: 'adopted', endedAt: ctx.now };
  return changed(ctx, replace(silencesOf(state), next), next, 'adopt', paragraphs);
}

function label(state: BracketState, id: string): string {
  return paragraphLabels(state.doc).get(id)?.short ?? `paragraph ${id}`;
}
