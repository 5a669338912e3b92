import { latinOrdinalSuffix, toLetters as letters, toRoman as roman } from '../label-formats.js';
import type { Paragraph } from './paragraphs.js';

/** The n-th paragraph added after the same number: 1 → "bis", 2 → "ter"… */
const suffix = (n: number): string => latinOrdinalSuffix(n + 1);

/**
 * Fallback paragraph labels, used only when a snapshot carries no `labels` (the authoritative
 * ones come from shared/src/numbering.ts): PP1, PP2…; 1, 2…; 3 (a); 3 (a) (ii); a paragraph with
 * `added` set after OP5 is "5 bis", then "5 ter"…
 */
export function fallbackLabels(paragraphs: Paragraph[]): Map<string, string> {
  const out = new Map<string, string>();
  let pp = 0;
  let ppExtra = 0;
  let op = 0;
  let opExtra = 0;
  let sub = 0;
  let subExtra = 0;
  let subsub = 0;
  let opLabel = '';
  let subLabel = '';
  for (const p of paragraphs) {
    let label = '';
    if (p.type === 'preambular') {
      if (p.added && pp > 0) label = `PP${pp} ${suffix(++ppExtra)}`;
      else {
        pp++;
        ppExtra = 0;
        label = `PP${pp}`;
      }
    } else if (p.type === 'operative') {
      if (p.level <= 0) {
        if (p.added && op > 0) opLabel = `${op} ${suffix(++opExtra)}`;
        else {
          op++;
          opExtra = 0;
          opLabel = String(op);
        }
        sub = 0;
        subExtra = 0;
        label = opLabel;
      } else if (p.level === 1) {
        if (p.added && sub > 0) subLabel = `(${letters(sub)} ${suffix(++subExtra)})`;
        else {
          sub++;
          subExtra = 0;
          subLabel = `(${letters(sub)})`;
        }
        subsub = 0;
        label = `${opLabel} ${subLabel}`.trim();
      } else {
        subsub++;
        label = `${opLabel} ${subLabel} (${roman(subsub)})`.trim();
      }
    } else if (p.type === 'title') {
      label = 'title';
    } else if (p.type === 'footnote') {
      label = `fn ${p.kind.slice('footnote:'.length)}`;
    }
    out.set(p.key, label);
  }
  return out;
}

/**
 * A label as the editor's gutter and bracket panel write it: "OP1", "OP5 bis", "OP3(a)", "fn1"
 * (numbering.ts `short`); PP labels are already so. Versions store and renumbering records keep
 * the printed form ("5 bis", "3(a)", a footnote's marker), so the compare engine converts here.
 */
export function editorLabel(label: string, type: string): string {
  if (type === 'operative' && /^\d/.test(label)) return `OP${label.replace(/ \(/g, '(')}`;
  if (type === 'footnote' && label) return `fn${label.replace(/^fn\s*/, '')}`;
  return label;
}
