import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Y_PARAGRAPHS, Y_PROPOSALS } from '@accord/shared';
import { readRoom, type ParagraphState, type Proposal } from '@accord/shared/brackets/index';
import type { CollabSession } from '../../collab/collab-session';
import { proposeDraftKey, type Draft } from '../../editor/extensions/propose-draft';
import { realClock, type Outbox } from './outbox';
import { ProposeController, type ProposeKey, type ToastAction } from './propose-controller';
import { PROPOSE_SHORTCUTS } from './shortcuts';
import { ProposeBar } from './propose-bar';

const isMod = (e: KeyboardEvent) => (e.metaKey || e.ctrlKey) && e.altKey;
const KEYS = new Set<string>(['Escape', 'Enter', 'Tab', 'Backspace', 'Delete', 'ArrowLeft', 'ArrowRight']);

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

const selectionOf = (editor: Editor) => browserSelection(editor) ?? { from: editor.state.selection.from, to: editor.state.selection.to };

/**
 * Propose mode, the view: a native input that has the focus while drafting (so an input method
 * composes there, untouched by anyone else's changes to the paragraph), placed where the draft is
 * drawn, and the propose bar. Every decision is the controller's (propose-controller.ts).
 */
export function ProposeLayer(props: {
  editor: Editor;
  collab: CollabSession;
  outbox: Outbox;
  notify: (m: string, action?: ToastAction) => void;
  onBehalfOf: string;
  setOnBehalfOf: (group: string) => void;
  /** Groups this delegation may speak for (names). */
  groups?: string[];
}) {
  const { editor, collab, outbox } = props;
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [controller, setController] = useState<ProposeController | null>(null);

  useEffect(() => {
    const c = new ProposeController({
      host: {
        get state() {
          return editor.state;
        },
        dispatch: (tr) => !editor.isDestroyed && editor.view.dispatch(tr),
      },
      input: {
        setValue: (v) => {
          if (input.current) input.current.value = v;
        },
        focus: () => input.current?.focus({ preventScroll: true }),
        blur: () => input.current?.blur(),
      },
      outbox,
      clock: realClock,
      records: () => ({
        proposals: collab.doc.getMap<Proposal>(Y_PROPOSALS).toJSON() as Record<string, Proposal>,
        paragraphs: collab.doc.getMap<ParagraphState>(Y_PARAGRAPHS).toJSON() as Record<string, ParagraphState>,
        room: readRoom(collab.doc),
      }),
      me: () => collab.getSnapshot().identity,
      onBehalfOf: () => latest.current.onBehalfOf,
      connected: () => collab.getSnapshot().connection === 'connected',
      notify: (m, action) => latest.current.notify(m, action),
    });
    setController(c);
    return () => c.destroy();
  }, [editor, collab, outbox]);

  // The plugin keeps the draft in place through everyone's edits; mirror it here for rendering.
  useEffect(() => {
    const sync = () => setDraftState(proposeDraftKey.getState(editor.state) ?? null);
    editor.on('transaction', sync);
    return () => {
      editor.off('transaction', sync);
    };
  }, [editor]);

  useEffect(() => {
    if (!controller) return;
    const dom = editor.view.dom;
    // At once, so that keys typed right after the click already reach the input; then once more
    // after the browser has settled the selection (a double click, a late selectionchange).
    const onMouseUp = () => {
      controller.start(selectionOf(editor));
      window.setTimeout(() => {
        const sel = browserSelection(editor);
        if (sel) controller.refine(sel);
      }, 0);
    };
    // A key that reaches the page while a draft is open but the input lost the focus goes to the input.
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (!controller.draft || target === input.current || target?.closest('input, textarea, select, button, [contenteditable="true"]')) return;
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) input.current?.focus({ preventScroll: true });
    };
    let connected = collab.getSnapshot().connection === 'connected';
    const unsubscribe = collab.subscribe(() => {
      const now = collab.getSnapshot().connection === 'connected';
      if (now !== connected) controller.connectionChanged(now);
      connected = now;
    });
    dom.addEventListener('mouseup', onMouseUp);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      dom.removeEventListener('mouseup', onMouseUp);
      document.removeEventListener('keydown', onKeyDown, true);
      unsubscribe();
    };
  }, [editor, collab, controller]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!controller || controller.isComposing || e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (isMod(e)) {
      const shortcut = PROPOSE_SHORTCUTS.find(([key]) => e.code === `Key${key}`);
      if (shortcut) {
        e.preventDefault();
        controller.act(shortcut[2]);
      }
      return;
    }
    if (!KEYS.has(e.key) || ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && (e.shiftKey || e.ctrlKey || e.metaKey || e.altKey))) return;
    if (controller.key(e.key as ProposeKey)) e.preventDefault();
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
      <ProposeBar draft={draft} editor={editor} onBehalfOf={props.onBehalfOf} setOnBehalfOf={props.setOnBehalfOf} groups={props.groups} act={(a) => {
          controller?.act(a);
          // After the bubble's button has had its click.
          requestAnimationFrame(() => controller?.draft && input.current?.focus({ preventScroll: true }));
        }}
      />
      <input
        ref={input}
        className="propose-input"
        aria-label={t('proposal.proposedText')}
        style={style}
        autoComplete="off"
        spellCheck={false}
        onInput={(e) => controller?.input(e.currentTarget.value)}
        onCompositionStart={() => controller?.compositionStart()}
        onCompositionEnd={(e) => controller?.compositionEnd(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => controller?.blur()}
      />
    </>
  );
}
