import { describe, expect, it } from 'vitest';
import { applyCommand, bracketCounts, closeAtRevision, goneAtRevision, orphanedProposals } from '../../src/brackets/index.js';
import { renumberAtRevision } from '../../src/revisions/renumber-at-revision.js';
import {
  after, alt, at, br, CHAIR, del, doc, EU, expectError, idGen, ins, NOW, ok, op, pp, run, stateOf, struck, t, st, testCommand, US, NORWAY,
} from './helpers.js';

const base = doc(
  pp('pp1', '回顾其第74/247号决议'),
  op('op3', '促请所有国家尽快签署和批准《公约》'),
  op('op4', 'Decides to establish an ad hoc committee'),
);
const S = stateOf(base);
const PP1 = base.child(0);
const OP4 = base.child(2);

describe('superseded proposals', () => {
  it('[BR32] reproduction 7: accepting a replacement of 尽快 supersedes a deletion of 尽快; undo re-opens it', () => {
    let s = run(S, { type: 'propose', kind: 'replace', anchor: at(base, 'op3', '尽快'), text: '在可行的情况下尽早' }, EU, idGen('a'));
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', '尽快') }, US, idGen('b'));
    expect(s.doc.child(1).toJSON()).toEqual(
      op('op3', '促请所有国家', t('尽快', br('a1', 'delete'), br('b1', 'delete')), ins('a1', '在可行的情况下尽早'), '签署和批准《公约》').toJSON(),
    );
    const r = testCommand(s, { type: 'accept', proposalId: 'a1' }, CHAIR,
      doc(PP1, op('op3', '促请所有国家', struck('n1', '尽快'), '在可行的情况下尽早签署和批准《公约》'), OP4));
    expect(r.proposals.b1).toMatchObject({ status: 'superseded', decision: 'n1' });
    expect(r.decisions[0].proposals).toEqual([
      { id: 'a1', before: { status: 'open', kind: 'replace' }, after: { status: 'accepted', kind: 'replace', decision: 'n1' } },
      { id: 'b1', before: { status: 'open', kind: 'delete' }, after: { status: 'superseded', kind: 'delete', decision: 'n1' } },
    ]);
    expect(bracketCounts(r).total).toBe(0);
    expect(orphanedProposals(r)).toEqual([]);
    // A superseded proposal is closed: it is not decided, supported or withdrawn any more.
    expectError(r, { type: 'accept', proposalId: 'b1' }, CHAIR, 'proposal_not_open');
    expectError(r, { type: 'support', proposalId: 'b1' }, NORWAY, 'proposal_not_open');
    // Undo puts B's bracket back and B is open again.
    const u = run(r, { type: 'undoDecision', decisionId: 'n1' }, CHAIR, idGen('u'));
    expect(u.proposals.b1.status).toBe('open');
    expect(u.proposals.b1.decision).toBeUndefined();
    expect(u.doc.toJSON()).toEqual(s.doc.toJSON());
    expect(bracketCounts(u).total).toBe(2);
  });

  it('[BR32] a competing replacement is superseded too: its proposed text goes, the struck text keeps no bracket', () => {
    let s = run(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', '尽快') }, EU, idGen('a'));
    s = run(s, { type: 'propose', kind: 'replace', anchor: at(base, 'op3', '尽快'), text: '立即' }, US, idGen('b'));
    const r = testCommand(s, { type: 'accept', proposalId: 'a1' }, CHAIR,
      doc(PP1, op('op3', '促请所有国家', struck('n1', '尽快'), '签署和批准《公约》'), OP4));
    expect(r.proposals.b1.status).toBe('superseded');
  });

  it('[BR32] rejecting an insertion supersedes a proposal made inside its text (formerly a silent orphan, BR29)', () => {
    let s = run(S, { type: 'propose', kind: 'insert', anchor: after(base, 'op4', 'establish'), text: ' an open-ended' }, EU, idGen('p'));
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'op4', 'open') }, US, idGen('q'));
    s = run(s, { type: 'propose', kind: 'insert', anchor: after(s.doc, 'op4', 'open-'), text: 'ended, inclusive' }, NORWAY, idGen('w'));
    const r = testCommand(s, { type: 'reject', proposalId: 'p1' }, CHAIR, base);
    expect([r.proposals.q1.status, r.proposals.w1.status]).toEqual(['superseded', 'superseded']);
    const res = ok(applyCommand(s, { type: 'reject', proposalId: 'p1' }, CHAIR, NOW, idGen()));
    expect(res.result.orphaned).toBeUndefined();
  });

  it('[BR33] partial overlap: a proposal with text left unstruck stays open on what remains', () => {
    let s = run(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', '尽快') }, EU, idGen('a'));
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', '快签署') }, US, idGen('b'));
    const r = testCommand(s, { type: 'accept', proposalId: 'a1' }, CHAIR,
      doc(PP1, op('op3', '促请所有国家', struck('n1', '尽'), t('快', br('b1', 'delete'), st('n1')), del('b1', '签署'), '和批准《公约》'), OP4));
    expect(r.proposals.b1.status).toBe('open');
    expect(bracketCounts(r).total).toBe(1);
    // Accepting it now strikes what is left.
    testCommand(r, { type: 'accept', proposalId: 'b1' }, CHAIR,
      doc(PP1, op('op3', '促请所有国家', struck('n1', '尽'), struck('m1', '快签署'), '和批准《公约》'), OP4), idGen('m'));
  });

  it('[BR33] an insertion put inside text a decision strikes is superseded; one put next to it stays open', () => {
    let s = run(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', '尽快签署') }, EU, idGen('a'));
    s = run(s, { type: 'propose', kind: 'insert', anchor: after(base, 'op3', '尽快签署'), text: '、接受' }, NORWAY, idGen('c'));
    s = run(s, { type: 'propose', kind: 'insert', anchor: after(base, 'op3', '尽快'), text: '并' }, US, idGen('b'));
    const r = testCommand(s, { type: 'accept', proposalId: 'a1' }, CHAIR,
      doc(PP1, op('op3', '促请所有国家', struck('n1', '尽快签署'), ins('c1', '、接受'), '和批准《公约》'), OP4));
    expect([r.proposals.b1.status, r.proposals.c1.status]).toEqual(['superseded', 'open']);
  });

  it('[BR33] a group of alternatives whose original text another decision struck is superseded as a whole', () => {
    const ids = idGen('a');
    let s = run(S, { type: 'propose', kind: 'alternative', anchor: at(base, 'op4', 'ad hoc'), text: 'open-ended' }, EU, ids);
    s = run(s, { type: 'propose', kind: 'alternative', alternativeTo: 'a2', text: 'intergovernmental' }, US, ids);
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'op4', 'an ad hoc') }, NORWAY, idGen('d'));
    expect(s.doc.child(2).toJSON()).toEqual(op('op4', 'Decides to establish ', del('d1', 'an '), t('ad hoc', br('a1', 'alt', 1), br('d1', 'delete')),
      alt('a2', 2, 'open-ended'), alt('a3', 3, 'intergovernmental'), ' committee').toJSON());
    // "an " and the original "ad hoc" are struck; the proposed alternatives are moot.
    const r = testCommand(s, { type: 'accept', proposalId: 'd1' }, CHAIR,
      doc(PP1, base.child(1), op('op4', 'Decides to establish ', struck('n1', 'an ad hoc'), ' committee')));
    expect(['a1', 'a2', 'a3'].map((id) => r.proposals[id].status)).toEqual(['superseded', 'superseded', 'superseded']);
    expect(bracketCounts(r).total).toBe(0);
  });

  it('[BR32] deleting a paragraph (accepted deletion or status deleted) supersedes the proposals in it', () => {
    let s = run(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', '尽快') }, EU, idGen('a'));
    s = run(s, { type: 'propose', kind: 'deleteParagraph', paragraphId: 'op3' }, US, idGen('b'));
    s = run(s, { type: 'propose', kind: 'insert', anchor: after(base, 'op3', '国家'), text: '和区域组织' }, NORWAY, idGen('c'));
    const gone = op('op3', '促请所有国家', t('和区域组织', st('n1')), '尽快签署和批准《公约》');
    const r = testCommand(s, { type: 'accept', proposalId: 'b1' }, CHAIR, null);
    expect(r.doc.child(1).textContent).toBe(gone.textContent);
    expect([r.proposals.a1.status, r.proposals.c1.status]).toEqual(['superseded', 'superseded']);
    const d = testCommand(s, { type: 'setParagraphStatus', paragraphId: 'op3', status: 'deleted' }, CHAIR, null);
    expect(['a1', 'b1', 'c1'].map((id) => d.proposals[id].status)).toEqual(['superseded', 'superseded', 'superseded']);
    expect(d.decisions[0].proposals.map((c) => c.id)).toEqual(['a1', 'b1', 'c1']);
  });

  it('[BR29] an orphan of the pen (text deleted by the secretariat) stays open and flagged, not superseded', () => {
    const s = run(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', '尽快') }, EU, idGen('a'));
    const penned = { ...s, doc: doc(PP1, op('op3', '促请所有国家签署和批准《公约》'), OP4) };
    expect(orphanedProposals(penned)).toEqual(['a1']);
    expect(penned.proposals.a1.status).toBe('open');
    expectError(penned, { type: 'accept', proposalId: 'a1' }, CHAIR, 'anchor_gone');
  });

  it('[BR34] at a revision, every open proposal whose text the revision drops is listed to be closed', () => {
    let s = run(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', '尽快') }, EU, idGen('a'));
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op4', 'ad hoc') }, US, idGen('b'));
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op4', 'committee') }, US, idGen('c'));
    // A writer struck "ad hoc" directly (the struck display of the pen), then the pen removed "committee".
    const live = doc(PP1, s.doc.child(1), op('op4', 'Decides to establish an ', t('ad hoc', br('b1', 'delete'), st('', 'Secretariat')), ' '));
    const cleaned = renumberAtRevision(live).doc;
    expect(goneAtRevision(cleaned, s.proposals).map((p) => p.id)).toEqual(['b1', 'c1']);
    const c = closeAtRevision(s.proposals, cleaned, { id: 'r1', at: NOW, by: 'Chair', label: 'Rev.1' });
    expect(c.proposals.map((p) => [p.id, p.status, p.decision])).toEqual([['b1', 'superseded', 'r1'], ['c1', 'superseded', 'r1']]);
    expect(c.entry).toEqual({
      id: 'r1', at: NOW, by: 'Chair', action: 'revision', revision: 'Rev.1', before: [], after: [], paragraphs: [],
      proposals: [
        { id: 'b1', before: { status: 'open', kind: 'delete' }, after: { status: 'superseded', kind: 'delete', decision: 'r1' } },
        { id: 'c1', before: { status: 'open', kind: 'delete' }, after: { status: 'superseded', kind: 'delete', decision: 'r1' } },
      ],
    });
    // A revision is not undone (restore the history point before it instead).
    expectError({ ...s, decisions: [{ id: 'r1', at: NOW, by: 'Chair', action: 'revision', revision: 'Rev.1', before: [], after: [], proposals: [], paragraphs: [] }] },
      { type: 'undoDecision', decisionId: 'r1' }, CHAIR, 'invalid');
  });
});
