import type { Node as PMNode } from '@tiptap/pm/model';
import { paragraphLabels } from '../numbering.js';
import { bracketIdsInDoc, addedBlockIds, findProposalText } from './doc.js';
import { resolveSponsor } from './rulebook.js';
import { silenceError } from './silence.js';
import {
  fail,
  type Actor,
  type ApplyResult,
  type BracketState,
  type CommandOutcome,
  type DecisionEntry,
  type Fail,
  type ParagraphState,
  type Proposal,
  type Sponsor,
} from './types.js';

/** Everything a rule needs: the state before, who acts, the clock and an id source. */
export interface Ctx {
  state: BracketState;
  actor: Actor;
  now: number;
  ids: () => string;
  /** The client-made id of this command, recorded on a proposal it creates. */
  commandId?: string;
}

/** Statuses that lock a paragraph (BR17); `adopted` under silence procedure too (BR94). */
export const LOCKED: ReadonlySet<string> = new Set(['agreed', 'adref', 'deleted', 'adopted']);

/** How a locking status reads in a refusal ("OP4 is agreed ad ref"). */
export function statusWords(status: string): string {
  return status === 'adref' ? 'agreed ad ref' : status === 'adopted' ? 'adopted under silence procedure' : status;
}
export const MAX_TEXT = 10_000;
export const MAX_NOTE = 2_000;

export function paragraphState(state: BracketState, id: string): ParagraphState {
  return state.paragraphs[id] ?? { status: 'open' };
}

/** BR17, BR91: a paragraph under an open silence, or with a locking status, refuses changes. */
export function lockedError(state: BracketState, paragraphId: string): Fail | null {
  const silenced = silenceError(state, paragraphId);
  if (silenced) return silenced;
  const s = paragraphState(state, paragraphId).status;
  if (!LOCKED.has(s)) return null;
  const what = statusWords(s);
  // Named as the delegates see it ("OP4"), not by its internal id; labels are only computed on refusal.
  const label = paragraphLabels(state.doc).get(paragraphId)?.short ?? `paragraph ${paragraphId}`;
  return fail('paragraph_locked', `${label} is ${what}; the chair must reopen it first`);
}

/** Paragraphs where the proposal's text now is (it may have moved), else where it was made. */
export function proposalParagraphs(doc: PMNode, p: Proposal): string[] {
  const ids = findProposalText(doc, p.id).map((r) => r.blockId);
  return ids.length ? ids : [p.paragraphId];
}

export function lockedForProposal(state: BracketState, p: Proposal): Fail | null {
  for (const id of proposalParagraphs(state.doc, p)) {
    const err = lockedError(state, id);
    if (err) return err;
  }
  return null;
}

/** Who the actor speaks as in this state (BR72): itself, or a group the chair assigned it to. */
export function sponsorFor(ctx: Ctx, onBehalfOf: unknown): Sponsor | Fail {
  return resolveSponsor(ctx.state.groups, ctx.actor, onBehalfOf);
}

export { sameSponsor, speaksFor } from './rulebook.js';

export function getProposal(state: BracketState, id: string): Proposal | Fail {
  const p = Object.prototype.hasOwnProperty.call(state.proposals, id) ? state.proposals[id] : undefined;
  return p ?? fail('not_found', `no proposal ${id}`);
}

export function isFail(x: unknown): x is Fail {
  return typeof x === 'object' && x !== null && (x as Fail).ok === false;
}

export function requireOpen(p: Proposal): Fail | null {
  return p.status === 'open' ? null : fail('proposal_not_open', `proposal ${p.id} is already ${p.status}`);
}

export function checkText(text: unknown, what: string, max = MAX_TEXT): Fail | null {
  if (typeof text !== 'string' || text.length === 0) return fail('invalid', `${what} must be non-empty text`);
  if (text.length > max) return fail('invalid', `${what} is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\uFFFC]/.test(text)) return fail('invalid', `${what} contains line breaks or control characters`);
  return null;
}

/** Drops undefined fields so that a record is the same after a JSON or Yjs round trip. */
export function clean<T extends object>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Open proposals that are expected to have text in the doc but have none: flagged, never dropped. */
export function orphanedProposals(state: Pick<BracketState, 'doc' | 'proposals'>): string[] {
  const marked = bracketIdsInDoc(state.doc);
  const added = addedBlockIds(state.doc);
  return Object.values(state.proposals)
    .filter((p) => p.status === 'open' && p.kind !== 'deleteParagraph')
    .filter((p) => (p.kind === 'newParagraph' ? !added.has(p.id) && !marked.has(p.id) : !marked.has(p.id)))
    .map((p) => p.id)
    .sort();
}

/** Builds the success value; reports open proposals whose last text this command removed. */
export function done(
  ctx: Ctx,
  doc: PMNode,
  proposals: Record<string, Proposal>,
  paragraphs: Record<string, ParagraphState>,
  result: CommandOutcome,
  decision?: DecisionEntry,
): ApplyResult {
  if (doc !== ctx.state.doc) {
    const all = { ...ctx.state.proposals, ...proposals };
    const was = new Set(orphanedProposals({ doc: ctx.state.doc, proposals: all }));
    const now = orphanedProposals({ doc, proposals: all }).filter((id) => !was.has(id));
    if (now.length) result = { ...result, orphaned: now };
  }
  const out: ApplyResult = {
    ok: true,
    doc,
    proposals: Object.fromEntries(Object.entries(proposals).map(([k, v]) => [k, clean(v)])),
    paragraphs: clean(paragraphs),
    result,
  };
  if (decision) out.decision = clean(decision);
  return out;
}
