export * from './types.js';
export { applyCommand, checkCommand, canApply } from './apply.js';
export { bracketCounts, type BracketCounts } from './counts.js';
export { orphanedProposals, LOCKED } from './context.js';
export { proposalLabel, sponsorLabel, compilationText } from './labels.js';
export { pendingRecords } from './pending.js';
export { blockText, findBlock, resolveAnchor, LEAF_CHAR } from './doc.js';
export { merge3 } from './undo.js';
export { applyCommandToYDoc, readBracketState, writeBody, Y_DECISIONS } from './ydoc.js';
