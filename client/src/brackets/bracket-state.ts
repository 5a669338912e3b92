import { i18next } from '../i18n';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Y_GROUPS, Y_PARAGRAPHS, Y_PROPOSALS, paragraphLabels, type ParagraphLabel } from '@accord/shared';
import { bracketCounts, Y_DECISIONS, type BracketCounts, type DecisionEntry, type Group, type ParagraphState, type Proposal } from '@accord/shared/brackets/index';
import { Y_EDITS, type DirectEdit } from '@accord/shared/edits';
import type * as Y from 'yjs';

/** What the bracket views show: records from the server-only Y maps, read against the editor's text. */
export interface BracketView {
  doc: PMNode;
  proposals: Record<string, Proposal>;
  paragraphs: Record<string, ParagraphState>;
  decisions: DecisionEntry[];
  /** Groups of delegations the chair set up (who may speak for which, BR72). */
  groups: Record<string, Group>;
  /** Writers' direct deletions and type-overs, as the server recorded them (shown in the log). */
  edits?: DirectEdit[];
  labels: Map<string, ParagraphLabel>;
  counts: BracketCounts;
  /** Bracket id → paragraph its text first appears in (panel-model's bracketHomes). */
  homes: Map<string, string>;
  /** Block id → its index in the text. */
  order: Map<string, number>;
}

type Records = Pick<BracketView, 'proposals' | 'paragraphs' | 'decisions' | 'edits'> & { groups?: Record<string, Group> };

export function readRecords(ydoc: Y.Doc): Records {
  return {
    edits: ydoc.getArray<DirectEdit>(Y_EDITS).toArray(),
    proposals: ydoc.getMap<Proposal>(Y_PROPOSALS).toJSON() as Record<string, Proposal>,
    paragraphs: ydoc.getMap<ParagraphState>(Y_PARAGRAPHS).toJSON() as Record<string, ParagraphState>,
    decisions: ydoc.getArray<DecisionEntry>(Y_DECISIONS).toArray(),
    groups: ydoc.getMap<Group>(Y_GROUPS).toJSON() as Record<string, Group>,
  };
}

/** The whole view computed from the text (tests; the editor reads its document index instead). */
export function bracketView(doc: PMNode, records: Records): BracketView {
  const order = new Map<string, number>();
  doc.forEach((b, _o, i) => order.set(b.attrs.id as string, i));
  return {
    doc,
    ...records,
    groups: records.groups ?? {},
    labels: paragraphLabels(doc),
    counts: bracketCounts({ doc, proposals: records.proposals }),
    homes: bracketHomes(doc),
    order,
  };
}

/**
 * The paragraph where each bracket's text begins now, in one pass over the text (asking per
 * proposal walks the whole text each time: hundreds of brackets × a treaty-sized text).
 */
export function bracketHomes(doc: PMNode): Map<string, string> {
  const homes = new Map<string, string>();
  doc.forEach((block) => {
    const id = block.attrs.id as string;
    block.forEach((child) => {
      for (const m of child.marks) if (m.type.name === 'bracket' && !homes.has(m.attrs.id as string)) homes.set(m.attrs.id as string, id);
    });
  });
  return homes;
}

const NAMED_BLOCKS = new Set(['title', 'headingLine', 'note', 'footnote']);

/** "OP5 bis", "PP2", or for an unnumbered block what it is ("Title"). */
export function paragraphName(view: Pick<BracketView, 'doc' | 'labels'>, id: string): string {
  const label = view.labels.get(id)?.short;
  if (label) return label;
  let type = 'paragraph';
  view.doc.forEach((b) => {
    if (b.attrs.id === id && NAMED_BLOCKS.has(b.type.name)) type = b.type.name;
  });
  return i18next.t(`blockName.${type}`);
}

/** Calls `listener` whenever proposals, paragraph statuses, the decision log, the record of edits or the groups change. */
export function observeRecords(ydoc: Y.Doc, listener: () => void): () => void {
  const types = [ydoc.getMap(Y_PROPOSALS), ydoc.getMap(Y_PARAGRAPHS), ydoc.getArray(Y_DECISIONS), ydoc.getArray(Y_EDITS), ydoc.getMap(Y_GROUPS)];
  for (const t of types) t.observe(listener);
  return () => types.forEach((t) => t.unobserve(listener));
}
