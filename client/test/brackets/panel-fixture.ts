import { schema } from '@accord/shared';
import {
  applyCommand,
  blockText,
  commentsByProposal,
  findBlock,
  pendingRecords,
  type Actor,
  type Anchor,
  type BracketState,
  type Command,
  type Group,
} from '@accord/shared/brackets/index';
import { bracketView, type BracketView } from '../../src/brackets/bracket-state';

export const EU: Actor = { role: 'delegation', id: 'eu', delegation: 'EU' };
export const US: Actor = { role: 'delegation', id: 'us', delegation: 'US' };
export const SUDAN: Actor = { role: 'delegation', id: 'sudan', delegation: 'Sudan' };
export const CHAIR: Actor = { role: 'chair', id: 'chair', delegation: 'Chair' };
/** The chair assigned the US to JUSSCANNZ and Sudan to the G77 and China. */
export const GROUPS: Record<string, Group> = {
  jusscannz: { id: 'jusscannz', name: 'JUSSCANNZ', members: ['us'] },
  g77: { id: 'g77', name: 'G77 and China', members: ['sudan'] },
};

const para = (type: 'preambular' | 'operative', id: string, ...parts: (string | [string, string])[]) =>
  schema.nodes[type].create(
    { id },
    parts.map((p) => (typeof p === 'string' ? schema.text(p) : schema.text(p[1], [schema.marks.bracket.create({ id: p[0], role: 'pending' })]))),
  );

/** Anchor on `text` in a paragraph of the state's current text. */
export function on(state: BracketState, paragraphId: string, text: string): Anchor {
  const from = blockText(findBlock(state.doc, paragraphId)!.node).indexOf(text);
  if (from < 0) throw new Error(`"${text}" not in ${paragraphId}`);
  return { paragraphId, from, to: from + text.length, text };
}

/** A small resolution run through the real bracket rules, one command at a time. */
export class Negotiation {
  state: BracketState;
  private clock = 1_700_000_000_000;
  private n = 0;

  constructor() {
    const doc = schema.node('doc', null, [
      para('preambular', 'pp1', 'Recalling its resolution 74/247,'),
      para('operative', 'op1', 'Decides to establish an ad hoc committee;'),
      para('operative', 'op2', 'Requests the Secretary-General to report by ', ['ph', '日期'], ';'),
      para('operative', 'op3', 'Urges all States to sign the Convention as soon as possible;'),
    ]);
    this.state = { doc, proposals: pendingRecords(doc, {}, this.clock), paragraphs: {}, decisions: [], groups: GROUPS };
  }

  /** Applies a command and returns the proposal or decision id it produced. */
  run(actor: Actor, command: Command): string {
    const r = applyCommand(this.state, command, actor, ++this.clock, () => `x${++this.n}`);
    if (!r.ok) throw new Error(`${command.type}: ${r.error.code} ${r.error.message}`);
    this.state = {
      doc: r.doc,
      proposals: { ...this.state.proposals, ...r.proposals },
      paragraphs: { ...this.state.paragraphs, ...r.paragraphs },
      decisions: r.decision ? [...this.state.decisions, r.decision] : this.state.decisions,
      groups: this.state.groups,
      comments: commentsByProposal([...Object.values(this.state.comments ?? {}).flat(), ...(r.comments ?? [])]),
    };
    return r.result.decisionId ?? r.result.proposalId ?? '';
  }

  view(): BracketView {
    return bracketView(this.state.doc, this.state);
  }
}
