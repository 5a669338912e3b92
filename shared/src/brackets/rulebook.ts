import { fail, type Actor, type Fail, type Group, type Proposal, type ProposalKind, type Role, type Sponsor } from './types.js';

/*
 * Who may do what, and how positions are worded: the one rulebook that the rules (positions.ts,
 * propose.ts, decide.ts), the server and every view read. A view that re-derives a rule drifts
 * (the panel once labelled a deletion's opponents "Delete"); so views ask `proposalActions` and
 * `positionWording` and nothing else.
 */

/** Roles that only read: no proposals, positions, comments, edits or withdrawals (BR1, BR15, BR71). */
export const READ_ONLY_ROLES: ReadonlySet<Role> = new Set<Role>(['observer']);
/** Roles that support, oppose and co-sponsor (BR14). */
export const POSITION_ROLES: ReadonlySet<Role> = new Set<Role>(['delegation']);
/** Kinds whose sponsor may change the text (BR12); original-text alternatives excepted. */
export const EDITABLE_KINDS: ReadonlySet<ProposalKind> = new Set<ProposalKind>(['insert', 'replace', 'alternative', 'newParagraph']);
/** Kinds whose supporters want text deleted (BR52). */
const DELETION_KINDS: ReadonlySet<ProposalKind> = new Set<ProposalKind>(['delete', 'deleteParagraph']);

export const isReadOnly = (role: Role): boolean => READ_ONLY_ROLES.has(role);

export type PositionWord = 'retain' | 'delete';

/**
 * How the room words positions on a proposal of this kind (BR52): supporting a deletion means
 * "delete", opposing it "retain"; for every other kind supporters "retain" and opposers "delete".
 */
export function positionWording(kind: ProposalKind): { supporters: PositionWord; opposers: PositionWord } {
  return DELETION_KINDS.has(kind) ? { supporters: 'delete', opposers: 'retain' } : { supporters: 'retain', opposers: 'delete' };
}

/** BR70: the same participant or group, by id. A record without an id (written before ids) is nobody. */
export function sameSponsor(a: Sponsor, b: Sponsor): boolean {
  return !!a.id && a.id === b.id;
}

/** BR70: `actor` is this sponsor, or the member who spoke for this group. Never by name; observers never. */
export function speaksFor(actor: Actor, s: Sponsor): boolean {
  if (isReadOnly(actor.role) || !actor.id) return false;
  return s.id === actor.id || s.viaId === actor.id;
}

/** The groups the chair assigned this participant to, by name. */
export function groupsOf(groups: Record<string, Group> | undefined, participantId: string): Group[] {
  return Object.values(groups ?? {})
    .filter((g) => Array.isArray(g.members) && g.members.includes(participantId))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * BR72: who the actor speaks as. Without `onBehalfOf` (or naming itself): itself. Otherwise only a
 * group (by id or name) the chair assigned this delegation to — never another participant, never
 * the chair, never an unassigned group (`not_permitted`).
 */
export function resolveSponsor(groups: Record<string, Group> | undefined, actor: Actor, onBehalfOf: unknown): Sponsor | Fail {
  if (onBehalfOf !== undefined && onBehalfOf !== null && typeof onBehalfOf !== 'string') return fail('invalid', 'onBehalfOf names a group');
  const as = typeof onBehalfOf === 'string' ? onBehalfOf.trim() : '';
  const self: Sponsor = { id: actor.id, name: actor.delegation };
  if (!as || as === actor.delegation || as === actor.id) return self;
  const mine = POSITION_ROLES.has(actor.role) ? groupsOf(groups, actor.id) : [];
  const g = mine.find((x) => x.id === as) ?? mine.find((x) => x.name.trim().toLowerCase() === as.toLowerCase());
  if (!g) return fail('not_permitted', `${actor.delegation} may not speak for "${as}": the chair has not assigned it to that group`);
  return { id: g.id, name: g.name, via: actor.delegation, viaId: actor.id };
}

/** What an actor may do on one proposal record; the rules enforce exactly this (the server again). */
export interface ProposalActions {
  /** Support ("retain", or "delete" for a deletion) / oppose / co-sponsor, as the sponsor resolved from `onBehalfOf`. */
  support: boolean;
  oppose: boolean;
  cosponsor: boolean;
  /** Already on record that way as the actor speaks now. */
  supported: boolean;
  opposed: boolean;
  /** Change the proposed text (BR12). */
  edit: boolean;
  /** Change the explanation (any own open proposal). */
  explain: boolean;
  /** The proposer withdraws the proposal; a co-sponsor only its name (BR13). */
  withdraw: 'proposal' | 'name' | null;
  /** The chair decides (BR20–27); a pending bracket may be accepted with a text (BR24). */
  accept: boolean;
  reject: boolean;
  acceptWithText: boolean;
  /** Anyone but read-only roles, open or decided (BR15). */
  comment: boolean;
}

export interface ActionContext {
  /** The group the actor speaks for ('' or missing: itself). */
  onBehalfOf?: string;
  groups?: Record<string, Group>;
  /** The proposal's paragraph is agreed, ad ref or deleted (BR17). */
  locked?: boolean;
}

export function proposalActions(p: Proposal, actor: Actor, ctx: ActionContext = {}): ProposalActions {
  const open = p.status === 'open';
  const locked = !!ctx.locked;
  const as = resolveSponsor(ctx.groups, actor, ctx.onBehalfOf);
  const sponsor = 'ok' in as ? null : as;
  const positions = open && POSITION_ROLES.has(actor.role) && !!sponsor && !p.sponsors.some((x) => sameSponsor(x, sponsor));
  const sponsorAt = p.sponsors.findIndex((s) => speaksFor(actor, s));
  const own = open && sponsorAt >= 0;
  const decide = open && actor.role === 'chair' && !locked;
  return {
    support: positions,
    oppose: positions,
    cosponsor: positions && p.kind !== 'pending' && !p.existing,
    supported: !!sponsor && p.supporters.some((s) => sameSponsor(s, sponsor)),
    opposed: !!sponsor && p.opposers.some((s) => sameSponsor(s, sponsor)),
    edit: own && !locked && EDITABLE_KINDS.has(p.kind) && !p.existing,
    explain: own && !locked,
    withdraw: !own ? null : sponsorAt > 0 ? 'name' : locked ? null : 'proposal',
    accept: decide && p.kind !== 'pending',
    reject: decide,
    acceptWithText: decide && p.kind === 'pending',
    comment: !isReadOnly(actor.role) && !!sponsor,
  };
}
