import { describe, expect, it } from 'vitest';
import { applyCommand, orphanedProposals, pendingRecords } from '../../src/brackets/index.js';
import {
  after, alt, at, CHAIR, del, doc, EU, expectError, idGen, ins, NOW, ok, op, opAdded, pend, pp, res, run, SUDAN,
  stateOf, struck, t, br, testCommand, US, NORWAY, st, as, forG77,
} from './helpers.js';

const base = doc(
  pp('pp1', 'Recalling its resolution 74/247'),
  op('op1', 'Decides to establish an ad hoc committee'),
  op('op2', 'Requests support by ', pend('ph', '日期')),
  op('op3', 'Calls upon all States to combat unsustainable patterns'),
);
const S = stateOf(base, { proposals: pendingRecords(base, {}, NOW) });
const [PP1, OP1, OP2, OP3] = [base.child(0), base.child(1), base.child(2), base.child(3)];

/** Ids: proposals p1, p2…; decisions d1, d2… */
function propose(s = S) {
  const ids = idGen('p');
  s = run(s, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' open-ended' }, EU, ids); // p1
  s = run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, US, ids); // p2
  s = run(s, { type: 'propose', kind: 'replace', anchor: at(base, 'op3', 'combat'), text: 'change' }, EU, ids); // p3
  return s;
}
const P = propose();
const OP1P = op('op1', 'Decides to establish', ins('p1', ' open-ended'), ' an', del('p2', ' ad hoc'), ' committee');
const OP3P = op('op3', 'Calls upon all States to ', del('p3', 'combat'), ins('p3', 'change'), ' unsustainable patterns');

describe('decisions', () => {
  it('[BR17] agreed, ad ref and deleted paragraphs refuse proposals, edits, withdrawals and decisions', () => {
    for (const status of ['agreed', 'adref', 'deleted'] as const) {
      const s = { ...P, paragraphs: { op1: { status }, op3: { status } } };
      expectError(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'op1', 'committee') }, EU, 'paragraph_locked');
      expectError(s, { type: 'propose', kind: 'deleteParagraph', paragraphId: 'op1' }, EU, 'paragraph_locked');
      expectError(s, { type: 'editProposal', proposalId: 'p1', text: 'x' }, EU, 'paragraph_locked');
      expectError(s, { type: 'withdraw', proposalId: 'p3' }, EU, 'paragraph_locked');
      expectError(s, { type: 'accept', proposalId: 'p2' }, CHAIR, 'paragraph_locked');
      expectError(s, { type: 'propose', kind: 'alternative', alternativeTo: 'p1', text: 'x' }, US, 'paragraph_locked');
      run(s, { type: 'support', proposalId: 'p1' }, US);
      run(s, { type: 'comment', proposalId: 'p1', text: 'still' }, US);
    }
    const s = { ...P, paragraphs: { op1: { status: 'informals' as const, pending: 'US' } } };
    run(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'op1', 'committee') }, EU);
  });

  it('[BR20] accepting an insertion makes it plain; rejecting removes it (never agreed, not struck)', () => {
    testCommand(P, { type: 'accept', proposalId: 'p1' }, CHAIR,
      doc(PP1, op('op1', 'Decides to establish open-ended an', del('p2', ' ad hoc'), ' committee'), OP2, OP3P));
    testCommand(P, { type: 'reject', proposalId: 'p1' }, CHAIR,
      doc(PP1, op('op1', 'Decides to establish an', del('p2', ' ad hoc'), ' committee'), OP2, OP3P));
  });

  it('[BR21] accepting a deletion strikes the text (kept visible); rejecting makes it plain', () => {
    const s = testCommand(P, { type: 'accept', proposalId: 'p2' }, CHAIR,
      doc(PP1, op('op1', 'Decides to establish', ins('p1', ' open-ended'), ' an', struck('n1', ' ad hoc'), ' committee'), OP2, OP3P));
    expect(s.proposals.p2).toMatchObject({ status: 'accepted', decision: 'n1' });
    testCommand(P, { type: 'reject', proposalId: 'p2' }, CHAIR,
      doc(PP1, op('op1', 'Decides to establish', ins('p1', ' open-ended'), ' an ad hoc committee'), OP2, OP3P));
  });

  it('[BR22] a replacement: accept strikes the old text and keeps the new; reject keeps the old', () => {
    testCommand(P, { type: 'accept', proposalId: 'p3' }, CHAIR,
      doc(PP1, OP1P, OP2, op('op3', 'Calls upon all States to ', struck('n1', 'combat'), 'change unsustainable patterns')));
    testCommand(P, { type: 'reject', proposalId: 'p3' }, CHAIR, doc(PP1, OP1P, OP2, OP3));
  });

  it('[BR23] accepting one alternative rejects its siblings; rejecting one drops only it', () => {
    const ids = idGen('a');
    let s = run(S, { type: 'propose', kind: 'alternative', anchor: at(base, 'op3', 'combat'), text: 'change' }, EU, ids); // a1 orig, a2
    s = run(s, { type: 'propose', kind: 'alternative', alternativeTo: 'a2', text: 'promote' }, US, ids); // a3
    const acc = testCommand(s, { type: 'accept', proposalId: 'a2' }, CHAIR,
      doc(PP1, OP1, OP2, op('op3', 'Calls upon all States to ', struck('n1', 'combat'), 'change unsustainable patterns')));
    expect([acc.proposals.a1.status, acc.proposals.a2.status, acc.proposals.a3.status]).toEqual(['rejected', 'accepted', 'rejected']);
    expect(acc.decisions[0].proposals.map((c) => c.id).sort()).toEqual(['a1', 'a2', 'a3']);
    const orig = testCommand(s, { type: 'accept', proposalId: 'a1' }, CHAIR, doc(PP1, OP1, OP2, OP3));
    expect(orig.proposals.a3.status).toBe('rejected');
    const rej = testCommand(s, { type: 'reject', proposalId: 'a3' }, CHAIR,
      doc(PP1, OP1, OP2, op('op3', 'Calls upon all States to ', alt('a1', 1, 'combat'), alt('a2', 2, 'change'), ' unsustainable patterns')));
    expect(rej.proposals.a2.status).toBe('open');
  });

  it('[BR24] reservations and pending brackets: accept lifts the brackets, reject strikes the text, pending accepts a text', () => {
    const s = run(S, { type: 'propose', kind: 'reserve', anchor: at(base, 'op1', 'ad hoc') }, US, idGen('r'));
    testCommand(s, { type: 'accept', proposalId: 'r1' }, CHAIR, base);
    testCommand(s, { type: 'reject', proposalId: 'r1' }, CHAIR, doc(PP1, op('op1', 'Decides to establish an ', struck('n1', 'ad hoc'), ' committee'), OP2, OP3));
    testCommand(S, { type: 'accept', proposalId: 'ph' }, CHAIR, doc(PP1, OP1, op('op2', 'Requests support by 日期'), OP3));
    const w = testCommand(S, { type: 'accept', proposalId: 'ph', text: '2024年12月24日' }, CHAIR,
      doc(PP1, OP1, op('op2', 'Requests support by ', struck('n1', '日期'), '2024年12月24日'), OP3));
    expect(w.proposals.ph).toMatchObject({ status: 'accepted', text: '2024年12月24日' });
    testCommand(S, { type: 'reject', proposalId: 'ph' }, CHAIR, doc(PP1, OP1, op('op2', 'Requests support by ', struck('n1', '日期')), OP3));
    expectError(s, { type: 'accept', proposalId: 'r1', text: 'x' }, CHAIR, 'invalid');
    expect(res('r1', 'x').marks).toHaveLength(1);
  });

  it('[BR25] a new paragraph: accept keeps the block (still "added"), reject removes it', () => {
    const s = run(S, { type: 'propose', kind: 'newParagraph', after: 'op1', blockType: 'operative', text: 'Invites donors' }, EU, idGen('q'));
    testCommand(s, { type: 'accept', proposalId: 'q1' }, CHAIR, doc(PP1, OP1, opAdded('q2', 'q1', 'Invites donors'), OP2, OP3));
    testCommand(s, { type: 'reject', proposalId: 'q1' }, CHAIR, base);
  });

  it('[BR26] deleting a paragraph: accept strikes all its text and marks it deleted; reject changes nothing', () => {
    const s = run(S, { type: 'propose', kind: 'deleteParagraph', paragraphId: 'pp1' }, US, idGen('q'));
    const a = testCommand(s, { type: 'accept', proposalId: 'q1' }, CHAIR,
      doc(pp('pp1', struck('n1', 'Recalling its resolution 74/247')), OP1, OP2, OP3));
    expect(a.paragraphs.pp1).toEqual({ status: 'deleted' });
    testCommand(s, { type: 'reject', proposalId: 'q1' }, CHAIR, base);
  });

  it('[BR27] a decided proposal is not decided again (two chairs at once: the second gets proposal_not_open)', () => {
    const s = run(P, { type: 'accept', proposalId: 'p2' }, CHAIR);
    expectError(s, { type: 'accept', proposalId: 'p2' }, CHAIR, 'proposal_not_open');
    expectError(s, { type: 'reject', proposalId: 'p2' }, CHAIR, 'proposal_not_open');
    expectError(s, { type: 'support', proposalId: 'p2' }, EU, 'proposal_not_open');
  });

  it('[BR28] a decision on one bracket leaves the other brackets of the paragraph where they were', () => {
    const s = run(P, { type: 'reject', proposalId: 'p1' }, CHAIR);
    const r = run(s, { type: 'accept', proposalId: 'p2' }, CHAIR);
    expect(r.doc.child(1).toJSON()).toEqual(op('op1', 'Decides to establish an', struck('n1', ' ad hoc'), ' committee').toJSON());
  });

  it('[BR29] an open proposal whose text a withdrawal removes stays open and is flagged; it can only be rejected (a decision supersedes it instead, BR32)', () => {
    let s = run(S, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' an open-ended' }, EU, idGen('p'));
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'op1', 'open') }, US, idGen('q'));
    const r = ok(applyCommand(s, { type: 'withdraw', proposalId: 'p1' }, EU, NOW, idGen()));
    expect(r.result.orphaned).toEqual(['q1']);
    const s2 = { ...s, doc: r.doc, proposals: { ...s.proposals, ...r.proposals } };
    expect(orphanedProposals(s2)).toEqual(['q1']);
    expect(s2.proposals.q1.status).toBe('open');
    expectError(s2, { type: 'accept', proposalId: 'q1' }, CHAIR, 'anchor_gone');
    run(s2, { type: 'reject', proposalId: 'q1' }, CHAIR);
  });

  it('[BR30] every decision is logged with who, when, what and the paragraphs before and after', () => {
    const s = run(P, { type: 'accept', proposalId: 'p2' }, CHAIR, idGen('d'));
    expect(s.decisions).toEqual([{
      id: 'd1', at: NOW, by: 'Chair', byId: 'chair', action: 'accept', proposalId: 'p2', paragraphId: 'op1',
      before: [{ id: 'op1', prev: 'pp1', node: OP1P.toJSON() }],
      after: [{ id: 'op1', prev: 'pp1', node: op('op1', 'Decides to establish', ins('p1', ' open-ended'), ' an', t(' ad hoc', st('d1')), ' committee').toJSON() }],
      proposals: [{ id: 'p2', before: { status: 'open', kind: 'delete' }, after: { status: 'accepted', kind: 'delete', decision: 'd1' } }],
      paragraphs: [],
    }]);
  });

  it('[BR31] paragraph status: informals pending a delegation, agreed only without open brackets, deleted strikes, reopening lifts it', () => {
    let s = testCommand(P, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'informals', pending: 'US' }, CHAIR, P.doc);
    expect(s.paragraphs.op1).toEqual({ status: 'informals', pending: 'US' });
    expectError(P, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'agreed' }, CHAIR, 'invalid');
    expectError(P, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'open', pending: 'US' }, CHAIR, 'invalid');
    expectError(P, { type: 'setParagraphStatus', paragraphId: 'zz', status: 'open' }, CHAIR, 'not_found');
    s = testCommand(S, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'agreed' }, CHAIR, base);
    testCommand(s, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'open' }, CHAIR, base, idGen('x'));
    s = run(S, { type: 'setParagraphStatus', paragraphId: 'pp1', status: 'deleted' }, CHAIR, idGen('d'));
    expect(s.doc.child(0).toJSON()).toEqual(pp('pp1', struck('d1', 'Recalling its resolution 74/247')).toJSON());
    s = run(s, { type: 'setParagraphStatus', paragraphId: 'pp1', status: 'open' }, CHAIR, idGen('e'));
    expect(s.doc.toJSON()).toEqual(base.toJSON());
    expect(s.decisions.map((d) => d.action)).toEqual(['setParagraphStatus', 'setParagraphStatus']);
  });

  it('[BR10] a group supports through a member and the decision keeps every name', () => {
    let s = run(P, { type: 'support', proposalId: 'p3', onBehalfOf: 'G77 and China' }, SUDAN);
    s = run(s, { type: 'oppose', proposalId: 'p3' }, NORWAY);
    s = run(s, { type: 'accept', proposalId: 'p3' }, CHAIR);
    expect(s.proposals.p3).toMatchObject({ status: 'accepted', supporters: [forG77(SUDAN)], opposers: [as(NORWAY)] });
    expect(br('x', 'insert').attrs.role).toBe('insert');
  });
});
