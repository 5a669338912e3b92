import type { Editor } from '@tiptap/react';
import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { labelsOf } from '../../editor/extensions/document-index';
import type { Draft } from '../../editor/extensions/propose-draft';
import { targetParagraph } from '../anchor';
import type { ProposeAction } from './build-proposal';
import { PROPOSE_SHORTCUTS } from './shortcuts';

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘⌥' : 'Ctrl+Alt+';

/** What the draft is aimed at, in the room's words: "OP 3: «尽快»", "insertion point in PP 2". */
function describe(editor: Editor, draft: Draft | null, t: TFunction): string {
  if (!draft) return t('propose.describe.none');
  const at = targetParagraph(editor.state.doc, draft);
  if (!at) return t('propose.withinOneParagraph');
  const label = labelsOf(editor.state).get(at.block.attrs.id as string)?.short ?? t('propose.thisParagraph');
  if (draft.to === draft.from) return t('propose.describe.point', { paragraph: label });
  const text = editor.state.doc.textBetween(draft.from, draft.to, '', '');
  return t('propose.describe.span', { paragraph: label, text: `«${text.length > 40 ? text.slice(0, 40) + '…' : text}»` });
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
  const { t } = useTranslation();
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
      {button(span ? t('propose.button.replace') : t('propose.button.insert'), 'textFocus', !!draft, 'R')}
      {button(t('propose.button.alternative'), 'alternative', !!draft, 'A')}
      {button(t('propose.button.reserve'), 'reserve', span, 'B')}
      {button(t('propose.button.delete'), 'delete', span, 'D')}
      {button(t('propose.button.newParagraph'), 'newParagraph', !!draft, 'N')}
      {button(t('propose.button.paragraphAlternative'), 'paragraphAlternative', !!draft, 'L')}
      <button type="button" className="small" onMouseDown={keep} onClick={() => act('deleteParagraph')} disabled={!draft}>
        {t('propose.button.deleteParagraph')}
      </button>
    </>
  );
  // Select-then-act: with text selected the actions float above the selection, not in the bar.
  const bubble = span && draft && !draft.sending && !draft.refused && !editor.isDestroyed ? bubbleAt(editor, draft.from) : null;
  return (
    <div className="propose-bar" role="toolbar" aria-label={t('propose.toolbar')}>
      <span className="propose-where" aria-live="polite">
        {describe(editor, draft, t)}
      </span>
      <span className="propose-actions">
        {!bubble && actions}
        {(props.groups?.length ?? 0) > 0 && (
          <label className="propose-behalf">
            {t('propose.speakingFor')}
            <select value={props.onBehalfOf} onChange={(e) => props.setOnBehalfOf(e.target.value)} aria-label={t('propose.speakingFor')}>
              <option value="">{t('propose.ownDelegation')}</option>
              {props.groups!.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="small help-button" aria-expanded={help} onClick={() => setHelp(!help)} title={t('propose.shortcuts')}>
          ?
        </button>
      </span>
      {bubble && (
        <div className="propose-bubble" role="menu" aria-label={t('propose.bubble')} style={bubble}>
          {actions}
        </div>
      )}
      {help && (
        <div className="propose-help" role="dialog" aria-label={t('propose.shortcutsDialog')}>
          <p>{t('propose.help')}</p>
          <dl>
            <dt>{MOD}P</dt>
            <dd>{t('propose.shortcut.toggle')}</dd>
            {PROPOSE_SHORTCUTS.map(([key, what]) => (
              <div key={key}>
                <dt>
                  {MOD}
                  {key}
                </dt>
                <dd>{t(`propose.shortcut.${what}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
