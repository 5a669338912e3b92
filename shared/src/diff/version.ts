import { fallbackLabels } from './labels.js';
import { docJSON, extractParagraphs, type Paragraph } from './paragraphs.js';
import type { VersionSnapshot } from './types.js';

/** One side of a comparison, prepared once. */
export interface PreparedVersion {
  snapshot: VersionSnapshot;
  paragraphs: Paragraph[];
  byKey: Map<string, Paragraph>;
  labels: Map<string, string>;
}

export function prepareVersion(snapshot: VersionSnapshot): PreparedVersion {
  const paragraphs = extractParagraphs(docJSON(snapshot.doc));
  const byKey = new Map(paragraphs.map((p) => [p.key, p]));
  const labels = fallbackLabels(paragraphs);
  if (snapshot.labels) for (const [id, label] of Object.entries(snapshot.labels)) if (byKey.has(id)) labels.set(id, label);
  return { snapshot, paragraphs, byKey, labels };
}

