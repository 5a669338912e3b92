import type { Renumbering } from '../diff/types.js';
import type { FlaggedReference, ReferenceRewrite } from '../references/reference-types.js';

/**
 * What issuing a revision now would do to the live text (`GET /api/sessions/:id/revisions/preview`,
 * docs/api.md): the label changes, the paragraph references it would rewrite, and the references it
 * cannot follow, for the chair to see before issuing.
 */
export interface RevisionPreview {
  renumbering: Renumbering[];
  references: ReferenceRewrite[];
  flagged: FlaggedReference[];
}
