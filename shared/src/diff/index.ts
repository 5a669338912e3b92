export * from './types.js';
export { compareVersions } from './compare.js';
export { applyComparison, opsText, paragraphTexts, type ParagraphText } from './apply.js';
export { tokenize, tokenBoundaries } from './tokenize.js';
export { diffSequences, type Segment } from './myers.js';
export { normalizeStatus } from './bracket-summary.js';
export { OBJECT_CHAR } from './paragraphs.js';
export { renderComparisonHtml, escapeHtml, type RenderOptions } from './render-html.js';
export { generateTreatyText, type TreatyOptions, type TreatyPair } from './generate.js';
