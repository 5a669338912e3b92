import { schema } from '@accord/shared';
import type { BlockSnapshot, Command, DecisionEntry, Proposal } from '@accord/shared/brackets/index';
import type { ParagraphLabel } from '@accord/shared';
import type { DirectEdit } from '@accord/shared/edits';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { floorSentence } from '../../room/floor-sentence';
import { formatTime } from '../../i18n/format';
import { kindName, proposalName, statusName } from '../words';
import { silenceSentence } from '../../room/silence-words';
import { SnapshotText } from './snapshot-text';

const ACTIONS = new Set(['accept', 'reject', 'setParagraphStatus', 'undo', 'revision']);
/** "accepted EU (insertion)": what the entry did, in the interface language. */
const did = (action: string, what: string, t: TFunction) => (ACTIONS.has(action) ? t(`decisions.past.${action}`, { what }) : t('decisions.past.other', { action, what }));

/** "Secretariat deleted ‘x’ in OP3" (shared's editSentence, in the interface language). */
const quote = (s: string) => `‘${s.length > 120 ? `${s.slice(0, 117)}…` : s}’`;
function editSentence(e: DirectEdit, paragraph: string, t: TFunction): string {
  return e.after === '' ? t('decisions.editDeleted', { by: e.by, before: quote(e.before), paragraph }) : t('decisions.editReplaced', { by: e.by, before: quote(e.before), after: quote(e.after), paragraph });
}

function text(b: BlockSnapshot | undefined): ReactNode {
  if (!b?.node) return '—';
  try {
    return <SnapshotText node={schema.nodeFromJSON(b.node)} />;
  } catch {
    // A snapshot from a newer schema: say so rather than break the log.
    return '…';
  }
}

const time = (at: number) => formatTime(at);

/** Every decision and status change, newest first: who, when, what, the text before → after. */
export function DecisionLog(props: {
  decisions: DecisionEntry[];
  /** Writers' direct edits, shown among the decisions by time (between revisions). */
  edits?: DirectEdit[];
  proposals: Record<string, Proposal>;
  labels: Map<string, ParagraphLabel>;
  isChair: boolean;
  run: (command: Command) => Promise<boolean>;
}) {
  const { decisions, proposals, labels, isChair, run } = props;
  const { t } = useTranslation();
  const undone = new Set(decisions.filter((d) => d.action === 'undo').map((d) => d.undoes));
  const edits = props.edits ?? [];
  if (decisions.length === 0 && edits.length === 0) return <p className="muted small-text">{t('decisions.none')}</p>;
  // Newest first; an edit goes where it began, so it reads between the revisions around it.
  const items: Array<{ at: number; d?: DecisionEntry; e?: DirectEdit }> = [...decisions.map((d) => ({ at: d.at, d })), ...edits.map((e) => ({ at: e.at, e }))];
  items.sort((x, y) => y.at - x.at);
  return (
    <ol className="decision-log" reversed>
      {items.map(({ d, e }) => {
        if (e) {
          return (
            <li key={e.id} className="decision decision-edit" data-edit={e.id}>
              <div dir="auto">
                <span className="muted">{time(e.at)}</span> {editSentence(e, labels.get(e.paragraphId)?.short ?? t('decisions.aParagraph'), t)}
              </div>
            </li>
          );
        }
        d = d!;
        if (d.action === 'silence') {
          // A step of a silence procedure: on the record, not undone (BR95, BR96).
          return (
            <li key={d.id} className={`decision decision-silence silence-${d.silence?.action ?? 'start'}`}>
              <div dir="auto">
                <span className="muted">{time(d.at)}</span> {silenceSentence(d, (id) => labels.get(id)?.short)}
              </div>
            </li>
          );
        }
        if (d.action === 'floor') {
          // The speakers' list is on the record, not undone (BR86).
          return (
            <li key={d.id} className="decision decision-floor">
              <div dir="auto">
                <span className="muted">{time(d.at)}</span> {floorSentence(d, (id) => labels.get(id)?.short, t)}
              </div>
            </li>
          );
        }
        const undoneEntry = d.undoes ? decisions.find((x) => x.id === d.undoes) : undefined;
        const what = (entry: DecisionEntry): string => {
          const of = entry.proposalId ? proposals[entry.proposalId] : undefined;
          if (entry.action === 'revision') return entry.revision ?? t('decisions.aRevision');
          if (entry.action === 'setParagraphStatus') {
            return `${labels.get(entry.paragraphId ?? '')?.short ?? t('decisions.aParagraph')} → ${statusName(entry.paragraphs[0]?.after, t)}`;
          }
          return of ? `${proposalName(of, t)} (${kindName(of.kind, t)})` : t('decisions.aProposal');
        };
        const subject = d.action === 'undo' ? (undoneEntry ? `“${did(undoneEntry.action, what(undoneEntry), t)}”` : t('decisions.anEarlier')) : what(d);
        const ids = [...new Set([...d.before.map((b) => b.id), ...d.after.map((b) => b.id)])];
        // BR32/BR34: the proposals this entry superseded (or, for an undo, re-opened).
        const superseded = d.proposals.filter((c) => c.after.status === 'superseded').map((c) => proposals[c.id]);
        const reopened = d.proposals.filter((c) => c.before.status === 'superseded').map((c) => proposals[c.id]);
        const names = (list: (Proposal | undefined)[]) => list.map((p) => (p ? `${proposalName(p, t)} (${kindName(p.kind, t)})` : t('decisions.aProposal'))).join('; ');
        return (
          <li key={d.id} className={`decision decision-${d.action}`}>
            <div>
              <span className="muted">{time(d.at)}</span> <strong>{d.by}</strong> {did(d.action, subject, t)}
            </div>
            {superseded.length > 0 && (
              <div className="decision-superseded small-text">
                {d.action === 'revision' ? t('decisions.closed', { names: names(superseded) }) : t('decisions.superseded', { names: names(superseded) })}
              </div>
            )}
            {reopened.length > 0 && <div className="decision-superseded small-text">{t('decisions.reopened', { names: names(reopened) })}</div>}
            {ids.map((id) => (
              <div key={id} className="decision-text" dir="auto">
                <span className="muted">{labels.get(id)?.short ?? ''} </span>
                <del>{text(d.before.find((b) => b.id === id))}</del> → <ins>{text(d.after.find((b) => b.id === id))}</ins>
              </div>
            ))}
            {isChair && d.action !== 'undo' && d.action !== 'revision' && !undone.has(d.id) && (
              <button type="button" className="small" onClick={() => void run({ type: 'undoDecision', decisionId: d.id })}>
                {t('decisions.undo')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
