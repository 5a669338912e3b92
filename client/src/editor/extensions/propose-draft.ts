import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export type DraftMode = 'type' | 'alternative' | 'newParagraph';

/** What a delegation is proposing right now, before it is sent: drawn in place, never in the text. */
export interface Draft {
  /** Distinguishes successive drafts, so a late answer never touches a newer one. */
  id: number;
  from: number;
  to: number;
  text: string;
  mode: DraftMode;
  /** Shown before a new paragraph ("New paragraph after OP 5"). */
  caption?: string;
  sending?: boolean;
  /** The server refused it (the message was shown); kept so the text can be copied or fixed. */
  refused?: boolean;
}

export const proposeDraftKey = new PluginKey<Draft | null>('accordProposeDraft');

export function setDraft(state: EditorState, draft: Draft | null) {
  return state.tr.setMeta(proposeDraftKey, draft ?? { clear: true });
}

function widget(draft: Draft): () => HTMLElement {
  return () => {
    const el = document.createElement('span');
    el.className = `propose-draft propose-draft--${draft.mode}${draft.sending ? ' propose-draft--sending' : ''}`;
    el.setAttribute('contenteditable', 'false');
    if (draft.caption) {
      const caption = document.createElement('span');
      caption.className = 'propose-draft-caption';
      caption.textContent = draft.caption;
      el.append(caption);
    }
    const text = document.createElement('span');
    text.className = 'propose-draft-text';
    text.textContent = draft.text;
    el.append(text);
    return el;
  };
}

/**
 * The draft proposal as decorations: the target span highlighted (struck once replacement text
 * is typed) and the typed text shown where it will go. Positions follow everyone's edits.
 */
export const ProposeDraft = Extension.create({
  name: 'proposeDraft',

  addProseMirrorPlugins() {
    return [
      new Plugin<Draft | null>({
        key: proposeDraftKey,
        state: {
          init: () => null,
          apply: (tr, draft) => {
            const meta = tr.getMeta(proposeDraftKey) as Draft | { clear: true } | undefined;
            if (meta) return 'clear' in meta ? null : meta;
            if (!draft || !tr.docChanged) return draft;
            const from = tr.mapping.map(draft.from, -1);
            return { ...draft, from, to: Math.max(from, tr.mapping.map(draft.to, 1)) };
          },
        },
        props: {
          decorations: (state) => {
            const draft = proposeDraftKey.getState(state);
            if (!draft) return null;
            const decorations: Decoration[] = [];
            if (draft.to > draft.from) {
              const cls = draft.text && draft.mode === 'type' ? 'propose-target propose-target--replaced' : 'propose-target';
              decorations.push(Decoration.inline(draft.from, draft.to, { class: cls }));
            }
            decorations.push(Decoration.widget(draft.to, widget(draft), { side: 1, key: `draft-${draft.mode}-${draft.text}-${draft.sending ? 1 : 0}` }));
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
