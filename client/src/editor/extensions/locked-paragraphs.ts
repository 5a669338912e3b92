import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { LOCKED } from '@accord/shared/brackets/index';
import { documentIndexKey } from './document-index';

export interface LockedParagraphsOptions {
  /** Told which paragraph refused a local edit ('' when a silence over the whole text refused it). */
  onRefused: (paragraphId: string) => void;
  /** Is this paragraph under an open silence (null: is the whole text)? (shared/SPEC.md BR91) */
  underSilence: (paragraphId: string | null) => boolean;
}

/** Ids of the top-level blocks a local transaction's steps touch, in the document before it. */
function touchedBlocks(tr: Transaction): string[] {
  const ids = new Set<string>();
  const before: PMNode = tr.before;
  tr.mapping.maps.forEach((map, i) => {
    // Positions of later steps are in the document after the earlier ones: map them back.
    const back = tr.mapping.slice(0, i).invert();
    map.forEach((oldStart, oldEnd) => {
      const from = back.map(oldStart, -1);
      const to = back.map(oldEnd, 1);
      before.nodesBetween(Math.max(0, from - 1), Math.min(before.content.size, to + 1), (node) => {
        if (node.attrs.id) ids.add(node.attrs.id as string);
        return false;
      });
    });
  });
  return [...ids];
}

/**
 * An agreed (or agreed ad ref, deleted, adopted) paragraph cannot be edited until the chair reopens
 * it, nor one under silence (the whole text, for a whole-text silence) until the silence ends:
 * local edits touching one are refused here, before they reach Yjs (the server refuses them
 * too, see server/src/collab/update-guard.ts). Remote changes always pass.
 */
export const LockedParagraphs = Extension.create<LockedParagraphsOptions>({
  name: 'lockedParagraphs',

  addOptions() {
    return { onRefused: () => undefined, underSilence: () => false };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) return true;
          const paragraphs = documentIndexKey.getState(state)?.records.paragraphs ?? {};
          const touched = touchedBlocks(tr);
          if (this.options.underSilence(null)) {
            this.options.onRefused(touched[0] ?? '');
            return false;
          }
          const locked = touched.find((id) => LOCKED.has(paragraphs[id]?.status ?? 'open') || this.options.underSilence(id));
          if (!locked) return true;
          this.options.onRefused(locked);
          return false;
        },
      }),
    ];
  },
});
