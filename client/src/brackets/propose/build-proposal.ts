import type { Node as PMNode } from '@tiptap/pm/model';
import type { Command, NewParagraphType } from '@accord/shared/brackets/index';
import { anchorFor, targetParagraph, type Target } from '../anchor';
import type { Continuation } from './own-proposal-text';
import { i18next } from '../../i18n';

export type ProposeAction = 'text' | 'alternative' | 'reserve' | 'delete' | 'newParagraph' | 'paragraphAlternative' | 'deleteParagraph';

export type Built = { ok: true; command: Command } | { ok: false; message: string };

/** Line breaks and tabs typed or pasted into a proposal become spaces (a proposal is one run of text). */
export function cleanProposalText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\uFFFC]+/g, ' ');
}

/**
 * The command for what a delegation did at a target: typed text at a point (insert) or over a
 * selection (replace), or one of the explicit actions. Pure, so it is tested without a browser.
 */
export function buildProposal(
  doc: PMNode,
  target: Target & { continues?: Continuation; alternativeTo?: string },
  action: ProposeAction,
  rawText: string,
  onBehalfOf?: string,
): Built {
  const cleaned = cleanProposalText(rawText);
  const text = cleaned.trim() ? cleaned : '';
  // Typing on inside one's own open insertion extends it rather than bracketing beside it.
  const on = target.continues;
  if (action === 'text' && on && target.from === target.to) {
    if (!cleaned) return { ok: false, message: i18next.t('propose.typeMore') };
    return { ok: true, command: { type: 'editProposal', proposalId: on.proposalId, text: on.before + cleaned + on.after } };
  }
  const base = onBehalfOf?.trim() ? { onBehalfOf: onBehalfOf.trim() } : {};
  const at = targetParagraph(doc, target);
  if (!at) return { ok: false, message: i18next.t('propose.withinOneParagraph') };
  const paragraphId = at.block.attrs.id as string;
  const anchor = anchorFor(doc, target)!;
  const span = target.to > target.from;
  switch (action) {
    case 'text':
      if (!text) return span ? { ok: true, command: { type: 'propose', kind: 'delete', anchor, ...base } } : { ok: false, message: i18next.t('propose.typeText') };
      return { ok: true, command: span ? { type: 'propose', kind: 'replace', anchor, text, ...base } : { type: 'propose', kind: 'insert', anchor, text, ...base } };
    case 'alternative':
      if (!text) return { ok: false, message: i18next.t('propose.typeAlternative') };
      // Within an open alternative or insertion: one more alternative of that group.
      if (target.alternativeTo) return { ok: true, command: { type: 'propose', kind: 'alternative', alternativeTo: target.alternativeTo, text, ...base } };
      return { ok: true, command: { type: 'propose', kind: 'alternative', anchor, text, ...base } };
    case 'reserve':
    case 'delete':
      if (!span) return { ok: false, message: action === 'delete' ? i18next.t('propose.selectToDelete') : i18next.t('propose.selectToBracket') };
      return { ok: true, command: { type: 'propose', kind: action, anchor, ...base } };
    case 'newParagraph': {
      if (!text) return { ok: false, message: i18next.t('propose.typeNewParagraph') };
      const type = at.block.type.name;
      const blockType: NewParagraphType = type === 'preambular' ? 'preambular' : 'operative';
      const level = blockType === 'operative' && type === 'operative' ? Number(at.block.attrs.level ?? 0) : 0;
      return { ok: true, command: { type: 'propose', kind: 'newParagraph', after: paragraphId, blockType, level, text, ...base } };
    }
    case 'paragraphAlternative': {
      if (!text) return { ok: false, message: i18next.t('propose.typeParagraphAlternative') };
      const type = at.block.type.name;
      if (type !== 'preambular' && type !== 'operative') return { ok: false, message: i18next.t('propose.onlyPpOp') };
      return { ok: true, command: { type: 'propose', kind: 'newParagraph', after: paragraphId, blockType: type, text, alternative: true, ...base } };
    }
    case 'deleteParagraph':
      return { ok: true, command: { type: 'propose', kind: 'deleteParagraph', paragraphId, ...base } };
  }
}
