import { isChapeau } from './chapeau.js';
import { numberPrefix, subParagraphPrefix } from './paragraph-numbers.js';
import { isPreambularOpening } from './pp-openings.js';
import { compilationLabel } from './compilation/paragraph-label.js';

/** Does this line open a paragraph by its own words (a number, "(a)", a PP opening, the chapeau)? */
export function startsParagraph(text: string): boolean {
  return (
    numberPrefix(text) !== null ||
    compilationLabel(text) !== null ||
    subParagraphPrefix(text) !== null ||
    isPreambularOpening(text) ||
    isChapeau(text)
  );
}

/** Only a label, its text on the next line ("1." ⏎ "Decides…"). */
export function isBareLabel(text: string): boolean {
  const n = numberPrefix(text);
  const s = subParagraphPrefix(text);
  const c = compilationLabel(text);
  return (n !== null && n.length === text.length) || (s !== null && s.length === text.length) || (c !== null && c.length === text.length);
}

/** A footnote marker after the final punctuation ("…报告；5") does not hide how the sentence ends. */
const TRAILING_MARKER = /(?<=[。；;：:.!?！？，,、،》”’）)])\d{1,3}$/;

/** Ends a sentence or a paragraph: a line break after this is not a wrap inside a clause. */
export function endsSentence(text: string): boolean {
  return /[。；;：:.!?！？]$/.test(text.replace(TRAILING_MARKER, ''));
}

/** Ends a clause: PPs end with a comma ("…，" / "…,"), so a blank line after it is a real break. */
export function endsClause(text: string): boolean {
  return endsSentence(text) || /[，,、،]$/.test(text.replace(TRAILING_MARKER, ''));
}

/** A heading line that cannot end here: "…使用信息和" ⏎ "通信技术…". */
export function endsWithConnective(text: string): boolean {
  return /[和与及的之或并对为以在于、\-‐]$/.test(text) || /\b(?:and|or|of|the|for|on|to|in|de|des|du|et|y|del|la|le|и|в|на|по)$/i.test(text);
}
