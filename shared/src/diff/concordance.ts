import type { BracketSummary, ConcordanceRow, ParagraphComparison } from './types.js';

/**
 * New paragraph label ← old label(s), for every paragraph that was renumbered, moved, merged,
 * added or deleted, with the delegations whose proposals in those paragraphs were accepted
 * between the two versions. Blocks without labels (notes, heading lines) are left out.
 */
export function buildConcordance(entries: ParagraphComparison[], brackets: BracketSummary): ConcordanceRow[] {
  const accepted = new Map<string, Set<string>>();
  for (const ev of brackets.events) {
    if (ev.change !== 'accepted' || !ev.paragraphId) continue;
    let s = accepted.get(ev.paragraphId);
    if (!s) accepted.set(ev.paragraphId, (s = new Set()));
    for (const d of ev.sponsors) s.add(d);
  }
  for (const p of brackets.paragraphsAdded) {
    if (p.sponsors.length === 0) continue;
    let s = accepted.get(p.paragraphId);
    if (!s) accepted.set(p.paragraphId, (s = new Set()));
    for (const d of p.sponsors) s.add(d);
  }

  const mergedInto = new Map<string, ParagraphComparison[]>();
  for (const e of entries) {
    if (e.status !== 'deleted' || !e.mergedInto) continue;
    const list = mergedInto.get(e.mergedInto) ?? [];
    list.push(e);
    mergedInto.set(e.mergedInto, list);
  }

  const delegationsOf = (ids: string[]): string[] => {
    const out = new Set<string>();
    for (const id of ids) for (const d of accepted.get(id) ?? []) out.add(d);
    return [...out].sort();
  };

  const rows: ConcordanceRow[] = [];
  for (const e of entries) {
    if (e.status === 'deleted') {
      if (e.mergedInto || !e.labelFrom) continue;
      rows.push({ to: null, toId: null, from: [e.labelFrom], fromIds: [e.id], delegations: [], note: 'deleted' });
      continue;
    }
    const sources = mergedInto.get(e.id) ?? [];
    const from: string[] = [];
    const fromIds: string[] = [];
    if (e.a) {
      from.push(e.labelFrom ?? e.a.label);
      fromIds.push(e.id);
    }
    for (const s of sources) {
      from.push(s.labelFrom ?? '');
      fromIds.push(s.id);
    }
    const to = e.labelTo ?? e.b?.label ?? '';
    if (to === '' && from.every((l) => l === '')) continue;
    let note: ConcordanceRow['note'] | null = null;
    if (from.length > 1) note = 'merged';
    else if (from.length === 0) note = 'new';
    else if (from[0] !== to) note = 'renumbered';
    else if (e.status === 'moved') note = 'moved';
    if (!note) continue;
    rows.push({ to, toId: e.id, from, fromIds, delegations: delegationsOf([e.id, ...fromIds]), note });
  }
  return rows;
}
