import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { proposalLabel, type Proposal } from '@accord/shared/brackets/index';
import { targetParagraph } from '../brackets/anchor';
import { caretPosition } from '../editor/extensions/room-carets';

/** Where this person's caret is (as others see it): its paragraph, and the open bracket around it. */
export interface CaretPlace {
  paragraphId: string;
  proposalId?: string;
  /** "EU", "Alt 2 – US": the bracket as the text labels it. */
  proposalLabel?: string;
}

export function useCaretPlace(editor: Editor | null, proposals: Record<string, Proposal> | undefined): CaretPlace | null {
  const [place, setPlace] = useState<CaretPlace | null>(null);
  useEffect(() => {
    if (!editor) return;
    const read = () => {
      const state = editor.state;
      // Where this person's published caret is (RoomCarets): the draft it proposes, or where it clicked last.
      const from = caretPosition(state);
      if (from === null) return setPlace((p) => (p === null ? p : null));
      const at = targetParagraph(state.doc, { from, to: from });
      const paragraphId = (at?.block.attrs.id as string | undefined) ?? null;
      if (!paragraphId) return setPlace((p) => (p === null ? p : null));
      // The innermost open bracket at the caret (a mark of the text just after it, else just before).
      const $pos = state.doc.resolve(from);
      const marks = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])];
      const open = marks.map((m) => (m.type.name === 'bracket' ? proposals?.[m.attrs.id as string] : undefined)).find((p) => p?.status === 'open');
      const next: CaretPlace = open ? { paragraphId, proposalId: open.id, proposalLabel: proposalLabel(open) } : { paragraphId };
      setPlace((p) => (p && p.paragraphId === next.paragraphId && p.proposalId === next.proposalId && p.proposalLabel === next.proposalLabel ? p : next));
    };
    read();
    editor.on('transaction', read);
    return () => {
      editor.off('transaction', read);
    };
  }, [editor, proposals]);
  return place;
}
