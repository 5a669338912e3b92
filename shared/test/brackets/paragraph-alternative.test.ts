import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema.js';
import { paragraphLabels } from '../../src/numbering.js';
import { as, CHAIR, doc, EU, expectError, ins, op, pp, run, stateOf, st, t, testCommand, US } from './helpers.js';

const base = doc(
  pp('pp1', 'Recalling its resolution 74/247'),
  op('op1', 'Decides to establish a committee'),
  op('op2', 'Invites States to contribute'),
  op('op3', 'Decides to remain seized of the matter'),
);
const S = stateOf(base);
const altOf = (id: string, added: string, of: string, text: string) => schema.node('operative', { id, added, altOf: of }, [ins(added, text)]);
const labels = (d: typeof base) => [...paragraphLabels(d).values()].map((l) => l.short);

describe('[BR63] an alternative to a whole paragraph', () => {
  it('is placed after the original and its earlier alternatives, labelled "2 alt", "2 alt 2", counting nothing', () => {
    const s1 = testCommand(S, { type: 'propose', kind: 'newParagraph', after: 'op2', blockType: 'operative', text: 'Urges States to contribute', alternative: true }, EU,
      doc(base.child(0), base.child(1), base.child(2), altOf('n2', 'n1', 'op2', 'Urges States to contribute'), base.child(3)));
    expect(s1.proposals.n1).toMatchObject({ kind: 'newParagraph', paragraphId: 'n2', replaces: 'op2', sponsors: [as(EU)] });
    const s2 = run(s1, { type: 'propose', kind: 'newParagraph', after: 'op2', blockType: 'operative', text: 'Encourages contributions', alternative: true }, US, () => ['m1', 'm2'].shift()!);
    expect(labels(s2.doc)).toEqual(['PP1', 'OP1', 'OP2', 'OP2 alt', 'OP2 alt 2', 'OP3']);
  });

  it('only for an open PP or OP that is not itself an alternative', () => {
    const s1 = run(S, { type: 'propose', kind: 'newParagraph', after: 'op2', blockType: 'operative', text: 'Urges', alternative: true }, EU);
    expectError(s1, { type: 'propose', kind: 'newParagraph', after: 'n2', blockType: 'operative', text: 'x', alternative: true }, US, 'invalid');
    const locked = run(S, { type: 'setParagraphStatus', paragraphId: 'op2', status: 'agreed' }, CHAIR);
    expectError(locked, { type: 'propose', kind: 'newParagraph', after: 'op2', blockType: 'operative', text: 'x', alternative: true }, US, 'paragraph_locked');
  });

  it('accepted, it replaces the original (struck, deleted) and reads "2 bis" until the next revision; undo restores both', () => {
    const s1 = run(S, { type: 'propose', kind: 'newParagraph', after: 'op2', blockType: 'operative', text: 'Urges States to contribute', alternative: true }, EU);
    const s2 = testCommand(s1, { type: 'accept', proposalId: 'n1' }, CHAIR,
      doc(base.child(0), base.child(1), op('op2', t('Invites States to contribute', st('d1'))), schema.node('operative', { id: 'n2', added: 'n1' }, [t('Urges States to contribute')]), base.child(3)),
      () => 'd1');
    expect(s2.paragraphs.op2).toEqual({ status: 'deleted' });
    expect(labels(s2.doc)).toEqual(['PP1', 'OP1', 'OP2', 'OP2 bis', 'OP3']);
  });

  it('rejected, it disappears and the original stays', () => {
    const s1 = run(S, { type: 'propose', kind: 'newParagraph', after: 'op2', blockType: 'operative', text: 'Urges', alternative: true }, EU);
    testCommand(s1, { type: 'reject', proposalId: 'n1' }, CHAIR, base, () => 'd1');
  });
});
