import type { TFunction } from 'i18next';
import { MAX_COMMENTS_PER_PARTICIPANT, MAX_COMMENTS_PER_PROPOSAL, sponsorLabel, type ParagraphState, type Proposal, type ProposalComment } from '@accord/shared/brackets/index';
import { commentCapReached } from '@accord/shared/brackets/index';

/**
 * The bracket vocabulary in the interface language: kinds, statuses, positions and the names
 * shared/ gives proposals ("Alt 2 – EU", "Original text"). shared/ stays English (the API's and
 * the log's words); these are what a person reads.
 */
export function kindName(kind: string, t: TFunction): string {
  return t(`kind.${kind}`, { defaultValue: kind });
}

/** "agreed in informals [pending US]", as the chair's statement records it. */
export function statusName(state: ParagraphState | null | undefined, t: TFunction): string {
  const status = state?.status ?? 'open';
  const name = t(`paragraphStatus.${status}`, { defaultValue: status });
  return status === 'informals' && state?.pending ? t('paragraphStatus.pendingOf', { status: name, delegation: state.pending }) : name;
}

export function proposalStatusName(status: string, t: TFunction): string {
  return t(`proposalStatus.${status}`, { defaultValue: status });
}

/** "retain" / "delete" / "support": how the room words a position on this kind (BR52). */
export function positionName(word: string, t: TFunction): string {
  return t(`position.${word}`, { defaultValue: word });
}

/** shared's proposalLabel, in words: the sponsors, "Alt 2 – EU", "Pending", "Original text". */
export function proposalName(p: Proposal, t: TFunction): string {
  const who = p.sponsors.map(sponsorLabel).join(', ');
  if (p.kind === 'alternative') return who ? t('proposal.altBy', { n: p.alt ?? 1, who }) : t('proposal.alt', { n: p.alt ?? 1 });
  if (p.kind === 'pending') return t('proposal.pending');
  return who || t('proposal.originalText');
}

/** shared's commentCapReached (BR15), as a sentence in the interface language; null below the caps. */
export function commentCapText(comments: readonly ProposalComment[], author: string | null, t: TFunction): string | null {
  if (!commentCapReached(comments, author)) return null;
  return comments.length >= MAX_COMMENTS_PER_PROPOSAL ? t('comments.proposalFull', { max: MAX_COMMENTS_PER_PROPOSAL }) : t('comments.yoursFull', { max: MAX_COMMENTS_PER_PARTICIPANT });
}
