export * from './types.js';
export { applyCommand, checkCommand, canApply, recordedCommandOutcome } from './apply.js';
export {
  EDITABLE_KINDS,
  POSITION_ROLES,
  READ_ONLY_ROLES,
  groupsOf,
  isReadOnly,
  positionWording,
  proposalActions,
  resolveSponsor,
  sameSponsor,
  speaksFor,
  type ActionContext,
  type PositionWord,
  type ProposalActions,
} from './rulebook.js';
export { bracketCounts, bracketCountsFrom, type BracketCounts } from './counts.js';
export { orphanedProposals, LOCKED, statusWords } from './context.js';
export { annotation, proposalLabel, sponsorLabel, compilationText, compilationPieces, type CompilationPiece } from './labels.js';
export { pendingRecords } from './pending.js';
export { blockText, findBlock, findProposalText, resolveAnchor, LEAF_CHAR } from './doc.js';
export { merge3 } from './undo.js';
export { applyCommandToYDoc, applyCommandToYDocWhole, currentBracketState, proposalOffsets, readBracketState, readRoom, writeBody, Y_DECISIONS } from './ydoc.js';
export { roomRecords } from './floor.js';
export {
  deadlineUtc,
  MAX_STATEMENT,
  openSilences,
  parseDeadline,
  silenceLockMessage,
  silenceOver,
  silencesOf,
  wholeTextSilence,
} from './silence.js';
export { roomIndex, RoomIndex } from './room-index.js';
export { canonicalMarks, sortMarks } from './canonical.js';
export { anchorLive, closeAtRevision, goneAtRevision } from './supersede.js';
export { commandRoleAllowed, isCommandType } from './roles.js';
export { byTime, commentAuthor, commentCapReached, commentsByProposal, isCommentEntry, MAX_COMMENTS_PER_PARTICIPANT, MAX_COMMENTS_PER_PROPOSAL, proposalComments } from './comments.js';
