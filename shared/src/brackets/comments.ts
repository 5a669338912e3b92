import type { BracketState, CommentEntry, ProposalComment, Sponsor } from './types.js';

/** BR15: a proposal takes at most this many comments (its old in-record comments included)… */
export const MAX_COMMENTS_PER_PROPOSAL = 200;
/** …and one participant (whoever it speaks for) at most this many of them. */
export const MAX_COMMENTS_PER_PARTICIPANT = 50;

/** Who wrote a comment: the participant itself, also when it spoke for a group. Null: an old record without ids. */
export function commentAuthor(by: Sponsor): string | null {
  return by.viaId ?? by.id ?? null;
}

/**
 * Why the participant `author` (a participant id) may not add a comment to a proposal with these
 * comments (BR15 caps), or null. The comment rule and the panel both ask this.
 */
export function commentCapReached(comments: readonly ProposalComment[], author: string | null): string | null {
  if (comments.length >= MAX_COMMENTS_PER_PROPOSAL) return `this proposal already has ${MAX_COMMENTS_PER_PROPOSAL} comments, the most a proposal takes`;
  if (comments.filter((c) => commentAuthor(c.by) === author).length >= MAX_COMMENTS_PER_PARTICIPANT) {
    return `you have already made ${MAX_COMMENTS_PER_PARTICIPANT} comments on this proposal, the most one participant may`;
  }
  return null;
}

/** A plausible comment entry (the Y.Map `comments` is server-only, but a stored doc is read defensively). */
export function isCommentEntry(x: unknown): x is CommentEntry {
  const c = x as CommentEntry | null;
  return typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.proposalId === 'string' && typeof c.text === 'string' && typeof c.by === 'object' && c.by !== null;
}

/** Entries grouped by proposal, each list in the order `proposalComments` shows them. */
export function commentsByProposal(entries: Iterable<unknown>): Record<string, CommentEntry[]> {
  const out: Record<string, CommentEntry[]> = {};
  for (const c of entries) if (isCommentEntry(c)) (out[c.proposalId] ??= []).push(c);
  for (const list of Object.values(out)) list.sort(byTime);
  return out;
}

export function byTime(a: ProposalComment & { id?: string }, b: ProposalComment & { id?: string }): number {
  return a.at - b.at || (a.id ?? '').localeCompare(b.id ?? '');
}

/**
 * A proposal's comments as shown (panel, REST): those inside an old record (BR15: read, never
 * rewritten) followed by its entries, oldest first.
 */
export function proposalComments(state: Pick<BracketState, 'proposals' | 'comments'>, proposalId: string): ProposalComment[] {
  const p = Object.prototype.hasOwnProperty.call(state.proposals, proposalId) ? state.proposals[proposalId] : undefined;
  const legacy = Array.isArray(p?.comments) ? p.comments : [];
  const entries = state.comments?.[proposalId] ?? [];
  return legacy.length === 0 ? entries : [...legacy, ...entries].sort(byTime);
}
