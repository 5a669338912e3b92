import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { positionWording, sponsorLabel, type Command, type Group, type Proposal, type Sponsor } from '@accord/shared/brackets/index';
import type { Identity } from '../../collab/accord-messages';
import { cardActions } from './panel-model';
import { useProposalComments } from './use-proposal-comments';
import { commentCapText, kindName, positionName, proposalName, proposalStatusName } from '../words';

const names = (list: Sponsor[]) => list.map(sponsorLabel).join(', ');
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** What the proposal changes, in one line: «old» → «new»; an alternative, its own text. */
export function proposalSummary(p: Proposal, t: TFunction): string {
  const old = p.anchorText ? `«${p.anchorText}»` : '';
  const add = p.text ? `«${p.text}»` : '';
  if (p.kind === 'replace') return `${old} → ${add}`;
  if (p.kind === 'delete' || p.kind === 'reserve' || p.kind === 'pending') return old;
  if (p.kind === 'deleteParagraph') return t('proposal.wholeParagraph');
  return add || old;
}

/**
 * One bracket in the panel: who proposed it, who wants it retained or deleted, why, the comment
 * thread, and the actions the viewer's role allows (the server checks them again).
 */
export function ProposalCard(props: {
  proposal: Proposal;
  me: Identity;
  onBehalfOf: string;
  /** The session's groups (who may speak for which). */
  groups?: Record<string, Group>;
  /** The proposal's paragraph is locked (agreed, ad ref, deleted). */
  locked?: boolean;
  selected: boolean;
  /** BR32: what superseded it ("by Chair's acceptance of EU", "at Rev.1"), for a superseded proposal. */
  supersededBy?: string | null;
  run: (command: Command) => Promise<boolean>;
  onSelect: () => void;
}) {
  const { proposal: p, me, run, onBehalfOf } = props;
  const comments = useProposalComments(p);
  const { t } = useTranslation();
  // BR15's caps, from the rule itself: the form gives way to the reason once they are reached.
  const capped = commentCapText(comments, me.id, t);
  const [comment, setComment] = useState('');
  const [pendingText, setPendingText] = useState('');
  const [editing, setEditing] = useState<{ text: string; explanation: string } | null>(null);
  const group = onBehalfOf.trim();
  const behalf = group ? { onBehalfOf: group } : {};
  const can = cardActions(p, { role: me.role, id: me.id, delegation: me.delegation, onBehalfOf, groups: props.groups, locked: props.locked });
  // Worded as the room words it (BR52): a deletion's supporters "delete", its opposers "retain".
  const words = positionWording(p.kind);

  return (
    <li className={`proposal-card status-${p.status}${props.selected ? ' selected' : ''}`} data-proposal={p.id} onClick={props.onSelect}>
      <div className="proposal-head">
        <strong>{proposalName(p, t)}</strong>
        <span className="tag">{kindName(p.kind, t)}</span>
        {p.status !== 'open' && <span className={`tag tag-${p.status}`}>{proposalStatusName(p.status, t)}</span>}
      </div>
      <div className="proposal-text" dir="auto">
        {proposalSummary(p, t)}
      </div>
      {props.supersededBy && (
        <div className="proposal-superseded muted small-text">
          {t('proposal.supersededBy', { by: props.supersededBy })}
        </div>
      )}
      {p.supporters.length > 0 && (
        <div className={`proposal-positions ${words.supporters}`} data-position="supporters">
          {capital(positionName(words.supporters, t))}: {names(p.supporters)}
        </div>
      )}
      {p.opposers.length > 0 && (
        <div className={`proposal-positions ${words.opposers}`} data-position="opposers">
          {capital(positionName(words.opposers, t))}: {names(p.opposers)}
        </div>
      )}
      {p.explanation && <p className="proposal-explanation">{p.explanation}</p>}
      {comments.length > 0 && (
        <ul className="proposal-comments">
          {comments.map((c, i) => (
            <li key={i}>
              <strong>{sponsorLabel(c.by)}:</strong> <span dir="auto">{c.text}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="proposal-actions" onClick={(e) => e.stopPropagation()}>
        {can.support && (
          <button type="button" className="small" aria-pressed={can.supported} disabled={can.supported} onClick={() => void run({ type: 'support', proposalId: p.id, ...behalf })}>
            {can.supported ? t('proposal.supported') : t('proposal.support')}
          </button>
        )}
        {can.oppose && (
          <button type="button" className="small" aria-pressed={can.opposed} disabled={can.opposed} onClick={() => void run({ type: 'oppose', proposalId: p.id, ...behalf })}>
            {can.opposed ? t('proposal.opposed') : t('proposal.oppose')}
          </button>
        )}
        {can.cosponsor && (
          <button type="button" className="small" onClick={() => void run({ type: 'cosponsor', proposalId: p.id, ...behalf })}>
            {t('proposal.cosponsor')}
          </button>
        )}
        {can.explain && editing === null && (
          <button type="button" className="small" onClick={() => setEditing({ text: p.text ?? '', explanation: p.explanation ?? '' })}>
            {t('proposal.edit')}
          </button>
        )}
        {can.withdraw && (
          <button type="button" className="small" onClick={() => void run({ type: 'withdraw', proposalId: p.id })}>
            {can.withdraw === 'proposal' ? t('proposal.withdraw') : t('proposal.withdrawName')}
          </button>
        )}
        {can.decide && (
          <>
            <button type="button" className="small primary" onClick={() => void run({ type: 'accept', proposalId: p.id })} title={t('proposal.acceptKey')}>
              {t('proposal.accept')}
            </button>
            <button type="button" className="small" onClick={() => void run({ type: 'reject', proposalId: p.id })} title={t('proposal.rejectKey')}>
              {t('proposal.reject')}
            </button>
          </>
        )}
        {can.acceptWithText && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(pendingText.trim() ? { type: 'accept', proposalId: p.id, text: pendingText.trim() } : { type: 'accept', proposalId: p.id }).then(
                (ok) => ok && setPendingText(''),
              );
            }}
          >
            <input value={pendingText} onChange={(e) => setPendingText(e.target.value)} placeholder={t('proposal.agreedTextHint')} aria-label={t('proposal.agreedText')} />
            <button type="submit" className="small primary">
              {t('proposal.accept')}
            </button>
            <button type="button" className="small" onClick={() => void run({ type: 'reject', proposalId: p.id })}>
              {t('proposal.reject')}
            </button>
          </form>
        )}
      </div>
      {editing !== null && (
        <form
          className="proposal-edit"
          onClick={(e) => e.stopPropagation()}
          onSubmit={(e) => {
            e.preventDefault();
            const change = can.edit && editing.text !== (p.text ?? '') ? { text: editing.text } : {};
            void run({ type: 'editProposal', proposalId: p.id, ...change, explanation: editing.explanation }).then((ok) => ok && setEditing(null));
          }}
        >
          {can.edit && <input value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} aria-label={t('proposal.proposedText')} autoFocus />}
          <input value={editing.explanation} onChange={(e) => setEditing({ ...editing, explanation: e.target.value })} aria-label={t('proposal.explanation')} placeholder={t('proposal.explanationHint')} />
          <span className="inline-form">
            <button type="submit" className="small primary">
              {t('common.save')}
            </button>
            <button type="button" className="small" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </span>
        </form>
      )}
      {can.comment && capped && <p className="proposal-comments-full muted small-text">{capped}</p>}
      {can.comment && !capped && (
        <form
          className="inline-form comment-form"
          onClick={(e) => e.stopPropagation()}
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) void run({ type: 'comment', proposalId: p.id, text: comment.trim(), ...behalf }).then((ok) => ok && setComment(''));
          }}
        >
          <input value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('proposal.commentHint')} aria-label={t('proposal.comment')} />
        </form>
      )}
    </li>
  );
}
