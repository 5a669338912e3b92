import { asciiDigits, DIGIT_CLASS, latinLetter, SUB_LETTER } from './label-scripts.js';
import { referenceGrammars, type ReferenceGrammar } from './reference-grammars.js';
import type { ParagraphReference, ReferenceItem } from './reference-types.js';

const SUFFIXES = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies';

/**
 * One paragraph number: "5", "٥", "5 bis", then "(a)" / "（a）" and "(ii)", or the French and
 * Spanish "5 a)". Not a number that goes on ("5.2", "74/247", "5,000") or runs into a Latin or
 * Cyrillic word ("5th").
 */
const ITEM = new RegExp(
  `(?<number>[${DIGIT_CLASS}]+(?:\\s+(?:${SUFFIXES})(?![\\p{L}]))?)(?![${DIGIT_CLASS}]|[.,/][${DIGIT_CLASS}]|[\\p{Script=Latin}\\p{Script=Cyrillic}])` +
    `(?:\\s*[(（]\\s*(?<sub>${SUB_LETTER})\\s*[)）](?:\\s*[(（]\\s*(?<subsub>[ivxl]{1,6})\\s*[)）])?|\\s+(?<latinSub>[a-z])\\))?`,
  'duy',
);

/**
 * Every reference to paragraphs of the same text in `text`, in any of the six UN languages, in
 * order and without overlaps. Pure; never throws. Offsets are UTF-16 indices into `text`.
 */
export function findParagraphReferences(text: string): ParagraphReference[] {
  const found: ParagraphReference[] = [];
  for (const g of referenceGrammars) {
    g.start.lastIndex = 0;
    for (let m = g.start.exec(text); m; m = g.start.exec(text)) {
      const ref = readReference(text, g, m);
      if (ref) found.push(ref);
      g.start.lastIndex = Math.max(ref?.to ?? 0, m.index + m[0].length);
    }
  }
  found.sort((a, b) => a.from - b.from);
  return found.filter((r, i) => i === 0 || r.from >= found[i - 1].to);
}

function readReference(text: string, g: ReferenceGrammar, start: RegExpExecArray): ParagraphReference | null {
  const pp = start.groups?.pp !== undefined;
  let at = start.index + start[0].length;
  const items: ReferenceItem[] = [];
  const first = readItem(text, at, pp);
  if (!first) return null;
  items.push(first.item);
  at = first.end;
  for (;;) {
    const j = sticky(g.joiner, text, at);
    if (!j) break;
    const next = readItem(text, at + j[0].length, pp);
    if (!next) break;
    items[items.length - 1].throughNext = j.groups?.range !== undefined;
    items.push(next.item);
    at = next.end;
  }
  if (g.end) {
    g.end.lastIndex = at;
    const e = g.end.exec(text);
    if (!e) return null;
    at += e[0].length;
  }
  let direction: ParagraphReference['direction'] = start.groups?.above ? 'above' : start.groups?.below ? 'below' : null;
  const d = g.direction && sticky(g.direction, text, at);
  if (d) {
    direction = d.groups?.above ? 'above' : 'below';
    at += d[0].length;
  } else if (!direction) {
    if (g.external && sticky(g.external, text, at)) return null;
    if (g.externalBefore?.test(text.slice(Math.max(0, start.index - 12), start.index))) return null;
  }
  return { from: start.index, to: at, items, direction };
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function readItem(text: string, at: number, pp: boolean): { item: ReferenceItem; end: number } | null {
  const m = sticky(ITEM, text, at);
  if (!m?.indices?.groups) return null;
  const span = (name: string) => {
    const s = m.indices!.groups![name];
    return s ? { from: s[0], to: s[1] } : undefined;
  };
  const number = span('number')!;
  const sub = pp ? undefined : (span('sub') ?? span('latinSub'));
  const subsub = sub ? span('subsub') : undefined;
  // A preambular paragraph has no sub-paragraphs: "(a)" after "preambular paragraph 3" is not its part.
  const end = pp ? number.to : m.index + m[0].length;
  const n = asciiDigits(text.slice(number.from, number.to)).replace(/\s+/g, ' ').toLowerCase();
  let key = pp ? `PP${n}` : n;
  if (sub) key += `(${latinLetter(text.slice(sub.from, sub.to))})`;
  if (subsub) key += `(${text.slice(subsub.from, subsub.to)})`;
  return { item: { number, sub, subsub, key, throughNext: false }, end };
}
