import { i18next } from '../../src/i18n';
import { describe, expect, it } from 'vitest';
import { findProposalText } from '@accord/shared/brackets/index';
import { bracketHomes, cardActions, DEFAULT_FILTER, filterChoices, groupBrackets, STATUS_FILTERS, stepBracket, supersededBy, type PanelFilter, type Viewer } from '../../src/brackets/panel/panel-model';

type PanelFilterStatus = PanelFilter['status'];
import { CHAIR, EU, GROUPS, Negotiation, on, SUDAN, US } from './panel-fixture';

/** EU replaces in OP3, US inserts in OP1, Sudan for the G77 deletes in OP1, EU adds a paragraph after OP1. */
function negotiation() {
  const n = new Negotiation();
  const replace = n.run(EU, { type: 'propose', kind: 'replace', anchor: on(n.state, 'op3', 'as soon as possible'), text: 'at the earliest opportunity' });
  const insert = n.run(US, { type: 'propose', kind: 'insert', anchor: { ...on(n.state, 'op1', ''), from: 41, to: 41, text: '' }, text: ' without delay' });
  const del = n.run(SUDAN, { type: 'propose', kind: 'delete', anchor: on(n.state, 'op1', 'ad hoc '), onBehalfOf: 'G77 and China' });
  const bis = n.run(EU, { type: 'propose', kind: 'newParagraph', after: 'op1', blockType: 'operative', text: 'Encourages capacity-building;' });
  n.run(US, { type: 'support', proposalId: replace });
  return { n, replace, insert, del, bis };
}

const viewer = (role: Viewer['role'], delegation: string, onBehalfOf = ''): Viewer => ({ role, id: delegation.toLowerCase(), delegation, onBehalfOf, groups: GROUPS });

describe('bracket panel grouping and filters', () => {
  it('groups open brackets by paragraph label in text order, a new paragraph as "OP1 bis"', () => {
    const { n, replace, insert, del, bis } = negotiation();
    const groups = groupBrackets(n.view(), DEFAULT_FILTER);
    expect(groups.map((g) => g.label)).toEqual(['OP1', 'OP1 bis', 'OP2', 'OP3']);
    expect(groups[0].proposals.map((p) => p.id)).toEqual([insert, del]);
    expect(groups[1].proposals.map((p) => p.id)).toEqual([bis]);
    expect(groups[2].proposals.map((p) => p.kind)).toEqual(['pending']);
    expect(groups[3].proposals.map((p) => p.id)).toEqual([replace]);
  });

  it('filters by any position a delegation took, by kind and by status', () => {
    const { n, replace, insert } = negotiation();
    const view = n.view();
    // The US proposed the insertion and supports the EU's replacement.
    const us = groupBrackets(view, { ...DEFAULT_FILTER, delegation: 'US' }).flatMap((g) => g.proposals.map((p) => p.id));
    expect(us.sort()).toEqual([insert, replace].sort());
    const group = groupBrackets(view, { ...DEFAULT_FILTER, delegation: 'G77 and China (Sudan)' });
    expect(group.map((g) => g.label)).toEqual(['OP1']);
    expect(groupBrackets(view, { ...DEFAULT_FILTER, kind: 'pending' }).map((g) => g.label)).toEqual(['OP2']);

    n.run(CHAIR, { type: 'accept', proposalId: replace });
    const after = n.view();
    expect(groupBrackets(after, DEFAULT_FILTER).some((g) => g.proposals.some((p) => p.id === replace))).toBe(false);
    expect(groupBrackets(after, { ...DEFAULT_FILTER, status: 'accepted' }).flatMap((g) => g.proposals.map((p) => p.id))).toEqual([replace]);
    expect(groupBrackets(after, { ...DEFAULT_FILTER, status: 'all' }).flatMap((g) => g.proposals)).toHaveLength(5);
  });

  it('finds where each bracket is in one pass, as the per-proposal search does', () => {
    const { n, replace } = negotiation();
    n.run(CHAIR, { type: 'accept', proposalId: replace });
    const homes = bracketHomes(n.state.doc);
    for (const id of Object.keys(n.state.proposals)) expect(homes.get(id)).toBe(findProposalText(n.state.doc, id)[0]?.blockId);
    expect([...homes.values()]).toContain('op1');
  });

  it('offers every delegation and kind present as filter choices', () => {
    const { n } = negotiation();
    expect(filterChoices(Object.values(n.state.proposals))).toEqual({
      delegations: ['EU', 'G77 and China (Sudan)', 'US'],
      kinds: ['delete', 'insert', 'newParagraph', 'pending', 'replace'],
    });
  });
});

describe('J/K stepping', () => {
  it('starts at the first open bracket, moves both ways, stops at the ends and skips decided ones', () => {
    const { n, insert, del, bis, replace } = negotiation();
    n.run(CHAIR, { type: 'reject', proposalId: bis });
    const list = groupBrackets(n.view(), { ...DEFAULT_FILTER, status: 'all' }).flatMap((g) => g.proposals);
    expect(stepBracket(list, null, 1)?.id).toBe(insert);
    expect(stepBracket(list, insert, 1)?.id).toBe(del);
    // The rejected OP1 bis is skipped: next is the pending [日期] in OP2.
    expect(stepBracket(list, del, 1)?.kind).toBe('pending');
    expect(stepBracket(list, replace, 1)?.id).toBe(replace);
    expect(stepBracket(list, insert, -1)?.id).toBe(insert);
    expect(stepBracket([], null, 1)).toBeUndefined();
  });
});

describe('card controls by role (BR12–BR15)', () => {
  it('delegations never see accept or reject; the chair never takes positions', () => {
    const { n, replace } = negotiation();
    const p = n.state.proposals[replace];
    for (const who of [viewer('delegation', 'US'), viewer('delegation', 'EU'), viewer('secretariat', 'Secretariat'), viewer('observer', 'Press')]) {
      expect(cardActions(p, who)).toMatchObject({ decide: false, acceptWithText: false });
    }
    expect(cardActions(p, viewer('chair', 'Chair'))).toMatchObject({ decide: true, support: false, oppose: false, cosponsor: false, withdraw: null, comment: true });
    expect(cardActions(p, viewer('observer', 'Press'))).toMatchObject({ support: false, comment: false });
  });

  it('the proposer edits and withdraws; others support, oppose or co-sponsor; a position on record is shown pressed', () => {
    const { n, replace } = negotiation();
    const p = n.state.proposals[replace];
    expect(cardActions(p, viewer('delegation', 'EU'))).toMatchObject({ edit: true, explain: true, withdraw: 'proposal', support: false, cosponsor: false });
    expect(cardActions(p, viewer('delegation', 'US'))).toMatchObject({ support: true, supported: true, oppose: true, opposed: false, cosponsor: true, edit: false, withdraw: null });
    // The same delegation speaking for a group takes a separate position.
    expect(cardActions(p, viewer('delegation', 'US', 'JUSSCANNZ'))).toMatchObject({ supported: false, support: true });
  });

  it('a co-sponsor withdraws only its name; a group sponsor is the speaking delegation’s own', () => {
    const { n, replace, del } = negotiation();
    n.run(SUDAN, { type: 'cosponsor', proposalId: replace });
    expect(cardActions(n.state.proposals[replace], viewer('delegation', 'Sudan'))).toMatchObject({ withdraw: 'name', support: false, edit: true });
    // Sudan proposed the deletion for the G77: it withdraws it; as the G77 it takes no position on it.
    expect(cardActions(n.state.proposals[del], viewer('delegation', 'Sudan', 'G77 and China'))).toMatchObject({ withdraw: 'proposal', support: false, edit: false, explain: true });
  });

  it('a pending placeholder is accepted with a text by the chair and cannot be co-sponsored', () => {
    const { n } = negotiation();
    const pending = Object.values(n.state.proposals).find((p) => p.kind === 'pending')!;
    expect(cardActions(pending, viewer('chair', 'Chair'))).toMatchObject({ acceptWithText: true, decide: false });
    expect(cardActions(pending, viewer('delegation', 'US'))).toMatchObject({ support: true, cosponsor: false });
  });

  it('a decided proposal keeps only its comment thread open', () => {
    const { n, replace } = negotiation();
    n.run(CHAIR, { type: 'accept', proposalId: replace });
    const p = n.state.proposals[replace];
    expect(cardActions(p, viewer('chair', 'Chair'))).toMatchObject({ decide: false, comment: true });
    expect(cardActions(p, viewer('delegation', 'EU'))).toMatchObject({ edit: false, withdraw: null, comment: true });
    expect(cardActions(p, viewer('delegation', 'US'))).toMatchObject({ support: false, comment: true });
    // The server agrees: positions on a decided proposal are refused.
    expect(() => n.run(US, { type: 'oppose', proposalId: replace })).toThrow(/proposal_not_open/);
  });
});

describe('superseded proposals in the panel (BR32)', () => {
  it('a superseded proposal is listed under "superseded" with the decision that superseded it, not under "open"', () => {
    const n = new Negotiation();
    const replace = n.run(EU, { type: 'propose', kind: 'replace', anchor: on(n.state, 'op3', 'as soon as possible'), text: 'at the earliest opportunity' });
    const del = n.run(US, { type: 'propose', kind: 'delete', anchor: on(n.state, 'op3', 'as soon as possible') });
    n.run(CHAIR, { type: 'accept', proposalId: replace });
    const view = n.view();
    expect(view.proposals[del].status).toBe('superseded');
    expect(view.counts.byParagraph.op3 ?? 0).toBe(0);
    const ids = (status: PanelFilterStatus) => groupBrackets(view, { ...DEFAULT_FILTER, status }).flatMap((g) => g.proposals.map((p) => p.id));
    expect(ids('open')).not.toContain(del);
    expect(ids('superseded')).toEqual([del]);
    expect(STATUS_FILTERS).toContain('superseded');
    expect(supersededBy(view.proposals[del], view.decisions, view.proposals, i18next.t)).toBe("by Chair's acceptance of EU");
  });
});
