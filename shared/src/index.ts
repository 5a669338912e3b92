export * from './schema.js';
export * from './ids.js';
export * from './import/import-plain-text.js';
export * from './numbering.js';
export * from './render-inline.js';
export * from './export-text.js';
export * from './document-json.js';
export * from './opening-words.js';
