import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { CollabSession } from '../collab/collab-session';
import { bracketView, observeRecords, readRecords, type BracketView } from './bracket-state';

/** The bracket view of the open text, recomputed at most once a frame as the text or records change. */
export function useBracketView(editor: Editor | null, collab: CollabSession): BracketView | null {
  const [view, setView] = useState<BracketView | null>(null);
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    const refresh = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!editor.isDestroyed) setView(bracketView(editor.state.doc, readRecords(collab.doc)));
      });
    };
    refresh();
    editor.on('update', refresh);
    const stop = observeRecords(collab.doc, refresh);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('update', refresh);
      stop();
    };
  }, [editor, collab]);
  return view;
}
