export { findParagraphReferences } from './find-references.js';
export { referenceLinks, paragraphsByKey, type ReferenceLink } from './reference-links.js';
export { rewriteReferences, applyTextEdits, itemEdits, type ReferencesAtRevision, type TextEdit } from './rewrite-references.js';
export type { FlaggedReference, ParagraphReference, ReferenceItem, ReferenceRewrite, Span } from './reference-types.js';
