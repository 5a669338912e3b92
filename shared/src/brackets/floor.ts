import type { Ctx } from './context.js';
import { findBlock } from './doc.js';
import { sponsorLabel } from './labels.js';
import { isReadOnly, resolveSponsor } from './rulebook.js';
import {
  fail,
  type ApplyResult,
  type BracketState,
  type DecisionEntry,
  type FloorAction,
  type FloorRequest,
  type RoomCommand,
  type RoomRecords,
  type ScreenState,
} from './types.js';

type Cmd<T extends RoomCommand['type']> = Extract<RoomCommand, { type: T }>;

/** The room's records with their defaults: nobody speaking, an empty list, the screen following the chair, carets private, no silence. */
export function roomRecords(state: Pick<BracketState, 'room'>): RoomRecords {
  return {
    floor: state.room?.floor ?? { speaking: null, queue: [] },
    screen: state.room?.screen ?? {},
    settings: state.room?.settings ?? { delegationCarets: false },
    silences: Array.isArray(state.room?.silences) ? state.room.silences : [],
  };
}

const MAX_ID = 200;
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_ID;

/** What a room command changes: the keys of `room`, and for the floor one log entry (BR86). */
function changed(ctx: Ctx, room: Partial<RoomRecords>, floor?: NonNullable<DecisionEntry['floor']>): ApplyResult {
  const decision: DecisionEntry | undefined = floor && {
    id: ctx.ids(),
    at: ctx.now,
    by: ctx.actor.delegation,
    byId: ctx.actor.id,
    action: 'floor',
    floor,
    before: [],
    after: [],
    proposals: [],
    paragraphs: [],
  };
  return {
    ok: true,
    doc: ctx.state.doc,
    proposals: {},
    paragraphs: {},
    room,
    ...(decision ? { decision } : {}),
    result: decision ? { decisionId: decision.id } : {},
  };
}

/** The log's record of one request: only the fields it has (BR19: no undefined fields). */
function logOf(action: FloorAction, r?: FloorRequest): NonNullable<DecisionEntry['floor']> {
  const entry: NonNullable<DecisionEntry['floor']> = { action };
  if (!r) return entry;
  entry.participantId = r.id;
  entry.name = r.name;
  if (r.paragraphId) entry.paragraphId = r.paragraphId;
  if (r.proposalId) entry.proposalId = r.proposalId;
  return entry;
}

const chairOnly = (ctx: Ctx, what: string) => (ctx.actor.role === 'chair' ? null : fail('not_permitted', `only the chair ${what}`));

/** BR80–BR89: the floor, the room screen and the caret setting. */
export function roomCommand(ctx: Ctx, cmd: RoomCommand): ApplyResult {
  switch (cmd.type) {
    case 'floor.request':
      return request(ctx, cmd);
    case 'floor.withdraw':
      return withdrawRequest(ctx);
    case 'floor.give':
      return give(ctx, cmd);
    case 'floor.end':
      return end(ctx);
    case 'floor.order':
      return order(ctx, cmd);
    case 'floor.remove':
      return remove(ctx, cmd);
    case 'screen.hold':
    case 'screen.release':
    case 'screen.follow':
      return screen(ctx, cmd);
    case 'settings.carets':
      return carets(ctx, cmd);
  }
}

/** BR80: a delegation puts itself on the list, once, optionally on a paragraph or a proposal. */
function request(ctx: Ctx, cmd: Cmd<'floor.request'>): ApplyResult {
  const { actor, state } = ctx;
  if (actor.role !== 'delegation') return fail('not_permitted', isReadOnly(actor.role) ? 'observers do not ask for the floor' : 'only delegations ask for the floor');
  const as = resolveSponsor(state.groups, actor, cmd.onBehalfOf);
  if ('ok' in as) return as;
  if (cmd.paragraphId !== undefined && !isId(cmd.paragraphId)) return fail('invalid', 'paragraphId names a paragraph');
  if (cmd.proposalId !== undefined && !isId(cmd.proposalId)) return fail('invalid', 'proposalId names a proposal');
  const { floor } = roomRecords(state);
  if (floor.speaking?.id === actor.id) return fail('invalid', `${actor.delegation} has the floor already`);
  if (floor.queue.some((r) => r.id === actor.id)) return fail('invalid', `${actor.delegation} is on the speakers' list already`);
  const r: FloorRequest = { id: actor.id, name: sponsorLabel(as), at: ctx.now };
  if (cmd.proposalId !== undefined) {
    const p = state.proposals[cmd.proposalId];
    if (!p) return fail('not_found', `no proposal ${cmd.proposalId}`);
    r.proposalId = p.id;
    r.paragraphId = p.paragraphId;
  }
  if (cmd.paragraphId !== undefined) {
    if (!findBlock(state.doc, cmd.paragraphId)) return fail('not_found', `no paragraph ${cmd.paragraphId}`);
    r.paragraphId = cmd.paragraphId;
  }
  return changed(ctx, { floor: { ...floor, queue: [...floor.queue, r] } }, logOf('request', r));
}

/** BR81: a delegation takes only itself off the list. */
function withdrawRequest(ctx: Ctx): ApplyResult {
  if (ctx.actor.role !== 'delegation') return fail('not_permitted', 'only a delegation withdraws its own request for the floor');
  const { floor } = roomRecords(ctx.state);
  const mine = floor.queue.find((r) => r.id === ctx.actor.id);
  if (!mine) return fail('not_found', `${ctx.actor.delegation} is not on the speakers' list`);
  return changed(ctx, { floor: { ...floor, queue: floor.queue.filter((r) => r !== mine) } }, logOf('withdraw', mine));
}

/** BR82: the chair gives the floor to one on the list (by default the first); whoever spoke before is done. */
function give(ctx: Ctx, cmd: Cmd<'floor.give'>): ApplyResult {
  const refused = chairOnly(ctx, 'gives the floor');
  if (refused) return refused;
  if (cmd.participantId !== undefined && !isId(cmd.participantId)) return fail('invalid', 'participantId names a participant');
  const { floor } = roomRecords(ctx.state);
  if (!floor.queue.length) return fail('invalid', "the speakers' list is empty");
  const next = cmd.participantId === undefined ? floor.queue[0] : floor.queue.find((r) => r.id === cmd.participantId);
  if (!next) return fail('not_found', `${cmd.participantId} is not on the speakers' list`);
  return changed(ctx, { floor: { speaking: { ...next, since: ctx.now }, queue: floor.queue.filter((r) => r !== next) } }, logOf('give', next));
}

/** BR83: the chair ends the current speaker's turn. */
function end(ctx: Ctx): ApplyResult {
  const refused = chairOnly(ctx, 'ends a turn');
  if (refused) return refused;
  const { floor } = roomRecords(ctx.state);
  if (!floor.speaking) return fail('invalid', 'nobody has the floor');
  const { since: _since, ...was } = floor.speaking;
  return changed(ctx, { floor: { ...floor, speaking: null } }, logOf('end', was));
}

/** BR84: the chair orders the list: exactly the delegations on it, each once (else someone asked or left meanwhile). */
function order(ctx: Ctx, cmd: Cmd<'floor.order'>): ApplyResult {
  const refused = chairOnly(ctx, "orders the speakers' list");
  if (refused) return refused;
  if (!Array.isArray(cmd.order) || !cmd.order.every(isId)) return fail('invalid', 'order lists participant ids');
  const { floor } = roomRecords(ctx.state);
  const byId = new Map(floor.queue.map((r) => [r.id, r]));
  if (cmd.order.length !== byId.size || new Set(cmd.order).size !== byId.size || !cmd.order.every((id) => byId.has(id))) {
    return fail('conflict', "the speakers' list changed meanwhile: order the list as it is now");
  }
  return changed(ctx, { floor: { ...floor, queue: cmd.order.map((id) => byId.get(id)!) } }, logOf('order'));
}

/** BR85: the chair takes a delegation off the list. */
function remove(ctx: Ctx, cmd: Cmd<'floor.remove'>): ApplyResult {
  const refused = chairOnly(ctx, "removes a delegation from the speakers' list");
  if (refused) return refused;
  if (!isId(cmd.participantId)) return fail('invalid', 'participantId names a participant');
  const { floor } = roomRecords(ctx.state);
  const gone = floor.queue.find((r) => r.id === cmd.participantId);
  if (!gone) return fail('not_found', `${cmd.participantId} is not on the speakers' list`);
  return changed(ctx, { floor: { ...floor, queue: floor.queue.filter((r) => r !== gone) } }, logOf('remove', gone));
}

/** BR87: the chair holds the screen on a paragraph, releases it, or chooses whose position it follows. */
function screen(ctx: Ctx, cmd: Cmd<'screen.hold' | 'screen.release' | 'screen.follow'>): ApplyResult {
  const refused = chairOnly(ctx, 'steers the room screen');
  if (refused) return refused;
  const { screen: now } = roomRecords(ctx.state);
  const next: ScreenState = { ...now };
  if (cmd.type === 'screen.hold') {
    if (!isId(cmd.paragraphId)) return fail('invalid', 'paragraphId names a paragraph');
    if (!findBlock(ctx.state.doc, cmd.paragraphId)) return fail('not_found', `no paragraph ${cmd.paragraphId}`);
    next.held = cmd.paragraphId;
  } else if (cmd.type === 'screen.release') {
    if (now.held === undefined) return fail('invalid', 'the screen is not held');
    delete next.held;
  } else {
    if (cmd.participantId !== null && !isId(cmd.participantId)) return fail('invalid', 'participantId names a participant, or null for the chair');
    if (cmd.participantId === null) delete next.follow;
    else next.follow = cmd.participantId;
  }
  return changed(ctx, { screen: next });
}

/** BR88: the chair lets delegations (and observers) see each other's carets, or stops it. */
function carets(ctx: Ctx, cmd: Cmd<'settings.carets'>): ApplyResult {
  const refused = chairOnly(ctx, 'sets who sees whose caret');
  if (refused) return refused;
  if (typeof cmd.delegations !== 'boolean') return fail('invalid', 'delegations is true or false');
  const { settings } = roomRecords(ctx.state);
  if (settings.delegationCarets === cmd.delegations) return fail('invalid', `delegations' carets are ${cmd.delegations ? 'shared' : 'private'} already`);
  return changed(ctx, { settings: { ...settings, delegationCarets: cmd.delegations } });
}
