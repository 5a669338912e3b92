import type { BracketState } from './types.js';

export interface BracketCounts {
  total: number;
  byParagraph: Record<string, number>;
}

/**
 * BR50: the open bracket count. One per open proposal, except that the alternatives of one group
 * are one bracket; pending brackets in the text that have no record yet count too. A bracket
 * counts in the paragraph where its text now is (else where it was proposed).
 */
export function bracketCounts(state: Pick<BracketState, 'doc' | 'proposals'>): BracketCounts {
  const where = new Map<string, string>();
  const pendingMarks = new Map<string, string>();
  state.doc.forEach((block) => {
    block.forEach((child) => {
      for (const m of child.marks) {
        if (m.type.name !== 'bracket') continue;
        const id = m.attrs.id as string;
        if (!where.has(id)) where.set(id, block.attrs.id as string);
        if (m.attrs.role === 'pending' && !pendingMarks.has(id)) pendingMarks.set(id, block.attrs.id as string);
      }
    });
  });
  return bracketCountsFrom(where, pendingMarks, state.proposals);
}

/**
 * BR50 from the bracket homes already known: `where` maps each bracket id in the text to the
 * paragraph it first appears in, `pendingMarks` each id with a pending-role mark likewise (an
 * editor keeps both up to date block by block instead of rescanning the text).
 */
export function bracketCountsFrom(where: ReadonlyMap<string, string>, pendingMarks: ReadonlyMap<string, string>, proposals: BracketState['proposals']): BracketCounts {
  const keys = new Map<string, string>();
  for (const p of Object.values(proposals)) {
    if (p.status !== 'open') continue;
    keys.set(p.group ? `g:${p.group}` : p.id, where.get(p.id) ?? p.paragraphId);
  }
  for (const [id, para] of pendingMarks) {
    if (!proposals[id] && !keys.has(id)) keys.set(id, para);
  }
  const byParagraph: Record<string, number> = {};
  for (const para of keys.values()) byParagraph[para] = (byParagraph[para] ?? 0) + 1;
  return { total: keys.size, byParagraph };
}
