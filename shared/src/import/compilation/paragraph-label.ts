import { alternation, LATIN_ORDINALS } from './keywords.js';

/**
 * Labels of paragraphs proposed during a negotiation: "5 bis.", "5 ter.", "5 alt.", "5 alt 2",
 * "OP5 bis", "PP3 bis". A Latin ordinal is an added paragraph after 5; "alt" an alternative to 5.
 */
export interface CompilationLabel {
  kind: 'pp' | 'op';
  /** Whether the text named the kind ("PP3 bis", "OP5 bis") or only a number ("5 bis."). */
  named: boolean;
  n: number;
  /** 'added' for bis/ter…, 'alt' for an alternative paragraph. */
  role: 'added' | 'alt';
  /** Characters of the label, with the space after it. */
  length: number;
}

const LABEL = new RegExp(
  `^(PP|OP)?\\s*([0-9０-９]{1,3})\\s*(${alternation(LATIN_ORDINALS)}|alt(?:\\.?\\s*[0-9]{1,2})?)(?![\\p{L}])\\s*[.．:]?(?:\\s+|$)`,
  'iu',
);

export function compilationLabel(text: string): CompilationLabel | null {
  const m = LABEL.exec(text);
  if (!m) return null;
  const digits = m[2].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  return {
    kind: m[1]?.toUpperCase() === 'PP' ? 'pp' : 'op',
    named: m[1] !== undefined,
    n: Number(digits),
    role: /^alt/i.test(m[3]) ? 'alt' : 'added',
    length: m[0].length,
  };
}
