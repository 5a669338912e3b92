import fc from 'fast-check';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { applyCommand, type BracketState, type Command } from '../../src/brackets/index.js';
import { schema } from '../../src/schema.js';
import { CHAIR, doc, fn, next, NOW, op, stateOf, t } from '../brackets/helpers.js';
import { action, base, DELEGATIONS, proposeCommand, type Action } from '../brackets/random-commands.js';

/** Random negotiation states for the clean-text and AKN properties: the convergence test's random actions, applied by one server. */

export const footnote = (marker: string, text: string) => schema.node('footnote', { id: `fn${marker}`, marker }, [schema.text(text)]);

/** The convergence test's text with footnotes, as one server applies the random actions to it. */
export const withNotes = doc(
  ...(base.content.content as PMNode[]).map((b, i) => (i === 1 ? b.type.create(b.attrs, [...(b.content.content as PMNode[]), fn('1'), schema.text(' and more')]) : b)),
  op('op4', 'Invites ', t('all', schema.marks.italic.create()), ' States', fn('2'), ' to act'),
  footnote('1', 'See A/74/247.'),
  footnote('2', 'See A/79/460.'),
);

export function play(actions: Action[], start: PMNode = withNotes): BracketState {
  let s = stateOf(start);
  let n = 0;
  const ids = () => `i${++n}`;
  const exec = (cmd: Command, actor = CHAIR) => {
    const r = applyCommand(s, cmd, actor, NOW + n, ids);
    if (r.ok) s = next(s, r);
  };
  for (const act of actions) {
    const open = Object.values(s.proposals).filter((p) => p.status === 'open').sort((a, b) => a.id.localeCompare(b.id));
    if (act.a === 'propose') exec(proposeCommand(act, s.doc, true), DELEGATIONS[act.who]);
    else if ((act.a === 'decide' || act.a === 'decideThenUndo') && open.length) exec({ type: act.accept ? 'accept' : 'reject', proposalId: open[act.pick % open.length].id });
    else if (act.a === 'undo' && s.decisions.length) exec({ type: 'undoDecision', decisionId: s.decisions[act.pick % s.decisions.length].id });
    else if (act.a === 'status') exec({ type: 'setParagraphStatus', paragraphId: String(s.doc.child(act.para % s.doc.childCount).attrs.id), status: (['open', 'informals', 'adref', 'agreed', 'deleted'] as const)[act.status] });
    else if (act.a === 'peerEdit') {
      // The secretariat's pen: text typed or deleted outside any command (it may orphan proposals).
      const i = act.para % s.doc.childCount;
      let pos = 1;
      for (let k = 0; k < i; k++) pos += s.doc.child(k).nodeSize;
      const size = s.doc.child(i).content.size;
      const from = act.x % (size + 1);
      const tr = new Transform(s.doc);
      tr.replaceWith(pos + from, pos + Math.min(size, from + act.y), act.text ? schema.text(act.text) : []);
      s = { ...s, doc: tr.doc };
    }
  }
  return s;
}

/** More proposals than the convergence test makes, so that many are open at the end. */
export const actions = fc.array(fc.oneof({ weight: 2, arbitrary: action.filter((a) => a.a === 'propose') }, { weight: 3, arbitrary: action }), { minLength: 5, maxLength: 40 });
