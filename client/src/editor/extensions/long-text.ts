import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';

/**
 * From this many blocks on, the editor marks itself `data-long` and document.css lets the browser
 * skip off-screen blocks (content-visibility). Below it every block keeps its real height, so
 * scrolling to a paragraph lands exactly; above it a treaty would otherwise cost the renderer the
 * whole text's paint and compositing on every keystroke (bench editor-keystroke, BENCH_EDITOR_TRACE=1).
 */
export const LONG_TEXT_BLOCKS = 600;

export function longTextPlugin(): Plugin {
  return new Plugin({
    props: {
      // Read on every view update; childCount is O(1).
      attributes: (state): Record<string, string> => (state.doc.childCount >= LONG_TEXT_BLOCKS ? { 'data-long': 'true' } : {}),
    },
  });
}

export const LongText = Extension.create({
  name: 'longText',
  addProseMirrorPlugins: () => [longTextPlugin()],
});
