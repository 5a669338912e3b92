import type { OpeningRange } from '@accord/shared';
import { Decoration } from '@tiptap/pm/view';

/**
 * A PP's opening words or an OP's verb in italics, as the UN Editorial Manual sets them ("Recalling",
 * "Noting with concern", "Decides"; shared/src/opening-words.ts finds them). A decoration, not an
 * italic mark: house style is derived from the words, so it follows every edit and never enters
 * the stored text. The document index (./document-index.ts) keeps one per PP and OP.
 */
export function openingDecoration(blockPos: number, range: OpeningRange): Decoration {
  return Decoration.inline(blockPos + 1 + range.start, blockPos + 1 + range.end, { class: 'opening-words' });
}
