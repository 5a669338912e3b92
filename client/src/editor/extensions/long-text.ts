import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * From this many blocks on, the editor marks itself `data-long` and document.css lets the browser
 * skip off-screen blocks (content-visibility). Below it every block keeps its real height, so
 * scrolling to a paragraph lands exactly; above it a treaty would otherwise cost the renderer the
 * whole text's paint and compositing on every keystroke (bench editor-keystroke, BENCH_EDITOR_TRACE=1).
 */
export const LONG_TEXT_BLOCKS = 600;

/** ProseMirror's own scrolling to the selection (an EditorView method its typings leave out). */
type Scrolling = EditorView & { scrollToSelection(): void };

export function longTextPlugin(): Plugin {
  let scheduled = false;
  let scrolling = false;
  return new Plugin({
    props: {
      // Read on every view update; childCount is O(1).
      attributes: (state): Record<string, string> => (state.doc.childCount >= LONG_TEXT_BLOCKS ? { 'data-long': 'true' } : {}),
      // Keeping the caret in view measures where it is, which lays the page out at once, inside
      // the keystroke's transaction (0.2 ms, at times 3 ms on a treaty). On a long text it waits
      // for the next frame, where the browser lays out anyway, and happens once however many
      // transactions came before it. Short texts scroll at once, as ProseMirror does.
      handleScrollToSelection: (view) => {
        if (scrolling || view.state.doc.childCount < LONG_TEXT_BLOCKS) return false;
        if (!scheduled) {
          scheduled = true;
          requestAnimationFrame(() => {
            scheduled = false;
            if (view.isDestroyed) return;
            scrolling = true;
            try {
              (view as Scrolling).scrollToSelection();
            } finally {
              scrolling = false;
            }
          });
        }
        return true;
      },
    },
  });
}

export const LongText = Extension.create({
  name: 'longText',
  addProseMirrorPlugins: () => [longTextPlugin()],
});
