import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MAX_COMMENTS_PER_PARTICIPANT, type Command } from '@accord/shared/brackets/index';
import type { Identity } from '../../src/collab/accord-messages';
import * as Y from 'yjs';
import { Y_COMMENTS } from '@accord/shared';
import { CommentStore } from '../../src/brackets/panel/comment-store';
import { DecisionLog } from '../../src/brackets/panel/decision-log';
import { CommentsContext } from '../../src/brackets/panel/use-proposal-comments';
import { ProposalCard } from '../../src/brackets/panel/proposal-card';
import { inlineTag, tooltip } from '../../src/editor/extensions/bracket-annotations';
import { CHAIR, EU, GROUPS, Negotiation, on, SUDAN, US } from './panel-fixture';

const run = (_: Command) => Promise.resolve(true);
const me = (role: Identity['role'], delegation: string): Identity => ({ role, id: delegation.toLowerCase(), delegation, color: '#333', readOnly: role !== 'chair' });

/** The session's comment entries as the client sees them: in the Y.Map `comments` (BR15). */
function commentStore(n: Negotiation): CommentStore {
  const ydoc = new Y.Doc();
  const map = ydoc.getMap(Y_COMMENTS);
  for (const c of Object.values(n.state.comments ?? {}).flat()) map.set(c.id, c);
  return new CommentStore(ydoc);
}

function card(n: Negotiation, id: string, who: Identity, onBehalfOf = '') {
  return renderToStaticMarkup(
    <CommentsContext.Provider value={commentStore(n)}>
      <ProposalCard proposal={n.state.proposals[id]} me={who} onBehalfOf={onBehalfOf} groups={GROUPS} selected={false} run={run} onSelect={() => undefined} />
    </CommentsContext.Provider>,
  );
}

const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

describe('proposal card as rendered', () => {
  it('shows sponsor, change, positions, explanation and comments; the controls follow the role', () => {
    const n = new Negotiation();
    const id = n.run(EU, { type: 'propose', kind: 'replace', anchor: on(n.state, 'op3', 'as soon as possible'), text: 'at the earliest opportunity', explanation: 'softer' });
    n.run(US, { type: 'oppose', proposalId: id });
    n.run(US, { type: 'comment', proposalId: id, text: 'We cannot accept a deadline.', onBehalfOf: 'JUSSCANNZ' });

    const chair = card(n, id, me('chair', 'Chair'));
    expect(chair).toContain('«as soon as possible» → «at the earliest opportunity»');
    expect(chair).toContain('Delete: US');
    expect(chair).toContain('softer');
    expect(chair).toContain('JUSSCANNZ (US):');
    expect(chair).toContain('We cannot accept a deadline.');
    // A record written before comments were entries keeps its thread inside: shown first.
    n.state.proposals[id] = { ...n.state.proposals[id], comments: [{ by: { name: 'Norway' }, at: 1, text: 'From before.' }] };
    const both = card(n, id, me('chair', 'Chair'));
    expect(both.indexOf('Norway:')).toBeGreaterThan(0);
    expect(both.indexOf('Norway:')).toBeLessThan(both.indexOf('JUSSCANNZ (US):'));
    // At the cap (BR15) the comment field gives way to the reason, for that participant only.
    for (let i = 1; i < MAX_COMMENTS_PER_PARTICIPANT; i++) n.run(US, { type: 'comment', proposalId: id, text: `more ${i}` });
    expect(card(n, id, me('delegation', 'US'))).toContain('You have already made 50 comments on this proposal');
    expect(card(n, id, me('delegation', 'US'))).not.toContain('aria-label="Comment"');
    expect(card(n, id, me('delegation', 'EU'))).toContain('aria-label="Comment"');
    expect(buttons(chair)).toEqual(['Accept', 'Reject']);

    expect(buttons(card(n, id, me('delegation', 'EU')))).toEqual(['Edit', 'Withdraw']);
    expect(buttons(card(n, id, me('delegation', 'US')))).toEqual(['Support', 'Opposed', 'Co-sponsor']);
    expect(card(n, id, me('delegation', 'US'))).toMatch(/aria-pressed="true" disabled=""[^>]*>Opposed/);
    // Speaking for a group, the US has no position yet.
    expect(buttons(card(n, id, me('delegation', 'US'), 'JUSSCANNZ'))).toEqual(['Support', 'Oppose', 'Co-sponsor']);
    expect(buttons(card(n, id, me('observer', 'Press')))).toEqual([]);
    expect(card(n, id, me('observer', 'Press'))).not.toContain('Comment');
  });
});

describe('one wording for positions, card and inline tag alike (BR52, reproduction 6)', () => {
  const kinds: [string, (n: Negotiation) => string][] = [
    ['insert', (n) => n.run(EU, { type: 'propose', kind: 'insert', anchor: { ...on(n.state, 'op1', ''), from: 41, to: 41, text: '' }, text: ' without delay' })],
    ['delete', (n) => n.run(EU, { type: 'propose', kind: 'delete', anchor: on(n.state, 'op1', 'ad hoc ') })],
    ['replace', (n) => n.run(EU, { type: 'propose', kind: 'replace', anchor: on(n.state, 'op3', 'as soon as possible'), text: 'promptly' })],
    ['alternative', (n) => n.run(EU, { type: 'propose', kind: 'alternative', anchor: on(n.state, 'op3', 'as soon as possible'), text: 'promptly' })],
    ['reserve', (n) => n.run(EU, { type: 'propose', kind: 'reserve', anchor: on(n.state, 'op3', 'as soon as possible') })],
    ['pending', () => 'ph'],
    ['newParagraph', (n) => n.run(EU, { type: 'propose', kind: 'newParagraph', after: 'op1', blockType: 'operative', text: 'Encourages States;' })],
    ['deleteParagraph', (n) => n.run(EU, { type: 'propose', kind: 'deleteParagraph', paragraphId: 'op3' })],
  ];
  for (const [kind, make] of kinds) {
    it(`${kind}: the panel card and the inline tag say the same word for supporters and opposers`, () => {
      const n = new Negotiation();
      const id = make(n);
      n.run(US, { type: 'support', proposalId: id });
      n.run(SUDAN, { type: 'oppose', proposalId: id });
      const p = n.state.proposals[id];
      expect(p.kind).toBe(kind);
      const deletion = kind === 'delete' || kind === 'deleteParagraph';
      const [yes, no] = deletion ? ['delete', 'retain'] : ['retain', 'delete'];
      const html = card(n, id, me('chair', 'Chair'));
      expect(html).toMatch(new RegExp(`data-position="supporters">${yes[0].toUpperCase()}${yes.slice(1)}: US<`, 'i'));
      expect(html).toMatch(new RegExp(`data-position="opposers">${no[0].toUpperCase()}${no.slice(1)}: Sudan<`, 'i'));
      if (kind !== 'pending') {
        // Pending placeholders carry no inline tag; every other kind states the same positions inline.
        expect(inlineTag(p)).toContain(`US ${yes}`);
        expect(inlineTag(p)).toContain(`Sudan ${no}`);
      }
      expect(tooltip(p)).toContain(`${yes}: US`);
      expect(tooltip(p)).toContain(`${no}: Sudan`);
    });
  }
});

describe('decision log as rendered', () => {
  it('lists who decided what with the text before and after; only the chair sees Undo, and not on undone decisions', () => {
    const n = new Negotiation();
    const id = n.run(EU, { type: 'propose', kind: 'replace', anchor: on(n.state, 'op3', 'as soon as possible'), text: 'promptly' });
    const decision = n.run(CHAIR, { type: 'accept', proposalId: id });
    const view = n.view();
    const log = (isChair: boolean) =>
      renderToStaticMarkup(<DecisionLog decisions={view.decisions} proposals={view.proposals} labels={view.labels} isChair={isChair} run={run} />);

    const chair = log(true);
    expect(chair).toContain('<strong>Chair</strong> accepted EU (replacement)');
    expect(chair).toMatch(/OP3 <\/span><del>Urges all States to sign the Convention \[<s>as soon as possible<\/s><u>promptly<\/u>\];<\/del> → <ins>Urges all States to sign the Convention promptly;<\/ins>/);
    expect(buttons(chair)).toEqual(['Undo']);
    expect(buttons(log(false))).toEqual([]);

    n.run(CHAIR, { type: 'undoDecision', decisionId: decision });
    const undone = n.view();
    const after = renderToStaticMarkup(<DecisionLog decisions={undone.decisions} proposals={undone.proposals} labels={undone.labels} isChair run={run} />);
    expect(after).toContain('undid “accepted EU (replacement)”');
    expect(buttons(after)).toEqual([]);
  });
});
