import { i18next } from '../i18n';
import Collaboration from '@tiptap/extension-collaboration';
import type { AnyExtension } from '@tiptap/core';
import { useEditor, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { readRoom, silenceOver, wholeTextSilence } from '@accord/shared/brackets/index';
import type { CollabSession } from '../collab/collab-session';
import { gateWhileComposing } from '../collab/composition-gate';
import { observeRecords, readRecords } from '../brackets/bracket-state';
import { BlockIds } from './extensions/block-ids';
import { CaretThroughRemote } from './extensions/caret-through-remote';
import { LongText } from './extensions/long-text';
import { ReactCommitSelection } from './extensions/react-commit-selection';
import { DocumentIndexExtension, redrawAnnotations, setBracketRecords, setTextLanguage } from './extensions/document-index';
import { schemaExtensions } from './extensions/index';
import { LockedParagraphs } from './extensions/locked-paragraphs';
import { RoomCarets } from './extensions/room-carets';
import { ProposeDraft } from './extensions/propose-draft';
import { StrikeDeletions } from './extensions/strike-deletions';
import { SplitBlock } from './extensions/split-block';

export interface AccordEditorOptions {
  session: CollabSession;
  editable: boolean;
  user: { name: string; color: string; role: string };
  onContentError: (message: string) => void;
  /** A local edit touched an agreed paragraph and was refused. */
  onLockedEdit: (paragraphId: string) => void;
  /** The text's language (meta.language): decides the italic opening words of PPs and OPs. */
  language?: string;
  /** Further extensions of one view (the room screen's highlight). */
  extensions?: AnyExtension[];
}

/**
 * The Tiptap editor bound to the session's Y.Doc. The content comes only from the server through
 * Yjs (never the `content` option: seeding from a client duplicates text, yjs/yjs-demos#16).
 */
export function useAccordEditor({ session, editable, user, onContentError, onLockedEdit, language, extensions = [] }: AccordEditorOptions): Editor | null {
  const editor = useEditor(
    {
      extensions: [
        ...schemaExtensions(),
        BlockIds,
        SplitBlock,
        // Labels, bracket annotations and counts, kept block by block (extensions/document-index.ts).
        DocumentIndexExtension,
        ProposeDraft,
        StrikeDeletions.configure({ by: user.name }),
        LockedParagraphs.configure({
          onRefused: (id) => onLockedEdit(id),
          underSilence: (id) => {
            const room = { room: readRoom(session.doc) };
            return id === null ? !!wholeTextSilence(room) : !!silenceOver(room, id);
          },
        }),
        Collaboration.configure({ fragment: session.fragment }),
        CaretThroughRemote,
        LongText,
        ReactCommitSelection,
        RoomCarets.configure({ awareness: session.provider.awareness, user }),
        ...extensions,
      ],
      editable,
      enableContentCheck: true,
      onContentError: ({ editor: e, error, disableCollaboration }) => {
        // Stop syncing before anything is "repaired" away, and say so; never drop content silently.
        disableCollaboration();
        e.setEditable(false, false);
        onContentError(error.message);
      },
      editorProps: { attributes: { spellcheck: 'false', 'aria-label': i18next.t('editor.textLabel') } },
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
    },
    [session],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(setTextLanguage(editor.state, language ?? ''));
  }, [editor, language]);

  // Proposals and paragraph statuses live in server-only Y maps; the annotations follow them.
  // Dispatched after the Yjs transaction, never from inside its observers: a ProseMirror update
  // there, before y-sync has rendered the same transaction's body changes, makes y-sync write the
  // stale document back to Yjs (deleting, for instance, a paragraph that arrived with a proposal).
  useEffect(() => {
    if (!editor) return;
    let queued = false;
    const feed = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (!editor.isDestroyed) editor.view.dispatch(setBracketRecords(editor.state, readRecords(session.doc)));
      });
    };
    feed();
    return observeRecords(session.doc, feed);
  }, [editor, session]);

  // The annotations' words (paragraph statuses, hover texts) are the interface's: redrawn when it changes.
  useEffect(() => {
    if (!editor) return;
    const redraw = () => !editor.isDestroyed && editor.view.dispatch(redrawAnnotations(editor.state));
    i18next.on('languageChanged', redraw);
    return () => i18next.off('languageChanged', redraw);
  }, [editor]);

  useEffect(() => {
    if (!editor) return;
    const gate = gateWhileComposing(session.provider, () => !editor.isDestroyed && editor.view.composing);
    let timer = 0;
    // ProseMirror finishes reading the composed text shortly after compositionend; wait for
    // view.composing to drop before letting the held remote changes in.
    const release = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (editor.isDestroyed) return;
        if (editor.view.composing) release();
        else gate.flush();
      }, 30);
    };
    const dom = editor.view.dom;
    dom.addEventListener('compositionend', release);
    dom.addEventListener('blur', release);
    return () => {
      window.clearTimeout(timer);
      dom.removeEventListener('compositionend', release);
      dom.removeEventListener('blur', release);
      gate.destroy();
    };
  }, [editor, session]);

  return editor;
}
