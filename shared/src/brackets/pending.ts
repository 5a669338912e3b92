import type { Node as PMNode } from '@tiptap/pm/model';
import { LEAF_CHAR } from './doc.js';
import type { Proposal } from './types.js';

/**
 * BR8: records for pending brackets found in the text (imported `[日期]`) that have none yet:
 * kind `pending`, no sponsors. The server stores them when it seeds or imports a text.
 */
export function pendingRecords(doc: PMNode, existing: Record<string, Proposal>, now: number): Record<string, Proposal> {
  const out: Record<string, Proposal> = {};
  doc.forEach((block) => {
    block.forEach((child) => {
      for (const m of child.marks) {
        const id = m.attrs.id as string;
        if (m.type.name !== 'bracket' || m.attrs.role !== 'pending' || !id || existing[id]) continue;
        const text = child.isText ? child.text! : LEAF_CHAR;
        if (out[id]) {
          out[id].anchorText += text;
          continue;
        }
        out[id] = {
          id,
          kind: 'pending',
          paragraphId: block.attrs.id as string,
          sponsors: [],
          supporters: [],
          opposers: [],
          status: 'open',
          anchorText: text,
          createdAt: now,
          updatedAt: now,
        };
      }
    });
  });
  return out;
}
