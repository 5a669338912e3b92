import type { ProposeAction } from './build-proposal';

/** Keyboard shortcuts of propose mode (shown in the help popover). */
export const PROPOSE_SHORTCUTS: Array<[string, string, ProposeAction | 'textFocus']> = [
  ['R', 'Propose replacement (or insertion) — then type', 'textFocus'],
  ['A', 'Propose an alternative — then type', 'alternative'],
  ['B', 'Bracket the selection (reservation)', 'reserve'],
  ['D', 'Propose deleting the selection', 'delete'],
  ['N', 'Propose a new paragraph after this one — then type', 'newParagraph'],
  ['L', 'Propose an alternative to this whole paragraph ("5 alt") — then type', 'paragraphAlternative'],
];
