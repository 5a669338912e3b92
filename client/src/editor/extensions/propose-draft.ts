import { i18next } from '../../i18n';
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { findBlock, resolveAnchor, type Anchor } from '@accord/shared/brackets/index';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export type DraftMode = 'type' | 'alternative' | 'newParagraph' | 'paragraphAlternative';

/** What a delegation is proposing right now, before it is sent: drawn in place, never in the text. */
export interface Draft {
  /** Distinguishes successive drafts, so a late answer never touches a newer one. */
  id: number;
  from: number;
  to: number;
  /** Where the draft is, as the command will say it: found again by text after others' edits. */
  anchor: Anchor;
  text: string;
  mode: DraftMode;
  /** Shown before a new paragraph ("New paragraph after OP 5"). */
  caption?: string;
  sending?: boolean;
  /** Typing on in the delegation's own open insertion: sent as an edit of that proposal. */
  continues?: { proposalId: string; before: string; after: string };
  /** The server refused it (the message was shown); kept so the text can be copied or fixed. */
  refused?: boolean;
  /** Typed while offline: kept in the outbox and sent when the connection returns. */
  unsent?: boolean;
}

export const proposeDraftKey = new PluginKey<Draft | null>('accordProposeDraft');

export function setDraft(state: EditorState, draft: Draft | null) {
  return state.tr.setMeta(proposeDraftKey, draft ?? { clear: true });
}

function widget(draft: Draft): () => HTMLElement {
  return () => {
    const el = document.createElement('span');
    el.className = `propose-draft propose-draft--${draft.mode}${draft.sending ? ' propose-draft--sending' : ''}${draft.unsent ? ' propose-draft--unsent' : ''}`;
    if (draft.unsent) el.title = i18next.t('propose.unsentDraft');
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
 * The draft's place after a change to the document. Remote changes arrive from y-sync as one
 * replacement of the whole document, which position mapping cannot see through, so the draft is
 * found again the way the server finds an anchor: in its paragraph, by its text (BR11).
 */
export function relocate(doc: PMNode, draft: Draft): Draft {
  const block = findBlock(doc, draft.anchor.paragraphId);
  if (!block) return draft.to <= doc.content.size ? draft : { ...draft, from: 0, to: 0 };
  const found = resolveAnchor(block.node, draft.anchor);
  const size = block.node.content.size;
  const range = 'code' in found ? { from: Math.min(draft.anchor.from, size), to: Math.min(draft.anchor.to, size) } : found;
  const start = block.pos + 1;
  return { ...draft, from: start + range.from, to: start + range.to, anchor: { ...draft.anchor, from: range.from, to: range.to } };
}

/**
 * The draft proposal as decorations: the target span highlighted (struck once replacement text
 * is typed) and the typed text shown where it will go. Positions follow everyone's edits.
 */
export function proposeDraftPlugin(): Plugin<Draft | null> {
  return new Plugin<Draft | null>({
    key: proposeDraftKey,
    state: {
      init: () => null,
      apply: (tr, draft) => {
        const meta = tr.getMeta(proposeDraftKey) as Draft | { clear: true } | undefined;
        if (meta) return 'clear' in meta ? null : meta;
        return draft && tr.docChanged ? relocate(tr.doc, draft) : draft;
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
        // A whole new paragraph is drawn below the paragraph, wherever the click was.
        const paragraphLevel = draft.mode === 'newParagraph' || draft.mode === 'paragraphAlternative';
        const at = paragraphLevel ? state.doc.resolve(draft.to).end(1) : draft.to;
        // Typing on in one's own insertion is drawn inside it, before its sponsor tag.
        const side = draft.continues ? -2 : 1;
        decorations.push(Decoration.widget(at, widget(draft), { side, key: `draft-${draft.mode}-${draft.text}-${draft.sending ? 1 : 0}${draft.unsent ? 'u' : ''}` }));
        return DecorationSet.create(state.doc, decorations);
      },
    },
  });
}

export const ProposeDraft = Extension.create({
  name: 'proposeDraft',

  addProseMirrorPlugins() {
    return [proposeDraftPlugin()];
  },
});
