import type { ProposeAction } from './build-proposal';

/** Keyboard shortcuts of propose mode: key, what it does (a key of `propose.shortcut.*`), action. */
export const PROPOSE_SHORTCUTS: Array<[string, string, ProposeAction | 'textFocus']> = [
  ['R', 'replace', 'textFocus'],
  ['A', 'alternative', 'alternative'],
  ['B', 'reserve', 'reserve'],
  ['D', 'delete', 'delete'],
  ['N', 'newParagraph', 'newParagraph'],
  ['L', 'paragraphAlternative', 'paragraphAlternative'],
];
