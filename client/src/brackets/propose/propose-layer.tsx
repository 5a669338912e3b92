import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { TextSelection } from '@tiptap/pm/state';
import { paragraphLabels, Y_PROPOSALS } from '@accord/shared';
import type { Proposal } from '@accord/shared/brackets/index';
import type { CollabSession } from '../../collab/collab-session';
import { proposeDraftKey, setDraft, type Draft, type DraftMode } from '../../editor/extensions/propose-draft';
import { anchorFor, targetParagraph } from '../anchor';
import { sendCommand } from '../send-command';
import { buildProposal, cleanProposalText, type ProposeAction } from './build-proposal';
import { alternativeTarget, continuationAt, proposalTextRange } from './own-proposal-text';
import { PROPOSE_SHORTCUTS } from './shortcuts';
import { ProposeBar } from './propose-bar';

const isMod = (e: KeyboardEvent) => (e.metaKey || e.ctrlKey) && e.altKey;

/** Typing is sent after this pause (and typing on extends the proposal just sent). */
const PAUSE_MS = 1200;

/**
 * The selection the browser has after a click or drag: ProseMirror reads it on 'selectionchange',
 * which under load can come after our mouseup (the draft then missed the selection).
 */
function browserSelection(editor: Editor): { from: number; to: number } | null {
  const dom = window.getSelection();
  if (!dom?.anchorNode || !dom.focusNode || !editor.view.dom.contains(dom.anchorNode) || !editor.view.dom.contains(dom.focusNode)) return null;
  try {
    const a = editor.view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const b = editor.view.posAtDOM(dom.focusNode, dom.focusOffset);
    return { from: Math.min(a, b), to: Math.max(a, b) };
  } catch {
    return null;
  }
}

/** Whether a document position is the end of its paragraph's text. */
function atParagraphEnd(editor: Editor, pos: number): boolean {
  const $pos = editor.state.doc.resolve(pos);
  return $pos.depth >= 1 && pos === $pos.end(1);
}

/** What sending a draft proposes: typed text is an insertion or a replacement. */
const actionOf = (draft: Draft | null): ProposeAction => (!draft || draft.mode === 'type' ? 'text' : draft.mode);

/**
 * Propose mode: the delegation clicks or selects in the text and types, as if editing. What it
 * types goes into a native input that always has the focus (so an input method composes there,
 * untouched by anyone else's changes to the paragraph) and is drawn in place in the text; Enter,
 * Tab or clicking elsewhere sends it as one proposal, Escape drops it. The text itself is never
 * edited locally: the proposal comes back from the server like everyone else's.
 */
export function ProposeLayer(props: {
  editor: Editor;
  collab: CollabSession;
  notify: (m: string) => void;
  onBehalfOf: string;
  setOnBehalfOf: (group: string) => void;
  /** Groups this delegation may speak for (names). */
  groups?: string[];
}) {
  const { editor, collab, notify, onBehalfOf } = props;
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  const records = useCallback(() => collab.doc.getMap<Proposal>(Y_PROPOSALS).toJSON() as Record<string, Proposal>, [collab]);
  const composing = useRef(false);
  const nextId = useRef(1);
  /** How much of the input's value has already been sent (typing on continues after it). */
  const sentPrefix = useRef(0);
  const pause = useRef(0);
  /** Enter or blur came while a pause-send was on its way: finish once it is answered. */
  const finishAfter = useRef(false);

  // The plugin keeps the draft in place through everyone's edits; mirror it here.
  useEffect(() => {
    const sync = () => setDraftState(proposeDraftKey.getState(editor.state) ?? null);
    editor.on('transaction', sync);
    return () => {
      editor.off('transaction', sync);
    };
  }, [editor]);

  const show = useCallback((next: Draft | null) => !editor.isDestroyed && editor.view.dispatch(setDraft(editor.state, next)), [editor]);

  const caption = useCallback(
    (mode: DraftMode, from: number): string | undefined => {
      const at = targetParagraph(editor.state.doc, { from, to: from });
      const label = at ? paragraphLabels(editor.state.doc).get(at.block.attrs.id as string)?.short : undefined;
      if (mode === 'newParagraph') return `New paragraph after ${label ?? 'this paragraph'}: `;
      if (mode === 'paragraphAlternative') return `Alternative to ${label ?? 'this paragraph'}: `;
      if (mode === 'alternative') return 'Alt: ';
      return undefined;
    },
    [editor],
  );

  /** Starts a draft at the editor's selection (after a click or a drag in the text). */
  const startAtSelection = useCallback(
    (mode: DraftMode = 'type', fromDom = false) => {
      const { from, to } = (fromDom && browserSelection(editor)) || editor.state.selection;
      const anchor = anchorFor(editor.state.doc, { from, to });
      if (!anchor) {
        if (to > from) notify('Select text within one paragraph to propose a change to it.');
        return;
      }
      const current = proposeDraftKey.getState(editor.state);
      const same = current && current.from === from && current.to === to;
      const text = same ? current.text : '';
      const proposals = records();
      const me = collab.getSnapshot().identity;
      const continues = mode === 'type' && from === to ? (continuationAt(editor.state.doc, from, proposals, me) ?? undefined) : undefined;
      show({ id: same ? current.id : nextId.current++, from, to, anchor, text, mode, caption: caption(mode, to), continues });
      if (input.current && !composing.current) {
        input.current.value = text;
        sentPrefix.current = 0;
      }
      input.current?.focus({ preventScroll: true });
    },
    [editor, collab, show, caption, notify, records],
  );

  useEffect(() => {
    const dom = editor.view.dom;
    // After the browser has set the selection from the click or drag.
    const onMouseUp = () => window.setTimeout(() => startAtSelection('type', true), 0);
    dom.addEventListener('mouseup', onMouseUp);
    return () => dom.removeEventListener('mouseup', onMouseUp);
  }, [editor, startAtSelection]);

  useEffect(() => () => void show(null), [show]);

  const finish = useCallback(() => {
    window.clearTimeout(pause.current);
    finishAfter.current = false;
    show(null);
    if (input.current && !composing.current) input.current.value = '';
    sentPrefix.current = 0;
    input.current?.blur();
  }, [show]);

  /**
   * Sends a draft. `typingOn`: sent after a pause in typing, so the draft stays open at the end of
   * the text just proposed and further typing extends that proposal (editProposal).
   */
  const send = useCallback(
    async (action: ProposeAction, current: Draft | null, typingOn = false): Promise<void> => {
      window.clearTimeout(pause.current);
      if (!current) return notify('Click in the text or select some first.');
      if (current.sending) {
        if (!typingOn) finishAfter.current = true;
        return;
      }
      const alternativeTo = action === 'alternative' ? (alternativeTarget(editor.state.doc, current, records()) ?? undefined) : undefined;
      const built = buildProposal(editor.state.doc, { ...current, alternativeTo }, action, current.text, onBehalfOf);
      if (!built.ok) return notify(built.message);
      const sent = current.text;
      finishAfter.current = !typingOn;
      show({ ...current, sending: true, refused: false });
      const answer = await sendCommand(collab, built.command);
      const now = proposeDraftKey.getState(editor.state);
      // The user may have moved on to another draft meanwhile: leave that one alone.
      const same = now?.id === current.id;
      if (answer.ok) {
        if (!same || !now) return;
        const proposalId = answer.result.proposalId;
        const range = proposalId && action === 'text' ? proposalTextRange(editor.state.doc, proposalId) : null;
        const rest = now.text.startsWith(sent) ? now.text.slice(sent.length) : now.text;
        if (!range || !proposalId || (finishAfter.current && !rest)) return finish();
        // Keep drafting at the caret inside the proposal's text, after what was just sent.
        const text = editor.state.doc.textBetween(range.from, range.to, '', '\uFFFC');
        const before = (current.continues?.before ?? '') + cleanProposalText(sent);
        const caret = Math.min(range.to, range.from + before.length);
        const anchor = anchorFor(editor.state.doc, { from: caret, to: caret });
        if (!anchor) return finish();
        sentPrefix.current += sent.length;
        const next: Draft = {
          id: now.id,
          from: caret,
          to: caret,
          anchor,
          text: rest,
          mode: 'type',
          continues: { proposalId, before: text.slice(0, caret - range.from), after: text.slice(caret - range.from) },
        };
        show(next);
        if (finishAfter.current) void send('text', next);
        else if (rest) schedule();
      } else {
        // Keep what was typed: nothing is lost on a refusal.
        if (same) show({ ...now, sending: false, refused: true });
        notify(answer.error.message);
      }
    },
    [editor, collab, onBehalfOf, show, notify, finish, records],
  );

  /** Sends typed text after a pause, never in the middle of an input method's composition. */
  const schedule = () => {
    window.clearTimeout(pause.current);
    pause.current = window.setTimeout(() => {
      const current = proposeDraftKey.getState(editor.state) ?? null;
      if (composing.current) return schedule();
      if (!current || current.mode !== 'type' || current.refused || current.sending || !current.text.trim()) return;
      void send('text', current, true);
    }, PAUSE_MS);
  };

  const act = useCallback(
    (action: ProposeAction | 'textFocus') => {
      const current = proposeDraftKey.getState(editor.state) ?? null;
      if (action === 'textFocus' || action === 'alternative' || action === 'newParagraph' || action === 'paragraphAlternative') {
        const mode: DraftMode = action === 'textFocus' ? 'type' : action;
        if (current) show({ ...current, mode, caption: caption(mode, current.to) });
        else startAtSelection(mode);
        requestAnimationFrame(() => input.current?.focus({ preventScroll: true }));
        return;
      }
      void send(action, current);
    },
    [editor, show, caption, startAtSelection, send],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (composing.current || e.nativeEvent.isComposing || e.keyCode === 229) return;
    const current = proposeDraftKey.getState(editor.state) ?? null;
    if (isMod(e)) {
      const shortcut = PROPOSE_SHORTCUTS.find(([key]) => e.code === `Key${key}`);
      if (shortcut) {
        e.preventDefault();
        act(shortcut[2]);
      }
      return;
    }
    if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && current) {
      // Moving the caret sends what was typed; with nothing typed it moves the insertion point.
      e.preventDefault();
      if (current.text) return void send(actionOf(current), current);
      const $at = editor.state.doc.resolve(e.key === 'ArrowLeft' ? current.from : current.to);
      if ($at.depth < 1) return;
      const step = current.from === current.to ? (e.key === 'ArrowLeft' ? -1 : 1) : 0;
      const pos = Math.min($at.end(1), Math.max($at.start(1), $at.pos + step));
      editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)));
      return startAtSelection();
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      show(null);
      e.currentTarget.value = '';
      e.currentTarget.blur();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      if (!current?.text && e.key === 'Tab') return;
      e.preventDefault();
      // Enter after a pause-send with nothing typed since: the proposal is complete.
      if (current?.continues && !current.text && !current.sending) return finish();
      // Enter with nothing typed at the end of a paragraph starts a new paragraph after it ("5 bis").
      if (e.key === 'Enter' && current && !current.text && current.mode === 'type' && current.from === current.to && atParagraphEnd(editor, current.to)) {
        return act('newParagraph');
      }
      void send(actionOf(current), current);
    } else if ((e.key === 'Backspace' || e.key === 'Delete') && current && !current.text && current.to > current.from) {
      e.preventDefault();
      void send('delete', current);
    } else if ((e.key === 'Backspace' || e.key === 'Delete') && current?.continues && !current.text) {
      // Deleting inside one's own insertion shortens it (or withdraws it once it is empty).
      e.preventDefault();
      void shorten(current, e.key === 'Backspace' ? 'before' : 'after');
    }
  };

  /**
   * Backspace/Delete in one's own insertion: each key shortens the wanted text at once (held
   * here, so quick keys are never lost while an edit is on its way) and the latest is sent.
   */
  const wanted = useRef<{ id: number; before: string; after: string } | null>(null);
  const inFlight = useRef(false);
  const shorten = async (current: Draft, side: 'before' | 'after') => {
    const on = current.continues!;
    const base = wanted.current?.id === current.id ? wanted.current : { id: current.id, before: on.before, after: on.after };
    const before = side === 'before' ? [...base.before].slice(0, -1).join('') : base.before;
    const after = side === 'after' ? [...base.after].slice(1).join('') : base.after;
    wanted.current = { id: current.id, before, after };
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      for (;;) {
        const goal = wanted.current;
        const now = proposeDraftKey.getState(editor.state);
        if (!goal || now?.id !== goal.id || !now.continues) return;
        if (goal.before === now.continues.before && goal.after === now.continues.after) return;
        const text = goal.before + goal.after;
        const answer = await sendCommand(collab, text ? { type: 'editProposal', proposalId: on.proposalId, text } : { type: 'withdraw', proposalId: on.proposalId });
        const after = proposeDraftKey.getState(editor.state);
        if (after?.id !== goal.id) return;
        if (!answer.ok) {
          wanted.current = null;
          return notify(answer.error.message);
        }
        const range = text ? proposalTextRange(editor.state.doc, on.proposalId) : null;
        const caret = range ? range.from + goal.before.length : null;
        const anchor = caret === null ? null : anchorFor(editor.state.doc, { from: caret, to: caret });
        if (!range || caret === null || !anchor) {
          wanted.current = null;
          return finish();
        }
        show({ ...after, from: caret, to: caret, anchor, continues: { proposalId: on.proposalId, before: goal.before, after: goal.after } });
      }
    } finally {
      inFlight.current = false;
    }
  };

  const onInput = (value: string) => {
    const current = proposeDraftKey.getState(editor.state);
    if (!current) return;
    show({ ...current, text: value.slice(sentPrefix.current), refused: false });
    if (current.mode === 'type') schedule();
  };

  const onBlur = () => {
    const current = proposeDraftKey.getState(editor.state);
    if (composing.current || !current) return;
    if (current.sending) finishAfter.current = true;
    else if (current.text && !current.refused) void send(actionOf(current), current);
    else finish();
  };

  // The input sits at the draft's place so that an input method's candidate window opens there.
  let style: React.CSSProperties = { left: -9999, top: 0 };
  if (draft && !editor.isDestroyed) {
    try {
      const c = editor.view.coordsAtPos(draft.to);
      style = { left: c.left, top: c.top, height: c.bottom - c.top };
    } catch {
      // a position the view cannot measure yet: keep the input off screen
    }
  }

  return (
    <>
      <ProposeBar draft={draft} editor={editor} onBehalfOf={onBehalfOf} setOnBehalfOf={props.setOnBehalfOf} groups={props.groups} act={act} />
      <input
        ref={input}
        className="propose-input"
        aria-label="Proposed text"
        style={style}
        autoComplete="off"
        spellCheck={false}
        onInput={(e) => onInput(e.currentTarget.value)}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={(e) => {
          composing.current = false;
          onInput(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
    </>
  );
}
