import type { Node as PMNode } from '@tiptap/pm/model';
import type { ParagraphStateLike, ProposalLike, Renumbering, VersionSnapshot } from '../diff/types.js';
import { versionLabels } from './version-labels.js';

export interface VersionInput {
  label: string;
  doc: PMNode;
  proposals: Record<string, ProposalLike>;
  paragraphs: Record<string, ParagraphStateLike>;
  language: string;
  renumbering?: Renumbering[];
}

/**
 * Freezes one version as plain JSON: the document, its brackets (proposal records with sponsors
 * and status), paragraph statuses and the labels it had, so that it can be stored and compared
 * without the schema or a Y.Doc. Records are deep-copied: later changes to the inputs do not leak in.
 */
export function buildVersionSnapshot(v: VersionInput): VersionSnapshot {
  const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const snapshot: VersionSnapshot = {
    label: v.label,
    doc: v.doc.toJSON() as VersionSnapshot['doc'],
    proposals: copy(v.proposals),
    paragraphs: copy(v.paragraphs),
    labels: versionLabels(v.doc),
    language: v.language,
  };
  if (v.renumbering?.length) snapshot.renumbering = copy(v.renumbering);
  return snapshot;
}
