import type { Sponsor } from '../../brackets/types.js';
import { alternation, ALTERNATIVE_WORDS } from './keywords.js';
import { parseAnnotation, parsePositions, type PositionClause } from './positions.js';
import { parseSponsors } from './sponsors.js';

/** A range of the paragraph's text, [from, to). */
export interface Span {
  from: number;
  to: number;
}

/** What a part of a bracket proposes: its text span, sponsors and positions written with it. */
export interface Attributed {
  text: Span;
  sponsors: Sponsor[];
  clauses: PositionClause[];
}

/**
 * The grammar's reading of one matched bracket `[…]` (`open`, `close` are the bracket characters'
 * indices). `drop`: characters that are grammar, not text (attributions, keywords); they are
 * reported as recognised, never silently lost.
 */
export type BracketForm =
  | { kind: 'positions'; clauses: PositionClause[]; drop: Span[] }
  | { kind: 'alternative'; n: number | null; part: Attributed; drop: Span[] }
  | { kind: 'attributed'; part: Attributed; drop: Span[] }
  | { kind: 'slash'; parts: Attributed[]; drop: Span[] }
  | { kind: 'pending'; warning?: string };

export interface BracketShape {
  open: number;
  close: number;
  /** Index of the first nested bracket's `[` and the last nested bracket's `]` (none: -1). */
  firstChild: number;
  lastChild: number;
}

const ALT = new RegExp(
  `^\\s*(?:${alternation(ALTERNATIVE_WORDS)})\\s*([0-9０-９]{1,2})?\\s*(?:[(（]([^()（）]+)[)）]\\s*|[-–—]\\s*([^:：]+?)\\s*)?[:：.．]\\s*`,
  'iu',
);
const LEADING = /^\s*([^:：[\]]{1,80}?)\s*[:：]\s*/u;
const TRAILING_DASH = /\s+[-–—]\s+([^[\]]{1,200}?)\s*$/u;
const TRAILING_PAREN = /\s*[(（]([^()（）[\]]{1,80})[)）]\s*$/u;
const SLASH = /\s+\/\s+/g;
/** A colon near the start that was not read as sponsors: worth a warning. */
const COLON_PREFIX = /^\s*([^:：[\]\s][^:：[\]]{0,39})[:：]\s*\S/u;

export function classifyBracket(text: string, b: BracketShape): BracketForm {
  const innerFrom = b.open + 1;
  const innerTo = b.close;
  const headTo = b.firstChild >= 0 ? b.firstChild : innerTo;
  const tailFrom = b.lastChild >= 0 ? b.lastChild + 1 : innerFrom;
  const inner = text.slice(innerFrom, innerTo);

  if (b.firstChild < 0) {
    const clauses = parsePositions(inner);
    if (clauses) return { kind: 'positions', clauses, drop: [{ from: innerFrom, to: innerTo }] };
  }

  const alt = ALT.exec(text.slice(innerFrom, headTo));
  if (alt) {
    const named = alt[2] ?? alt[3];
    const sponsors = named !== undefined ? parseSponsors(named) : [];
    if (sponsors) {
      const head = { from: innerFrom, to: innerFrom + alt[0].length };
      const rest = attribute(text, head.to, innerTo, headTo, tailFrom);
      const part = rest ?? { text: { from: head.to, to: innerTo }, sponsors: [], clauses: [], drop: [] };
      const n = alt[1] ? Number(alt[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) : null;
      return {
        kind: 'alternative',
        n,
        part: { text: part.text, sponsors: [...sponsors, ...part.sponsors], clauses: part.clauses },
        drop: [head, ...part.drop],
      };
    }
  }

  if (b.firstChild < 0) {
    const slash = slashParts(text, innerFrom, innerTo);
    if (slash) return slash;
  }

  const part = attribute(text, innerFrom, innerTo, headTo, tailFrom);
  if (part) return { kind: 'attributed', part: { text: part.text, sponsors: part.sponsors, clauses: part.clauses }, drop: part.drop };

  const colon = COLON_PREFIX.exec(text.slice(innerFrom, headTo));
  if (colon) return { kind: 'pending', warning: `"${colon[1].trim()}:" not read as sponsors` };
  return { kind: 'pending' };
}

/**
 * Sponsors written before (`EU: text`) or after (`text - EU`, `text (EU)`) the text in
 * [from, to); `headTo`/`tailFrom` bound where an attribution may be (outside nested brackets).
 */
function attribute(text: string, from: number, to: number, headTo: number, tailFrom: number): (Attributed & { drop: Span[] }) | null {
  const lead = LEADING.exec(text.slice(from, headTo));
  if (lead) {
    const sponsors = parseSponsors(lead[1]);
    const textFrom = from + lead[0].length;
    if (sponsors && textFrom < to) return { text: { from: textFrom, to }, sponsors, clauses: [], drop: [{ from, to: textFrom }] };
  }
  const tail = text.slice(Math.max(from, tailFrom), to);
  const offset = Math.max(from, tailFrom);
  const dash = TRAILING_DASH.exec(tail);
  if (dash) {
    const ann = parseAnnotation(dash[1]);
    const at = offset + dash.index;
    if (ann && (ann.sponsors.length || ann.clauses.length) && at > from) {
      return { text: { from, to: at }, sponsors: ann.sponsors, clauses: ann.clauses, drop: [{ from: at, to }] };
    }
  }
  const paren = TRAILING_PAREN.exec(tail);
  if (paren) {
    const sponsors = parseSponsors(paren[1]);
    const at = offset + paren.index;
    if (sponsors && at > from) return { text: { from, to: at }, sponsors, clauses: [], drop: [{ from: at, to }] };
  }
  return null;
}

/** `[promoting sustainable - US / changing unsustainable - EU]`: every part attributed. */
function slashParts(text: string, from: number, to: number): BracketForm | null {
  const cuts: Span[] = [];
  const inner = text.slice(from, to);
  for (const m of inner.matchAll(SLASH)) cuts.push({ from: from + m.index, to: from + m.index + m[0].length });
  if (cuts.length === 0) return null;
  const parts: Attributed[] = [];
  const drop: Span[] = [...cuts];
  let start = from;
  for (const cut of [...cuts, { from: to, to }]) {
    const part = attribute(text, start, cut.from, cut.from, start);
    if (!part || part.sponsors.length === 0) return null;
    parts.push({ text: part.text, sponsors: part.sponsors, clauses: part.clauses });
    drop.push(...part.drop);
    start = cut.to;
  }
  return { kind: 'slash', parts, drop };
}
