import type { PositionWord } from '../../brackets/rulebook.js';
import type { Sponsor } from '../../brackets/types.js';
import { alternation, POSITION_WORDS } from './keywords.js';
import { parseSponsors } from './sponsors.js';

/** One delegation list and the position it takes: "US: delete", "EU, Japan retain", "delete - US". */
export interface PositionClause {
  sponsors: Sponsor[];
  word: PositionWord;
}

const KW = `(${alternation([...POSITION_WORDS.delete, ...POSITION_WORDS.retain])})\\.?`;
const NAMED_FIRST = new RegExp(`^(.+?)\\s*(?:[:：]\\s*|\\s)${KW}$`, 'iu');
const HAN_FIRST = new RegExp(`^(\\p{Script=Han}{1,12})${KW}$`, 'iu');
const WORD_FIRST = new RegExp(`^${KW}\\s*(?:[-–—]\\s*(.+)|[(（](.+)[)）])$`, 'iu');
const CLAUSE_SEPARATOR = /\s*[;；؛]\s*/;

export function positionWord(kw: string): PositionWord {
  const k = kw.toLowerCase();
  return POSITION_WORDS.delete.some((w) => w.toLowerCase() === k) ? 'delete' : 'retain';
}

/** One clause, or null if it is not "names + keyword" in one of the grammar's orders. */
export function parseClause(clause: string): PositionClause | null {
  const c = clause.trim();
  const named = NAMED_FIRST.exec(c) ?? HAN_FIRST.exec(c);
  if (named) {
    const sponsors = parseSponsors(named[1]);
    return sponsors ? { sponsors, word: positionWord(named[2]) } : null;
  }
  const first = WORD_FIRST.exec(c);
  if (first) {
    const sponsors = parseSponsors(first[2] ?? first[3]);
    return sponsors ? { sponsors, word: positionWord(first[1]) } : null;
  }
  return null;
}

/** A whole bracket of positions ("G77 delete; EU retain"), or null if any clause is not one. */
export function parsePositions(inner: string): PositionClause[] | null {
  const parts = inner.trim().split(CLAUSE_SEPARATOR).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const out: PositionClause[] = [];
  for (const p of parts) {
    const clause = parseClause(p);
    if (!clause) return null;
    out.push(clause);
  }
  return out;
}

/**
 * A trailing annotation after " - " (Rio+20 style): sponsors, then "; X retain; Y delete".
 * "EU; US delete" → sponsors EU, US delete; "US delete" → no sponsors, US delete.
 */
export function parseAnnotation(s: string): { sponsors: Sponsor[]; clauses: PositionClause[] } | null {
  const parts = s.trim().split(CLAUSE_SEPARATOR).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const clauses: PositionClause[] = [];
  let sponsors: Sponsor[] = [];
  for (const [i, p] of parts.entries()) {
    const clause = parseClause(p);
    if (clause) {
      clauses.push(clause);
      continue;
    }
    const names = i === 0 ? parseSponsors(p) : null;
    if (!names) return null;
    sponsors = names;
  }
  return { sponsors, clauses };
}
