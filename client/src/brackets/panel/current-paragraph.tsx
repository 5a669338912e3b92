import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '@accord/shared/brackets/index';
import { targetParagraph } from '../anchor';
import type { BracketView } from '../bracket-state';
import { ParagraphStatusControl } from './paragraph-status';

/** For the chair: the status of the paragraph holding the cursor, bracketed or not. */
export function CurrentParagraph(props: { editor: Editor; view: BracketView; run: (c: Command) => Promise<boolean> }) {
  const { editor, view } = props;
  const { t } = useTranslation();
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    const read = () => {
      const { from } = editor.state.selection;
      const at = targetParagraph(editor.state.doc, { from, to: from });
      setId(at && view.labels.has(at.block.attrs.id as string) ? (at.block.attrs.id as string) : null);
    };
    read();
    editor.on('selectionUpdate', read);
    return () => {
      editor.off('selectionUpdate', read);
    };
  }, [editor, view.labels]);
  if (!id) return null;
  const state = view.paragraphs[id];
  return (
    <section className="panel current-paragraph" aria-label={t('paragraphStatus.label')}>
      <h3>
        {view.labels.get(id)?.short} <span className="spacer" />
        <ParagraphStatusControl key={`${id}-${state?.status}-${state?.pending}`} paragraphId={id} state={state} run={props.run} />
      </h3>
    </section>
  );
}
