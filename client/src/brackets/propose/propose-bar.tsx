import type { Editor } from '@tiptap/react';
import { useEffect, useReducer, useState } from 'react';
import { labelsOf } from '../../editor/extensions/document-index';
import type { Draft } from '../../editor/extensions/propose-draft';
import { targetParagraph } from '../anchor';
import type { ProposeAction } from './build-proposal';
import { PROPOSE_SHORTCUTS } from './shortcuts';

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘⌥' : 'Ctrl+Alt+';

/** What the draft is aimed at, in the room's words: "OP 3: «尽快»", "insertion point in PP 2". */
function describe(editor: Editor, draft: Draft | null): string {
  if (!draft) return 'Click in the text to propose an insertion, or select text to replace, bracket or delete it.';
  const at = targetParagraph(editor.state.doc, draft);
  if (!at) return 'Select text within one paragraph.';
  const label = labelsOf(editor.state).get(at.block.attrs.id as string)?.short ?? 'this paragraph';
  if (draft.to === draft.from) return `Insertion point in ${label}: type the text to insert.`;
  const text = editor.state.doc.textBetween(draft.from, draft.to, '', '');
  return `${label}: «${text.length > 40 ? text.slice(0, 40) + '…' : text}» — type a replacement, or choose an action.`;
}

/** Fixed-position style putting the bubble just above the start of the selection (below it near the top). */
function bubbleAt(editor: Editor, pos: number): React.CSSProperties | null {
  try {
    const c = editor.view.coordsAtPos(pos);
    return c.top > 160 ? { left: Math.max(8, c.left - 8), top: c.top - 8, transform: 'translateY(-100%)' } : { left: Math.max(8, c.left - 8), top: c.bottom + 8 };
  } catch {
    return null;
  }
}

/** The select-then-act toolbar of propose mode, with who the delegation speaks for. */
export function ProposeBar(props: {
  draft: Draft | null;
  editor: Editor;
  onBehalfOf: string;
  setOnBehalfOf: (v: string) => void;
  /** The groups the chair assigned this delegation to (names); the only ones it may speak for (BR72). */
  groups?: string[];
  act: (action: ProposeAction | 'textFocus') => void;
}) {
  const { draft, editor, act } = props;
  const [help, setHelp] = useState(false);
  const span = !!draft && draft.to > draft.from;
  // The bubble follows the selection as the text scrolls under it.
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!span) return;
    window.addEventListener('scroll', redraw, true);
    window.addEventListener('resize', redraw);
    return () => {
      window.removeEventListener('scroll', redraw, true);
      window.removeEventListener('resize', redraw);
    };
  }, [span]);
  // Buttons keep the focus in the proposal input (mousedown would move it away and send the draft).
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const button = (label: string, action: ProposeAction | 'textFocus', enabled: boolean, key: string) => (
    <button type="button" className="small" onMouseDown={keep} onClick={() => act(action)} disabled={!enabled} title={`${label} (${MOD}${key})`}>
      {label}
    </button>
  );
  const actions = (
    <>
      {button(span ? 'Propose replacement' : 'Propose insertion', 'textFocus', !!draft, 'R')}
      {button('Propose alternative', 'alternative', !!draft, 'A')}
      {button('Bracket (reserve)', 'reserve', span, 'B')}
      {button('Propose deletion', 'delete', span, 'D')}
      {button('New paragraph after', 'newParagraph', !!draft, 'N')}
      {button('Alternative paragraph', 'paragraphAlternative', !!draft, 'L')}
      <button type="button" className="small" onMouseDown={keep} onClick={() => act('deleteParagraph')} disabled={!draft}>
        Delete paragraph
      </button>
    </>
  );
  // Select-then-act: with text selected the actions float above the selection, not in the bar.
  const bubble = span && draft && !draft.sending && !draft.refused && !editor.isDestroyed ? bubbleAt(editor, draft.from) : null;
  return (
    <div className="propose-bar" role="toolbar" aria-label="Propose">
      <span className="propose-where" aria-live="polite">
        {describe(editor, draft)}
      </span>
      <span className="propose-actions">
        {!bubble && actions}
        {(props.groups?.length ?? 0) > 0 && (
          <label className="propose-behalf">
            Speaking for
            <select value={props.onBehalfOf} onChange={(e) => props.setOnBehalfOf(e.target.value)} aria-label="Speaking for">
              <option value="">own delegation</option>
              {props.groups!.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="small help-button" aria-expanded={help} onClick={() => setHelp(!help)} title="Keyboard shortcuts">
          ?
        </button>
      </span>
      {bubble && (
        <div className="propose-bubble" role="menu" aria-label="Propose for the selection" style={bubble}>
          {actions}
        </div>
      )}
      {help && (
        <div className="propose-help" role="dialog" aria-label="Propose mode shortcuts">
          <p>Click in the text and type to propose an insertion; select text and type to propose a replacement; select and press Delete to propose a deletion. What you type is sent after a short pause (typing on extends the same proposal); Enter sends at once, Escape drops the draft.</p>
          <dl>
            <dt>{MOD}P</dt>
            <dd>Propose mode on or off (chair and secretariat)</dd>
            {PROPOSE_SHORTCUTS.map(([key, what]) => (
              <div key={key}>
                <dt>
                  {MOD}
                  {key}
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
