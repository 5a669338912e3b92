import type { Node as PMNode } from '@tiptap/pm/model';
import { paragraphLabels } from '../numbering.js';
import { schema } from '../schema.js';
import { editorLabel, fallbackLabels } from './labels.js';
import { docJSON, extractParagraphs, type Paragraph } from './paragraphs.js';
import type { NodeJSON, VersionSnapshot } from './types.js';

/** One side of a comparison, prepared once. */
export interface PreparedVersion {
  snapshot: VersionSnapshot;
  paragraphs: Paragraph[];
  byKey: Map<string, Paragraph>;
  labels: Map<string, string>;
}

/**
 * Labels as numbering.ts gives them ("PP3", "5 bis", sub-paragraphs as "3(a)(ii)"), computed on
 * a content-less copy of the blocks (labels depend only on block types and attrs). A document
 * the schema rejects keeps the fallback labels.
 */
function numberedLabels(doc: VersionSnapshot['doc'], json: NodeJSON): Map<string, string> | null {
  try {
    const node: PMNode =
      typeof (doc as { forEach?: unknown }).forEach === 'function'
        ? (doc as PMNode)
        : schema.node('doc', null, (json.content ?? []).map((b) => schema.node(b.type, b.attrs ?? null)));
    const out = new Map<string, string>();
    for (const [id, l] of paragraphLabels(node)) out.set(id, /^OP\d.*\(/.test(l.short) ? l.short.slice(2) : l.label);
    return out;
  } catch {
    return null;
  }
}

export function prepareVersion(snapshot: VersionSnapshot): PreparedVersion {
  const json = docJSON(snapshot.doc);
  const paragraphs = extractParagraphs(json);
  const byKey = new Map(paragraphs.map((p) => [p.key, p]));
  const labels = fallbackLabels(paragraphs);
  const numbered = numberedLabels(snapshot.doc, json);
  if (numbered) for (const [id, label] of numbered) if (byKey.has(id)) labels.set(id, label);
  if (snapshot.labels) for (const [id, label] of Object.entries(snapshot.labels)) if (byKey.has(id)) labels.set(id, label);
  for (const [key, label] of labels) labels.set(key, editorLabel(label, byKey.get(key)?.type ?? ''));
  return { snapshot, paragraphs, byKey, labels };
}

