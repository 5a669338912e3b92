export * from './schema.js';
export * from './ids.js';
