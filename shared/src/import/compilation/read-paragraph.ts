import { newId } from '../../ids.js';
import { positionWording } from '../../brackets/rulebook.js';
import type { ParagraphState, Proposal, Sponsor } from '../../brackets/types.js';
import type { MarkSpan } from '../inline-content.js';
import type { BracketPair } from '../match-brackets.js';
import { classifyBracket, type Attributed, type Span } from './bracket-forms.js';
import type { PositionClause } from './positions.js';
import { findStatusNote, looksLikeStatusNote } from './status-note.js';

/** A proposal as read from the text; its `text`/`anchorText` are filled from the built paragraph. */
export type ReadProposal = Omit<Proposal, 'createdAt' | 'updatedAt'>;

export interface ParagraphReading {
  spans: MarkSpan[];
  drop: Set<number>;
  proposals: ReadProposal[];
  status?: ParagraphState;
  /** Grammar read (attributions, keywords, notes), in the order of the text. */
  recognised: string[];
  /** What looked like grammar but was not understood: a sentence and the offset in the paragraph. */
  warnings: { at: number; message: string }[];
}

/**
 * Records positions on a proposal, worded by the rulebook (BR52): "retain" supports a proposal and
 * "delete" opposes it, the other way round for a deletion. A later statement of the same delegation
 * replaces its earlier one; a sponsor's "retain" on its own text says nothing new.
 */
export function addPositions(p: ReadProposal, clauses: PositionClause[]): void {
  const words = positionWording(p.kind);
  const key = (x: Sponsor) => `${x.name}|${x.via ?? ''}`;
  for (const c of clauses) {
    const list = c.word === words.supporters ? p.supporters : p.opposers;
    const other = list === p.supporters ? p.opposers : p.supporters;
    for (const s of c.sponsors) {
      const was = other.findIndex((x) => key(x) === key(s));
      if (was >= 0) other.splice(was, 1);
      if (!list.some((x) => key(x) === key(s)) && !(list === p.supporters && p.sponsors.some((x) => key(x) === key(s)))) list.push(s);
    }
  }
}

export interface ReadOptions {
  blockId: string;
  /** PPs and OPs carry status notes; other blocks keep a trailing "(agreed)" as text. */
  statusNotes: boolean;
  /** A labelled proposed paragraph ("5 bis."): positions after its text are positions on it. */
  proposed?: boolean;
}

/**
 * Reads one paragraph's compilation grammar: each matched bracket becomes a proposal (attributed
 * text, alternatives, positions on the bracket before, placeholders as pending), a trailing status
 * note becomes the paragraph's status. Whatever is not understood stays text and is warned about.
 */
export function readParagraph(text: string, pairs: BracketPair[], opts: ReadOptions): ParagraphReading {
  const r: ParagraphReading = { spans: [], drop: new Set(), proposals: [], recognised: [], warnings: [] };
  const dropped: Span[] = [];
  const drop = (s: Span) => {
    if (s.to > s.from) dropped.push(s);
  };
  let end = text.length;
  if (opts.statusNotes) {
    const note = findStatusNote(text);
    if (note && !pairs.some((p) => p.close >= note.from)) {
      r.status = note.state;
      drop({ from: note.from, to: text.length });
      end = note.from;
    } else {
      const odd = looksLikeStatusNote(text);
      if (odd) r.warnings.push({ at: text.lastIndexOf(odd), message: `note "${odd}" not read as a paragraph status` });
    }
  }

  const record = (p: ReadProposal) => {
    r.proposals.push(p);
    return p;
  };
  const base = (kind: Proposal['kind'], sponsors: Sponsor[]): ReadProposal => ({
    id: newId('b'),
    kind,
    paragraphId: opts.blockId,
    sponsors,
    supporters: [],
    opposers: [],
    status: 'open',
  });
  const hasText = (s: Span) => /\S/.test(text.slice(s.from, s.to));

  // Siblings in order: positions apply to the bracket just before; alternatives group with theirs.
  const children = new Map<number, number[]>();
  pairs.forEach((p, i) => children.set(p.parent, [...(children.get(p.parent) ?? []), i]));
  const state = new Map<number, { target: ReadProposal | null; alt: ReadProposal | null }>();

  pairs.forEach((pair, i) => {
    const kids = children.get(i) ?? [];
    const shape = {
      open: pair.open,
      close: pair.close,
      firstChild: kids.length ? pairs[kids[0]].open : -1,
      lastChild: kids.length ? pairs[kids[kids.length - 1]].close : -1,
    };
    const siblings = children.get(pair.parent)!;
    const prevIndex = siblings[siblings.indexOf(i) - 1];
    const adjacent = prevIndex !== undefined && text.slice(pairs[prevIndex].close + 1, pair.open).trim() === '';
    const prev = adjacent ? state.get(prevIndex) : undefined;
    let form = classifyBracket(text, shape);
    const parts: Attributed[] = form.kind === 'attributed' || form.kind === 'alternative' ? [form.part] : form.kind === 'slash' ? form.parts : [];
    if (parts.some((p) => !hasText(p.text))) form = { kind: 'pending' };

    const bracketChars = () => {
      drop({ from: pair.open, to: pair.open + 1 });
      drop({ from: pair.close, to: pair.close + 1 });
    };
    switch (form.kind) {
      case 'positions': {
        const atEnd = pair.parent < 0 && text.slice(pair.close + 1, end).trim() === '';
        const target = prev?.target ?? null;
        if (target) {
          addPositions(target, form.clauses);
        } else if (atEnd && (opts.proposed || form.clauses.some((c) => c.word === 'delete'))) {
          // After a paragraph's text, not after a bracket: positions on the whole paragraph (on a
          // proposed paragraph, asNewParagraph makes them positions on its proposal).
          const del = form.clauses.filter((c) => c.word === 'delete');
          const p = record(base('deleteParagraph', del[0]?.sponsors ?? []));
          addPositions(p, [...del.slice(1), ...form.clauses.filter((c) => c.word === 'retain')]);
          state.set(i, { target: p, alt: null });
          let from = pair.open;
          while (from > 0 && /\s/.test(text[from - 1]) && !pairs.some((x) => x.close === from - 1)) from--;
          drop({ from, to: pair.close + 1 });
          return;
        } else {
          r.warnings.push({ at: pair.open, message: `positions "${text.slice(pair.open, pair.close + 1)}" follow no bracket: kept as a pending bracket` });
          const p = record(base('pending', []));
          r.spans.push({ from: pair.open + 1, to: pair.close, id: p.id, role: 'pending' });
          bracketChars();
          state.set(i, { target: p, alt: null });
          return;
        }
        if (prevIndex !== undefined) drop({ from: pairs[prevIndex].close + 1, to: pair.open });
        drop({ from: pair.open, to: pair.close + 1 });
        state.set(i, { target, alt: prev?.alt ?? null });
        return;
      }
      case 'alternative': {
        const last = prev?.alt ?? null;
        const joins = last !== null && (form.n === null || form.n > (last.alt ?? 1));
        const p = base('alternative', form.part.sponsors);
        p.group = joins ? last.group : p.id;
        p.alt = form.n ?? (joins ? (last.alt ?? 1) + 1 : 1);
        if (!joins && p.sponsors.length === 0) p.existing = true;
        record(p);
        addPositions(p, form.part.clauses);
        r.spans.push({ ...form.part.text, id: p.id, role: 'alt', alt: p.alt });
        form.drop.forEach(drop);
        bracketChars();
        state.set(i, { target: p, alt: p });
        return;
      }
      case 'slash': {
        let group = '';
        form.parts.forEach((part, k) => {
          const p = base('alternative', part.sponsors);
          group ||= p.id;
          p.group = group;
          p.alt = k + 1;
          record(p);
          addPositions(p, part.clauses);
          r.spans.push({ ...part.text, id: p.id, role: 'alt', alt: p.alt });
        });
        form.drop.forEach(drop);
        bracketChars();
        const lastPart = r.proposals[r.proposals.length - 1];
        state.set(i, { target: lastPart, alt: lastPart });
        return;
      }
      case 'attributed': {
        const p = record(base('insert', form.part.sponsors));
        addPositions(p, form.part.clauses);
        r.spans.push({ ...form.part.text, id: p.id, role: 'insert' });
        form.drop.forEach(drop);
        bracketChars();
        state.set(i, { target: p, alt: null });
        return;
      }
      case 'pending': {
        if (form.warning) r.warnings.push({ at: pair.open, message: form.warning });
        const p = record(base('pending', []));
        r.spans.push({ from: pair.open + 1, to: pair.close, id: p.id, role: 'pending' });
        bracketChars();
        state.set(i, { target: p, alt: null });
      }
    }
  });

  dropped.sort((a, b) => a.from - b.from);
  for (const s of dropped) for (let k = s.from; k < s.to; k++) r.drop.add(k);
  // Bracket characters are written back as marks; every other dropped character is grammar read.
  const isBracketChar = (s: Span) => s.to - s.from === 1 && pairs.some((p) => p.open === s.from || p.close === s.from);
  for (const s of dropped) if (!isBracketChar(s)) r.recognised.push(text.slice(s.from, s.to));
  return r;
}
