import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  checkCommand,
  MAX_COMMENTS_PER_PARTICIPANT,
  MAX_COMMENTS_PER_PROPOSAL,
  pendingRecords,
  proposalComments,
  proposalLabel,
  type Actor,
  type BracketState,
} from '../../src/brackets/index.js';
import {
  after, alt, at, CHAIR, del, doc, EU, expectError, idGen, ins, NOW, OBS, ok, op, opAdded, pend, pp, res, run, SEC,
  stateOf, SUDAN, t, br, testCommand, US, NORWAY, as, forG77,
} from './helpers.js';

const base = doc(
  pp('pp1', 'Recalling its resolution 74/247'),
  op('op1', 'Decides to establish an ad hoc committee'),
  op('op2', 'Requests the Secretary-General to provide support by ', pend('ph', '日期')),
  op('op3', 'Calls upon all States to combat unsustainable patterns'),
);
const S = stateOf(base, { proposals: pendingRecords(base, {}, NOW) });

describe('proposals', () => {
  it('[BR1] observers cannot propose, comment or take positions; delegations cannot decide', () => {
    expectError(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', 'ad hoc') }, OBS, 'not_permitted');
    expectError(S, { type: 'comment', proposalId: 'ph', text: 'hm' }, OBS, 'not_permitted');
    expectError(S, { type: 'support', proposalId: 'ph' }, OBS, 'not_permitted');
    expectError(S, { type: 'accept', proposalId: 'ph' }, EU, 'not_permitted');
    expectError(S, { type: 'reject', proposalId: 'ph' }, SEC, 'not_permitted');
    expectError(S, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'agreed' }, EU, 'not_permitted');
    expectError(S, { type: 'undoDecision', decisionId: 'x' }, EU, 'not_permitted');
  });

  it('[BR2] an insertion puts the text at a point, bracketed and attributed', () => {
    const s = testCommand(S, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' open-ended' }, EU,
      doc(base.child(0), op('op1', 'Decides to establish', ins('n1', ' open-ended'), ' an ad hoc committee'), base.child(2), base.child(3)));
    expect(s.proposals.n1).toEqual({
      id: 'n1', kind: 'insert', paragraphId: 'op1', sponsors: [as(EU)], supporters: [], opposers: [],
      status: 'open', text: ' open-ended', createdAt: NOW, updatedAt: NOW,
    });
    expectError(S, { type: 'propose', kind: 'insert', anchor: at(base, 'op1', 'ad hoc'), text: 'x' }, EU, 'invalid');
  });

  it('[BR3] a deletion brackets the text it would delete; the text stays', () => {
    const s = testCommand(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, US,
      doc(base.child(0), op('op1', 'Decides to establish an', del('n1', ' ad hoc'), ' committee'), base.child(2), base.child(3)));
    expect(s.proposals.n1).toMatchObject({ kind: 'delete', anchorText: ' ad hoc', sponsors: [as(US)] });
  });

  it('[BR4] a replacement brackets the old text for deletion and inserts the new text after it', () => {
    const s = testCommand(S, { type: 'propose', kind: 'replace', anchor: at(base, 'op3', 'combat unsustainable'), text: 'change' }, EU,
      doc(base.child(0), base.child(1), base.child(2),
        op('op3', 'Calls upon all States to ', del('n1', 'combat unsustainable'), ins('n1', 'change'), ' patterns')));
    expect(s.proposals.n1).toMatchObject({ kind: 'replace', text: 'change', anchorText: 'combat unsustainable' });
  });

  it('[BR5] alternatives to a span: the original text is Alt 1, each proposal the next Alt', () => {
    const ids = idGen();
    let s = testCommand(S, { type: 'propose', kind: 'alternative', anchor: at(base, 'op3', 'combat'), text: ' change' }, EU,
      doc(base.child(0), base.child(1), base.child(2),
        op('op3', 'Calls upon all States to ', alt('n1', 1, 'combat'), alt('n2', 2, ' change'), ' unsustainable patterns')), ids);
    expect(s.proposals.n1).toMatchObject({ kind: 'alternative', group: 'n1', alt: 1, existing: true, sponsors: [] });
    expect(s.proposals.n2).toMatchObject({ kind: 'alternative', group: 'n1', alt: 2, sponsors: [as(EU)] });
    s = testCommand(s, { type: 'propose', kind: 'alternative', alternativeTo: 'n2', text: ' promote' }, US,
      doc(base.child(0), base.child(1), base.child(2),
        op('op3', 'Calls upon all States to ', alt('n1', 1, 'combat'), alt('n2', 2, ' change'), alt('n3', 3, ' promote'), ' unsustainable patterns')), ids);
    expect(proposalLabel(s.proposals.n3)).toBe('Alt 3 – US');
    expect(proposalLabel(s.proposals.n1)).toBe('Alt 1');
  });

  it('[BR5] an alternative to an insertion makes the insertion Alt 1 of a new group', () => {
    const ids = idGen();
    let s = run(S, { type: 'propose', kind: 'insert', anchor: after(base, 'op3', 'combat'), text: ' changing' }, EU, ids);
    s = testCommand(s, { type: 'propose', kind: 'alternative', alternativeTo: 'n1', text: ' promoting' }, US,
      doc(base.child(0), base.child(1), base.child(2),
        op('op3', 'Calls upon all States to combat', alt('n1', 1, ' changing'), alt('n2', 2, ' promoting'), ' unsustainable patterns')), ids);
    expect(s.proposals.n1).toMatchObject({ kind: 'alternative', group: 'n1', alt: 1 });
    expect(s.proposals.n2).toMatchObject({ kind: 'alternative', group: 'n1', alt: 2 });
    expectError(s, { type: 'propose', kind: 'alternative', alternativeTo: 'ph', text: 'x' }, US, 'invalid');
  });

  it('[BR6] a reservation brackets existing text without new text', () => {
    testCommand(S, { type: 'propose', kind: 'reserve', anchor: at(base, 'op1', 'ad hoc') }, US,
      doc(base.child(0), op('op1', 'Decides to establish an ', res('n1', 'ad hoc'), ' committee'), base.child(2), base.child(3)));
  });

  it('[BR7] a new paragraph is a block after the given one, marked added and bracketed', () => {
    const s = testCommand(S, { type: 'propose', kind: 'newParagraph', after: 'op1', blockType: 'operative', text: 'Invites donors' }, EU,
      doc(base.child(0), base.child(1), opAdded('n2', 'n1', ins('n1', 'Invites donors')), base.child(2), base.child(3)));
    expect(s.proposals.n1).toMatchObject({ kind: 'newParagraph', paragraphId: 'n2', text: 'Invites donors' });
    expectError(S, { type: 'propose', kind: 'newParagraph', after: 'nope', blockType: 'operative', text: 'x' }, EU, 'not_found');
    expectError(S, { type: 'propose', kind: 'newParagraph', after: 'op1', blockType: 'title' as 'operative', text: 'x' }, EU, 'invalid');
  });

  it('[BR8] pending brackets in the text get records with no sponsors', () => {
    expect(S.proposals.ph).toEqual({
      id: 'ph', kind: 'pending', paragraphId: 'op2', sponsors: [], supporters: [], opposers: [], status: 'open',
      anchorText: '日期', createdAt: NOW, updatedAt: NOW,
    });
    expect(pendingRecords(base, S.proposals, NOW)).toEqual({});
  });

  it('[BR9] deleting a whole paragraph is a record only; one open per paragraph', () => {
    const s = testCommand(S, { type: 'propose', kind: 'deleteParagraph', paragraphId: 'pp1' }, US, base);
    expect(s.proposals.n1).toMatchObject({ kind: 'deleteParagraph', paragraphId: 'pp1', anchorText: 'Recalling its resolution 74/247' });
    expectError(s, { type: 'propose', kind: 'deleteParagraph', paragraphId: 'pp1' }, EU, 'invalid');
  });

  it('[BR10] a group proposes through a member, who then acts as its sponsor', () => {
    let s = run(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc'), onBehalfOf: 'G77 and China' }, SUDAN);
    expect(s.proposals.n1.sponsors).toEqual([forG77(SUDAN)]);
    expect(proposalLabel(s.proposals.n1)).toBe('G77 and China (Sudan)');
    s = run(s, { type: 'editProposal', proposalId: 'n1', explanation: 'redundant' }, SUDAN);
    expect(s.proposals.n1.explanation).toBe('redundant');
    expectError(s, { type: 'withdraw', proposalId: 'n1' }, EU, 'not_permitted');
  });

  it('[BR11] anchors: exact offsets, else the nearest occurrence of the expected text, else anchor_gone', () => {
    const a = at(base, 'op1', 'committee');
    const moved = { ...a, from: a.from - 3, to: a.to - 3 };
    const r = ok(applyCommand(S, { type: 'propose', kind: 'delete', anchor: moved }, US, NOW, idGen()));
    expect(r.doc.child(1).toJSON()).toEqual(op('op1', 'Decides to establish an ad hoc ', del('n1', 'committee')).toJSON());
    expectError(S, { type: 'propose', kind: 'delete', anchor: { ...a, text: 'committal' } }, US, 'anchor_gone');
    expectError(S, { type: 'propose', kind: 'delete', anchor: { ...a, text: 'committe' } }, US, 'invalid');
    expectError(S, { type: 'propose', kind: 'delete', anchor: { ...a, paragraphId: 'op9' } }, US, 'not_found');
    const p = { paragraphId: 'op1', from: 3, to: 3, text: '', before: 'establish' };
    const r2 = ok(applyCommand(S, { type: 'propose', kind: 'insert', anchor: p, text: '!' }, US, NOW, idGen()));
    expect(r2.doc.child(1).textContent).toBe('Decides to establish! an ad hoc committee');
    expectError(S, { type: 'propose', kind: 'insert', anchor: { ...p, before: 'nowhere' }, text: '!' }, US, 'anchor_gone');
  });

  it('[BR12] a sponsor edits its own open proposal; others cannot; nested proposals block the edit', () => {
    const ids = idGen();
    let s = run(S, { type: 'propose', kind: 'replace', anchor: at(base, 'op3', 'combat'), text: 'change' }, EU, ids);
    s = testCommand(s, { type: 'editProposal', proposalId: 'n1', text: 'transform' }, EU,
      doc(base.child(0), base.child(1), base.child(2),
        op('op3', 'Calls upon all States to ', del('n1', 'combat'), ins('n1', 'transform'), ' unsustainable patterns')), ids);
    expect(s.proposals.n1.text).toBe('transform');
    expectError(s, { type: 'editProposal', proposalId: 'n1', text: 'x' }, US, 'not_permitted');
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'op3', 'form') }, US, ids);
    expectError(s, { type: 'editProposal', proposalId: 'n1', text: 'x' }, EU, 'conflict');
    expectError(s, { type: 'editProposal', proposalId: 'n2', text: 'x' }, US, 'invalid');
  });

  it('[BR13] the proposer withdraws (text effect undone); a co-sponsor only leaves', () => {
    const ids = idGen();
    let s = run(S, { type: 'propose', kind: 'replace', anchor: at(base, 'op3', 'combat'), text: 'change' }, EU, ids);
    s = run(s, { type: 'cosponsor', proposalId: 'n1' }, NORWAY, ids);
    s = testCommand(s, { type: 'withdraw', proposalId: 'n1' }, NORWAY, null, ids);
    expect(s.proposals.n1.sponsors).toEqual([as(EU)]);
    expect(s.proposals.n1.status).toBe('open');
    s = testCommand(s, { type: 'withdraw', proposalId: 'n1' }, EU, base, ids);
    expect(s.proposals.n1.status).toBe('withdrawn');
    expectError(s, { type: 'withdraw', proposalId: 'n1' }, EU, 'proposal_not_open');
    let r = run(S, { type: 'propose', kind: 'reserve', anchor: at(base, 'op1', 'ad hoc') }, US, ids);
    testCommand(r, { type: 'withdraw', proposalId: 'n2' }, US, base, ids);
    r = run(S, { type: 'propose', kind: 'newParagraph', after: 'op3', blockType: 'operative', text: 'x' }, US, idGen('q'));
    testCommand(r, { type: 'withdraw', proposalId: 'q1' }, US, base);
  });

  it('[BR14] support = retain, oppose = delete; a position replaces the other; sponsors take none', () => {
    let s = run(S, { type: 'propose', kind: 'insert', anchor: after(base, 'op3', 'patterns'), text: ' of consumption' }, US);
    s = run(s, { type: 'support', proposalId: 'n1', onBehalfOf: 'G77 and China' }, SUDAN);
    s = run(s, { type: 'oppose', proposalId: 'n1' }, EU);
    expect(s.proposals.n1.supporters).toEqual([forG77(SUDAN)]);
    expect(s.proposals.n1.opposers).toEqual([as(EU)]);
    s = run(s, { type: 'support', proposalId: 'n1' }, EU);
    expect(s.proposals.n1.opposers).toEqual([]);
    expect(s.proposals.n1.supporters).toHaveLength(2);
    expectError(s, { type: 'support', proposalId: 'n1' }, US, 'invalid');
    expectError(s, { type: 'oppose', proposalId: 'n1' }, CHAIR, 'not_permitted');
    s = run(s, { type: 'cosponsor', proposalId: 'n1' }, NORWAY);
    expect(s.proposals.n1.sponsors).toEqual([as(US), as(NORWAY)]);
    expectError(s, { type: 'cosponsor', proposalId: 'ph' }, EU, 'invalid');
    expectError(s, { type: 'support', proposalId: 'nope' }, EU, 'not_found');
  });

  it('[BR15] anyone but an observer comments, also on decided proposals', () => {
    let s = run(S, { type: 'comment', proposalId: 'ph', text: ' which date? ' }, EU);
    s = run(s, { type: 'comment', proposalId: 'ph', text: 'to be set' }, CHAIR);
    expect(proposalComments(s, 'ph')).toEqual([
      { id: 'n1', proposalId: 'ph', by: as(EU), at: NOW, text: 'which date?' },
      { id: 'n1', proposalId: 'ph', by: as(CHAIR), at: NOW, text: 'to be set' },
    ]);
    expectError(s, { type: 'comment', proposalId: 'ph', text: '   ' }, EU, 'invalid');
  });

  it('[BR15] a comment is its own entry; the proposal record is not rewritten', () => {
    const r = applyCommand(S, { type: 'comment', proposalId: 'ph', text: 'which date?' }, EU, NOW, idGen('c'));
    expect(r).toMatchObject({ ok: true, proposals: {}, paragraphs: {}, result: { proposalId: 'ph', commentId: 'c1' } });
    expect(r.ok && r.comments).toEqual([{ id: 'c1', proposalId: 'ph', by: as(EU), at: NOW, text: 'which date?' }]);
    expect(r.ok && r.doc).toBe(S.doc);
  });

  it('[BR15] old records with comments inside still display, before the entries, and count for the caps', () => {
    const old = { by: { name: 'Norway' }, at: NOW - 1, text: 'from before' };
    const s0: BracketState = { ...S, proposals: { ...S.proposals, ph: { ...S.proposals.ph, comments: [old] } } };
    const s = run(s0, { type: 'comment', proposalId: 'ph', text: 'new' }, EU);
    expect(proposalComments(s, 'ph').map((c) => c.text)).toEqual(['from before', 'new']);
    expect(s.proposals.ph.comments).toEqual([old]);
  });

  it('[BR15] at most MAX_COMMENTS_PER_PARTICIPANT by one participant and MAX_COMMENTS_PER_PROPOSAL per proposal', () => {
    let s = S;
    const ids = idGen('c');
    // Speaking for a group still counts as the member itself.
    for (let i = 0; i < MAX_COMMENTS_PER_PARTICIPANT; i++) {
      s = run(s, { type: 'comment', proposalId: 'ph', text: `c${i}`, ...(i % 2 ? { onBehalfOf: 'g77' } : {}) }, SUDAN, ids);
    }
    const r = applyCommand(s, { type: 'comment', proposalId: 'ph', text: 'one more' }, SUDAN, NOW, ids);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining(`${MAX_COMMENTS_PER_PARTICIPANT} comments`) } });
    expectError(s, { type: 'comment', proposalId: 'ph', text: 'for G77', onBehalfOf: 'g77' }, SUDAN, 'invalid');
    expect(checkCommand(s, { type: 'comment', proposalId: 'ph', text: 'EU may' }, EU).ok).toBe(true);
    let k = 0;
    while (proposalComments(s, 'ph').length < MAX_COMMENTS_PER_PROPOSAL) {
      const who: Actor = { role: 'delegation', id: `d${Math.floor(k / MAX_COMMENTS_PER_PARTICIPANT)}`, delegation: `D${k}` };
      s = run(s, { type: 'comment', proposalId: 'ph', text: `x${k++}` }, who, ids);
    }
    const fresh: Actor = { role: 'delegation', id: 'fresh', delegation: 'Fresh' };
    const full = applyCommand(s, { type: 'comment', proposalId: 'ph', text: 'too many' }, fresh, NOW, ids);
    expect(full).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining(`${MAX_COMMENTS_PER_PROPOSAL} comments`) } });
    // Other proposals are not affected.
    const s2 = run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, US, idGen('p'));
    expect(checkCommand(s2, { type: 'comment', proposalId: 'p1', text: 'fine' }, fresh).ok).toBe(true);
  });

  it('[BR16] proposals nest and overlap; text inserted inside an insertion nests in it', () => {
    const ids = idGen();
    let s = run(S, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' an open-ended' }, EU, ids);
    s = testCommand(s, { type: 'propose', kind: 'insert', anchor: after(s.doc, 'op1', 'open'), text: ' and transparent' }, US,
      doc(base.child(0),
        op('op1', 'Decides to establish', ins('n1', ' an open'), t(' and transparent', br('n1', 'insert'), br('n2', 'insert')), ins('n1', '-ended'), ' an ad hoc committee'),
        base.child(2), base.child(3)), ids);
    s = testCommand(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'op1', 'ended an ad') }, NORWAY,
      doc(base.child(0),
        op('op1', 'Decides to establish', ins('n1', ' an open'), t(' and transparent', br('n1', 'insert'), br('n2', 'insert')), ins('n1', '-'),
          t('ended', br('n1', 'insert'), br('n3', 'delete')), del('n3', ' an ad'), ' hoc committee'),
        base.child(2), base.child(3)), ids);
    expect(checkCommand(s, { type: 'accept', proposalId: 'n3' }, CHAIR)).toEqual({ ok: true });
  });

  it('[BR18] bad input is refused with invalid, never thrown', () => {
    const bad = [
      { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: '' },
      { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: 'a\nb' },
      { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: 'x'.repeat(10_001) },
      { type: 'propose', kind: 'frobnicate' },
      { type: 'propose', kind: 'insert', text: 'x' },
      { type: 'propose', kind: 'insert', anchor: { paragraphId: 'op1', from: -1, to: -1, text: '' }, text: 'x' },
      { type: 'propose', kind: 'delete', anchor: { paragraphId: 'op1', from: 5, to: 2, text: '' } },
      { type: 'nonsense' },
      null,
    ];
    for (const c of bad) {
      const r = applyCommand(S, c as never, EU, NOW, idGen());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid');
    }
  });

  it('[BR19] records are plain JSON and ids come only from the id source', () => {
    const r = ok(applyCommand(S, { type: 'propose', kind: 'alternative', anchor: at(base, 'op3', 'combat'), text: ' x', explanation: 'why' }, EU, NOW, idGen('z')));
    expect(Object.keys(r.proposals).sort()).toEqual(['z1', 'z2']);
    expect(JSON.parse(JSON.stringify(r.proposals))).toEqual(r.proposals);
    expect(r.proposals.z2.explanation).toBe('why');
  });
});
