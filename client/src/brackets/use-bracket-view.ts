import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { CollabSession } from '../collab/collab-session';
import { documentIndexOf, type DocumentIndex } from '../editor/extensions/document-index';
import { bracketView, observeRecords, readRecords, type BracketView } from './bracket-state';

type Derived = Pick<DocumentIndex, 'labels' | 'counts' | 'homes' | 'order'>;

const sameDerived = (a: Derived, b: Derived) => a.labels === b.labels && a.counts === b.counts && a.homes === b.homes && a.order === b.order;

/**
 * The bracket view of the open text. Labels, counts and bracket homes come from the editor's
 * document index (extensions/document-index.ts), which keeps them block by block; the view is
 * renewed at most once a frame, and only when one of them or the records changed, so typing
 * inside a paragraph re-renders no panel.
 */
export function useBracketView(editor: Editor | null, collab: CollabSession): BracketView | null {
  const [view, setView] = useState<BracketView | null>(null);
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    let records = readRecords(collab.doc);
    let recordsChanged = true;
    let shown: Derived | null = null;
    const refresh = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (editor.isDestroyed) return;
        const index = documentIndexOf(editor.state);
        if (!index) {
          setView(bracketView(editor.state.doc, records));
          return;
        }
        if (!recordsChanged && shown && sameDerived(shown, index)) return;
        recordsChanged = false;
        shown = index;
        setView({ doc: editor.state.doc, ...records, groups: records.groups ?? {}, labels: index.labels, counts: index.counts, homes: index.homes, order: index.order });
      });
    };
    refresh();
    editor.on('transaction', refresh);
    const stop = observeRecords(collab.doc, () => {
      records = readRecords(collab.doc);
      recordsChanged = true;
      refresh();
    });
    return () => {
      cancelAnimationFrame(frame);
      editor.off('transaction', refresh);
      stop();
    };
  }, [editor, collab]);
  return view;
}
