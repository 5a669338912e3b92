import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import { proposalComments, type CommentEntry, type Proposal, type ProposalComment } from '@accord/shared/brackets/index';
import type { CommentStore } from './comment-store';

/** The session's comment store, provided by the editor workspace around the bracket panel. */
export const CommentsContext = createContext<CommentStore | null>(null);

const NONE: CommentEntry[] = [];
const noSubscription = () => () => {};

/** A proposal's comments as shown: those inside an old record, then its entries (BR15), oldest first. */
export function useProposalComments(p: Proposal): ProposalComment[] {
  const store = useContext(CommentsContext);
  const snapshot = () => store?.of(p.id) ?? NONE;
  const entries = useSyncExternalStore(store ? store.subscribe : noSubscription, snapshot, snapshot);
  return useMemo(() => proposalComments({ proposals: { [p.id]: p }, comments: { [p.id]: entries } }, p.id), [p, entries]);
}
