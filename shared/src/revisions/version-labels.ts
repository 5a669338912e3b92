import type { Node as PMNode } from '@tiptap/pm/model';
import { paragraphLabels } from '../numbering.js';

/**
 * Paragraph labels by block id, in the form the compare engine shows them: "PP3", "5 bis",
 * sub-paragraphs with their OP ("3(a)", "3(a)(ii)") so that a concordance row is unambiguous.
 */
export function versionLabels(doc: PMNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, l] of paragraphLabels(doc)) out[id] = /^OP\d.*\(/.test(l.short) ? l.short.slice(2) : l.label;
  return out;
}
