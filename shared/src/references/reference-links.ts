import type { Node as PMNode } from '@tiptap/pm/model';
import { paragraphLabels } from '../numbering.js';
import { blockText, holdsReferences, MAY_REFER } from './block-text.js';
import { findParagraphReferences } from './find-references.js';
import type { ParagraphReference } from './reference-types.js';

/**
 * A paragraph reference read as links to paragraph ids.
 *
 * Why links are derived from the text, not stored (neither a mark attribute nor a server-side map):
 * in a UN text the number written is the reference, and it means the paragraph that has that
 * number in the current numbering. Numbers do not move between revisions (new paragraphs are
 * "5 bis", deleted ones stay, struck, until the revision), so reading the live text against the live
 * numbering when a revision is prepared gives exactly the link the writer meant, also for a
 * reference typed a minute ago by the chair, pasted in by the secretariat or written by a Yjs client
 * that knows nothing of marks. A stored link would have to follow every keystroke inside "5" and
 * would disagree with the visible number as soon as someone edits it; the text would then say one
 * thing and the link another. So a link is computed on demand: at import (import/paragraph-references.ts
 * warns about numbers that name no paragraph), in the revision preview and when the revision is
 * issued (rewrite-references.ts).
 */
export interface ReferenceLink {
  /** The paragraph holding the reference. */
  paragraphId: string;
  /** The holding paragraph's text (block-text.ts), which the reference's offsets index. */
  paragraphText: string;
  reference: ParagraphReference;
  /** Per item of the reference, the id of the paragraph it names, or null when no paragraph has that label. */
  targets: Array<string | null>;
}

/** Label key → paragraph id, for OPs (with sub-paragraphs) and PPs: "5", "5 bis", "5(a)", "PP3". */
export function paragraphsByKey(doc: PMNode, labels = paragraphLabels(doc)): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [id, l] of labels) {
    const key = referenceKey(l.short);
    if (key !== null) byKey.set(key, id);
  }
  return byKey;
}

/** "OP5 bis" → "5 bis", "OP3(a)(ii)" → "3(a)(ii)", "PP3" → "PP3", "fn1" → null. */
export function referenceKey(short: string): string | null {
  if (short.startsWith('OP')) return short.slice(2);
  if (short.startsWith('PP')) return short;
  return null;
}

/** Every paragraph reference in the PPs, OPs and footnotes of `doc`, resolved against its numbering. */
export function referenceLinks(doc: PMNode, byKey: Map<string, string> = paragraphsByKey(doc)): ReferenceLink[] {
  const links: ReferenceLink[] = [];
  doc.forEach((block) => {
    const id = block.attrs.id as string | null;
    if (!id || !holdsReferences(block) || !MAY_REFER.test(block.textContent)) return;
    const paragraphText = blockText(block);
    for (const reference of findParagraphReferences(paragraphText)) {
      links.push({ paragraphId: id, paragraphText, reference, targets: reference.items.map((i) => byKey.get(i.key) ?? null) });
    }
  });
  return links;
}
