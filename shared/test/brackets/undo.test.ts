import { describe, expect, it } from 'vitest';
import { Transform } from '@tiptap/pm/transform';
import { schema } from '../../src/schema.js';
import { merge3 } from '../../src/brackets/index.js';
import { after, at, CHAIR, del, doc, EU, expectError, idGen, ins, op, pp, run, stateOf, struck, US } from './helpers.js';

const base = doc(pp('pp1', 'Recalling its resolution 74/247'), op('op1', 'Decides to establish an ad hoc committee at its next session'));

function setup() {
  const ids = idGen('p');
  let s = stateOf(base);
  s = run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, US, ids); // p1
  s = run(s, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' open-ended' }, EU, ids); // p2
  return s;
}

/** A trusted peer's edit: replaces `text` in the paragraph by `by` (plain). */
function edit(s: ReturnType<typeof setup>, text: string, by: string) {
  const block = s.doc.child(1);
  const i = block.textContent.indexOf(text);
  const tr = new Transform(s.doc);
  const from = base.child(0).nodeSize + 1 + i;
  if (by) tr.replaceWith(from, from + text.length, schema.text(by));
  else tr.delete(from, from + text.length);
  return { ...s, doc: tr.doc };
}

describe('undo', () => {
  it('[BR40] undo restores exactly the text before, re-opens the proposals and is itself logged', () => {
    const s0 = setup();
    const s1 = run(s0, { type: 'accept', proposalId: 'p1' }, CHAIR, idGen('d'));
    const s2 = run(s1, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, idGen('u'));
    expect(s2.doc.toJSON()).toEqual(s0.doc.toJSON());
    expect(s2.proposals.p1.status).toBe('open');
    expect(s2.proposals.p1.decision).toBeUndefined();
    expect(s2.decisions[1]).toMatchObject({ id: 'u1', action: 'undo', undoes: 'd1', proposalId: 'p1' });
    run(s2, { type: 'reject', proposalId: 'p1' }, CHAIR, idGen('e'));
  });

  it('[BR41] later edits elsewhere in the paragraph are kept; edits overlapping the decided text refuse the undo', () => {
    const s1 = run(setup(), { type: 'accept', proposalId: 'p1' }, CHAIR, idGen('d'));
    const kept = run(edit(s1, 'next session', 'seventy-ninth session'), { type: 'undoDecision', decisionId: 'd1' }, CHAIR, idGen('u'));
    expect(kept.doc.child(1).toJSON()).toEqual(
      op('op1', 'Decides to establish', ins('p2', ' open-ended'), ' an', del('p1', ' ad hoc'), ' committee at its seventy-ninth session').toJSON(),
    );
    const before = run(edit(s1, 'Decides', 'Resolves'), { type: 'undoDecision', decisionId: 'd1' }, CHAIR, idGen('u'));
    expect(before.doc.child(1).textContent).toBe('Resolves to establish open-ended an ad hoc committee at its next session');
    expectError(edit(s1, 'hoc', 'hic'), { type: 'undoDecision', decisionId: 'd1' }, CHAIR, 'conflict');
    const s3 = run(s1, { type: 'propose', kind: 'reserve', anchor: at(s1.doc, 'op1', 'next') }, US, idGen('r'));
    run(s3, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, idGen('u'));
  });

  it('[BR41] merge3 puts back exactly the decided span', () => {
    const b = op('x', 'a', del('p', 'bc'), 'd');
    const a = op('x', 'a', struck('d', 'bc'), 'd');
    expect(merge3(b, a, op('x', 'Z', struck('d', 'bc'), 'd'))!.toJSON()).toEqual(op('x', 'Z', del('p', 'bc'), 'd').toJSON());
    expect(merge3(b, a, op('x', 'a', struck('d', 'bc'), 'dY'))!.toJSON()).toEqual(op('x', 'a', del('p', 'bc'), 'dY').toJSON());
    expect(merge3(b, a, op('x', 'a', struck('d', 'b'), 'd'))).toBeNull();
  });

  it('[BR42] a decision is undone once; an undo is not undone; proposals must be as the decision left them', () => {
    const s1 = run(setup(), { type: 'accept', proposalId: 'p1' }, CHAIR, idGen('d'));
    const s2 = run(s1, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, idGen('u'));
    expectError(s2, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, 'invalid');
    expectError(s2, { type: 'undoDecision', decisionId: 'u1' }, CHAIR, 'invalid');
    expectError(s2, { type: 'undoDecision', decisionId: 'zz' }, CHAIR, 'not_found');
    const s3 = { ...s1, proposals: { ...s1.proposals, p1: { ...s1.proposals.p1, status: 'open' as const } } };
    expectError(s3, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, 'conflict');
  });

  it('[BR43] undo in a paragraph locked since the decision is refused until it is reopened', () => {
    const s1 = run(setup(), { type: 'reject', proposalId: 'p2' }, CHAIR, idGen('d'));
    const s2 = run(s1, { type: 'reject', proposalId: 'p1' }, CHAIR, idGen('e'));
    const s3 = run(s2, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'agreed' }, CHAIR, idGen('f'));
    expectError(s3, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, 'paragraph_locked');
    const s4 = run(s3, { type: 'undoDecision', decisionId: 'f1' }, CHAIR, idGen('g'));
    const s5 = run(s4, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, idGen('h'));
    expect(s5.doc.child(1).toJSON()).toEqual(op('op1', 'Decides to establish', ins('p2', ' open-ended'), ' an ad hoc committee at its next session').toJSON());
  });

  it('[BR40] undoing a rejected new paragraph puts the block back in place', () => {
    let s = run(stateOf(base), { type: 'propose', kind: 'newParagraph', after: 'pp1', blockType: 'preambular', text: 'Noting' }, EU, idGen('q'));
    const proposed = s.doc;
    s = run(s, { type: 'reject', proposalId: 'q1' }, CHAIR, idGen('d'));
    expect(s.doc.toJSON()).toEqual(base.toJSON());
    s = run(s, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, idGen('u'));
    expect(s.doc.toJSON()).toEqual(proposed.toJSON());
  });
});
