import { schema } from '@accord/shared';
import type { BlockSnapshot, Command, DecisionEntry, Proposal } from '@accord/shared/brackets/index';
import { proposalLabel } from '@accord/shared/brackets/index';
import type { ParagraphLabel } from '@accord/shared';
import { editSentence, type DirectEdit } from '@accord/shared/edits';
import type { ReactNode } from 'react';
import { floorSentence } from '../../room/floor-sentence';
import { silenceSentence } from '../../room/silence-words';
import { statusName } from './paragraph-status';
import { KIND_NAMES } from './proposal-card';
import { SnapshotText } from './snapshot-text';

const ACTIONS: Record<string, string> = { accept: 'accepted', reject: 'rejected', setParagraphStatus: 'set the status of', undo: 'undid', revision: 'issued' };

function text(b: BlockSnapshot | undefined): ReactNode {
  if (!b?.node) return '—';
  try {
    return <SnapshotText node={schema.nodeFromJSON(b.node)} />;
  } catch {
    // A snapshot from a newer schema: say so rather than break the log.
    return '…';
  }
}

const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

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
  const undone = new Set(decisions.filter((d) => d.action === 'undo').map((d) => d.undoes));
  const edits = props.edits ?? [];
  if (decisions.length === 0 && edits.length === 0) return <p className="muted small-text">No decision yet.</p>;
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
                <span className="muted">{time(e.at)}</span> {editSentence(e, labels.get(e.paragraphId)?.short ?? 'a paragraph')}
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
                <span className="muted">{time(d.at)}</span> {floorSentence(d, (id) => labels.get(id)?.short)}
              </div>
            </li>
          );
        }
        const undoneEntry = d.undoes ? decisions.find((x) => x.id === d.undoes) : undefined;
        const what = (entry: DecisionEntry): string => {
          const of = entry.proposalId ? proposals[entry.proposalId] : undefined;
          if (entry.action === 'revision') return entry.revision ?? 'a revision';
          if (entry.action === 'setParagraphStatus') {
            return `${labels.get(entry.paragraphId ?? '')?.short ?? 'a paragraph'} → ${statusName(entry.paragraphs[0]?.after)}`;
          }
          return of ? `${proposalLabel(of)} (${KIND_NAMES[of.kind] ?? of.kind})` : 'a proposal';
        };
        const subject = d.action === 'undo' ? (undoneEntry ? `“${ACTIONS[undoneEntry.action]} ${what(undoneEntry)}”` : 'an earlier decision') : what(d);
        const ids = [...new Set([...d.before.map((b) => b.id), ...d.after.map((b) => b.id)])];
        // BR32/BR34: the proposals this entry superseded (or, for an undo, re-opened).
        const superseded = d.proposals.filter((c) => c.after.status === 'superseded').map((c) => proposals[c.id]);
        const reopened = d.proposals.filter((c) => c.before.status === 'superseded').map((c) => proposals[c.id]);
        const names = (list: (Proposal | undefined)[]) => list.map((p) => (p ? `${proposalLabel(p)} (${KIND_NAMES[p.kind] ?? p.kind})` : 'a proposal')).join('; ');
        return (
          <li key={d.id} className={`decision decision-${d.action}`}>
            <div>
              <span className="muted">{time(d.at)}</span> <strong>{d.by}</strong> {ACTIONS[d.action] ?? d.action} {subject}
            </div>
            {superseded.length > 0 && (
              <div className="decision-superseded small-text">
                {d.action === 'revision' ? 'Closed, their text gone' : 'Superseded'}: {names(superseded)}
              </div>
            )}
            {reopened.length > 0 && <div className="decision-superseded small-text">Re-opened: {names(reopened)}</div>}
            {ids.map((id) => (
              <div key={id} className="decision-text" dir="auto">
                <span className="muted">{labels.get(id)?.short ?? ''} </span>
                <del>{text(d.before.find((b) => b.id === id))}</del> → <ins>{text(d.after.find((b) => b.id === id))}</ins>
              </div>
            ))}
            {isChair && d.action !== 'undo' && d.action !== 'revision' && !undone.has(d.id) && (
              <button type="button" className="small" onClick={() => void run({ type: 'undoDecision', decisionId: d.id })}>
                Undo
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
