import type { Node as PMNode } from '@tiptap/pm/model';
import { newId } from './ids.js';

/**
 * Blocks whose id is missing or repeats an earlier block's id, each with a fresh id to set.
 * Splitting a paragraph in the editor copies its attributes, so the second half would share the
 * first half's id: the client fixes that in an appendTransaction, the server on import.
 */
export function ensureUniqueIds(doc: PMNode): Array<{ pos: number; id: string }> {
  const seen = new Set<string>();
  const fixes: Array<{ pos: number; id: string }> = [];
  doc.forEach((block, pos) => {
    const id = block.attrs.id as string | null | undefined;
    if (!id || seen.has(id)) {
      const fresh = newId();
      seen.add(fresh);
      fixes.push({ pos, id: fresh });
    } else {
      seen.add(id);
    }
  });
  return fixes;
}
