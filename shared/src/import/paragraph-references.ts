import type { Node as PMNode } from '@tiptap/pm/model';
import { referenceLinks } from '../references/reference-links.js';
import { rewriteReferences } from '../references/rewrite-references.js';

/** A paragraph reference found at import, as links: `targets[i]` is the id of the i-th paragraph it names, or null. */
export interface ImportedReference {
  paragraphId: string;
  /** As written: "paragraphs 5 and 6 above", "上文第 5 和第 6 段". */
  text: string;
  targets: Array<string | null>;
}

/**
 * The paragraph references of an imported text, and a warning for each one that names no paragraph
 * of it or points the wrong way ("paragraph 9 above" in OP3): the secretariat sees at once what the
 * text refers to that Accord cannot follow at the next revision.
 */
export function importReferences(doc: PMNode): { references: ImportedReference[]; warnings: string[] } {
  const references = referenceLinks(doc).map((l) => ({
    paragraphId: l.paragraphId,
    text: l.paragraphText.slice(l.reference.from, l.reference.to),
    targets: l.targets,
  }));
  const warnings = rewriteReferences(doc, doc, []).flagged.map((f) => `${f.label}: reference "${f.text}" not followed at renumbering: ${f.detail}`);
  return { references, warnings };
}
