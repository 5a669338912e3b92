import { schema } from '@accord/shared';
import type { BlockSnapshot, DecisionEntry } from '@accord/shared/brackets/index';
import { renderInline } from '@accord/shared/render-inline';

/** A block as it read, as UN-style plain text (brackets written `[…]`, struck text left out). */
function blockText(b: BlockSnapshot): string | null {
  if (!b.node) return null;
  try {
    return renderInline(schema.nodeFromJSON(b.node));
  } catch {
    return null;
  }
}

export interface DecisionView {
  id: string;
  at: string;
  by: string;
  action: DecisionEntry['action'];
  proposalId: string | null;
  paragraphId: string | null;
  undoes: string | null;
  /** For a `revision` entry: the revision's label. */
  revision: string | null;
  /** Open proposals this entry superseded (BR32) or, for a revision, closed because their text was gone (BR34). */
  superseded: string[];
  /** Paragraph statuses set by the decision (status changes and accepted/removed paragraphs). */
  paragraphs: DecisionEntry['paragraphs'];
  /** Each block the decision changed, as plain text before and after (null: it did not exist). */
  text: { paragraphId: string; before: string | null; after: string | null }[];
  /** The stored log entry, whole. */
  entry: DecisionEntry;
}

/** The decision log as GET /api/sessions/:id/decisions serves it, oldest first. */
export function decisionLogView(entries: DecisionEntry[]): DecisionView[] {
  return entries.map((e) => {
    const ids = [...new Set([...e.before.map((b) => b.id), ...e.after.map((b) => b.id)])];
    const before = new Map(e.before.map((b) => [b.id, blockText(b)]));
    const after = new Map(e.after.map((b) => [b.id, blockText(b)]));
    return {
      id: e.id,
      at: new Date(e.at).toISOString(),
      by: e.by,
      action: e.action,
      proposalId: e.proposalId ?? null,
      paragraphId: e.paragraphId ?? null,
      undoes: e.undoes ?? null,
      revision: e.revision ?? null,
      superseded: e.proposals.filter((c) => c.after.status === 'superseded').map((c) => c.id),
      paragraphs: e.paragraphs,
      text: ids.map((id) => ({ paragraphId: id, before: before.get(id) ?? null, after: after.get(id) ?? null })),
      entry: e,
    };
  });
}
