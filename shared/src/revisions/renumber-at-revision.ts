import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import type { Renumbering } from '../diff/types.js';
import { rewriteReferences } from '../references/rewrite-references.js';
import type { FlaggedReference, ReferenceRewrite } from '../references/reference-types.js';
import { versionLabels } from './version-labels.js';

export interface RevisionCleanup {
  /** The text as the revision freezes it. `=== doc` when nothing had to change. */
  doc: PMNode;
  /** Old label → new label for every paragraph whose label changed, in document order. */
  renumbering: Renumbering[];
  /** Ids of the blocks dropped because all their text had been struck or the paragraph deleted. */
  removed: string[];
  /** Paragraph references rewritten to the new numbers ("第 5 和第 6 段" → "第 6 和第 7 段"), part of the renumbering record. */
  references: ReferenceRewrite[];
  /** References left as written because what they name is deleted, missing or unclear: for the chair before issuing. */
  flagged: FlaggedReference[];
}

const isStruck = (n: PMNode) => n.marks.some((m) => m.type.name === 'struck');

/** A block's content without struck inline nodes; adjacent text with equal marks joins up again. */
function withoutStruck(block: PMNode): Fragment {
  let out = Fragment.empty;
  block.forEach((child) => {
    if (!isStruck(child)) out = out.append(Fragment.from(child));
  });
  return out;
}

/**
 * What issuing a revision does to the live text (PRODUCT.md: deletions stay visible "until the
 * next revision"; bis/ter numbering holds "until the chair issues a new revision"):
 *  - struck text is dropped; a block that had text and is left with none, or whose paragraph
 *    status is `deleted`, is dropped;
 *  - `added` is cleared, so "5 bis" becomes a plain number and later paragraphs shift;
 *  - the label changes are returned so a comparison can show "5 bis → 6";
 *  - paragraph references in the text ("paragraph 5 above", "上文第 5 段") follow the new numbers
 *    in the same change, or are flagged when they cannot (references/rewrite-references.ts).
 * Pure: returns a new doc and never touches `doc`.
 */
export function renumberAtRevision(doc: PMNode, paragraphStatus: (id: string) => string | undefined = () => undefined): RevisionCleanup {
  const before = versionLabels(doc);
  const kept: PMNode[] = [];
  const removed: string[] = [];
  let changed = false;
  doc.forEach((block) => {
    const id = (block.attrs.id as string | null) ?? null;
    const content = withoutStruck(block);
    const emptied = block.childCount > 0 && content.childCount === 0;
    if ((id && paragraphStatus(id) === 'deleted') || emptied) {
      if (id) removed.push(id);
      changed = true;
      return;
    }
    const clearAdded = 'added' in block.attrs && block.attrs.added != null;
    if (!clearAdded && content.eq(block.content)) {
      kept.push(block);
      return;
    }
    changed = true;
    kept.push(block.type.create(clearAdded ? { ...block.attrs, added: null } : block.attrs, content, block.marks));
  });
  if (!changed) return { doc, renumbering: [], removed: [], references: [], flagged: rewriteReferences(doc, doc, []).flagged };
  // A doc needs one block: a text struck from end to end keeps its first block, emptied.
  if (kept.length === 0) {
    const first = doc.firstChild!;
    kept.push(first.type.create({ ...first.attrs, ...('added' in first.attrs ? { added: null } : {}) }));
    const at = removed.indexOf(first.attrs.id as string);
    if (at >= 0) removed.splice(at, 1);
  }
  const renumbered = doc.type.create(doc.attrs, kept);
  const { doc: next, references, flagged } = rewriteReferences(doc, renumbered, removed);
  const after = versionLabels(next);
  const renumbering: Renumbering[] = [];
  for (const [paragraphId, to] of Object.entries(after)) {
    const from = before[paragraphId];
    if (from !== undefined && from !== to) renumbering.push({ paragraphId, from, to });
  }
  return { doc: next, renumbering, removed, references, flagged };
}
