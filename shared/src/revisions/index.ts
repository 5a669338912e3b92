export { renumberAtRevision, type RevisionCleanup } from './renumber-at-revision.js';
export { buildVersionSnapshot, type VersionInput } from './build-version-snapshot.js';
export { versionLabels } from './version-labels.js';
export type { RevisionPreview } from './revision-preview.js';
export type { VersionText } from './version-text.js';
