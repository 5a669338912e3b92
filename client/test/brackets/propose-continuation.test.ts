import { describe, expect, it } from 'vitest';
import { schema } from '@accord/shared';
import type { Actor, Proposal } from '@accord/shared/brackets/index';
import { buildProposal } from '../../src/brackets/propose/build-proposal';
import { alternativeTarget, continuationAt, proposalTextRange } from '../../src/brackets/propose/own-proposal-text';

const KENYA: Actor = { role: 'delegation', id: 'kenya', delegation: 'Kenya' };
const EU: Actor = { role: 'delegation', id: 'eu', delegation: 'EU' };
/** An observer given the name "Kenya": a name grants nothing. */
const OBSERVER_KENYA: Actor = { role: 'observer', id: 'obs', delegation: 'Kenya' };

// OP1 "Urges States to [and ratify ]sign;" with "and ratify " Kenya's open insertion p1.
const ins = (id: string) => schema.marks.bracket.create({ id, role: 'insert' });
const doc = schema.node('doc', null, [
  schema.node('operative', { id: 'op1', level: 0 }, [schema.text('Urges States to '), schema.text('and ratify ', [ins('p1')]), schema.text('sign;')]),
]);
const start = 1;
const insertFrom = start + 'Urges States to '.length;
const insertTo = insertFrom + 'and ratify '.length;
const proposal = (over: Partial<Proposal> = {}): Record<string, Proposal> => ({
  p1: { id: 'p1', kind: 'insert', status: 'open', sponsors: [{ id: 'kenya', name: 'Kenya' }], supporters: [], opposers: [], text: 'and ratify ', ...over } as unknown as Proposal,
});

describe('typing on in one’s own open insertion', () => {
  it('finds the proposal’s text in the document', () => {
    expect(proposalTextRange(doc, 'p1')).toEqual({ from: insertFrom, to: insertTo });
    expect(proposalTextRange(doc, 'nope')).toBeNull();
  });

  it('a caret at the end or inside one’s own insertion continues it; elsewhere, or another’s, does not', () => {
    expect(continuationAt(doc, insertTo, proposal(), KENYA)).toEqual({ proposalId: 'p1', before: 'and ratify ', after: '' });
    expect(continuationAt(doc, insertFrom + 4, proposal(), KENYA)).toEqual({ proposalId: 'p1', before: 'and ', after: 'ratify ' });
    expect(continuationAt(doc, start + 3, proposal(), KENYA)).toBeNull();
    expect(continuationAt(doc, insertTo, proposal(), EU)).toBeNull();
    expect(continuationAt(doc, insertTo, proposal(), OBSERVER_KENYA)).toBeNull();
    expect(continuationAt(doc, insertTo, proposal({ sponsors: [{ name: 'Kenya' }] }), KENYA)).toBeNull();
    expect(continuationAt(doc, insertTo, proposal({ sponsors: [{ id: 'g77', name: 'G77 and China', via: 'Kenya', viaId: 'kenya' }] }), KENYA)).not.toBeNull();
    expect(continuationAt(doc, insertTo, proposal({ status: 'accepted' }), KENYA)).toBeNull();
  });

  it('is sent as an edit of that proposal with the whole new text', () => {
    const continues = { proposalId: 'p1', before: 'and ', after: 'ratify ' };
    expect(buildProposal(doc, { from: insertFrom + 4, to: insertFrom + 4, continues }, 'text', 'sign and ')).toEqual({
      ok: true,
      command: { type: 'editProposal', proposalId: 'p1', text: 'and sign and ratify ' },
    });
    expect(buildProposal(doc, { from: insertTo, to: insertTo, continues }, 'text', '')).toMatchObject({ ok: false });
    // Explicit actions at the same caret are still new proposals.
    expect(buildProposal(doc, { from: insertTo, to: insertTo, continues }, 'alternative', 'x')).toMatchObject({ ok: true, command: { type: 'propose', kind: 'alternative' } });
  });
});

describe('an alternative proposed over an open alternative or insertion', () => {
  const alt = (id: string) => schema.marks.bracket.create({ id, role: 'alt' });
  // OP1 "Urges States to [Alt 1 sign / Alt 2 ratify] promptly;"
  const altDoc = schema.node('doc', null, [
    schema.node('operative', { id: 'op1', level: 0 }, [schema.text('Urges States to '), schema.text('sign', [alt('a1')]), schema.text('ratify', [alt('a2')]), schema.text(' promptly;')]),
  ]);
  const signFrom = 1 + 'Urges States to '.length;
  const open = (id: string, kind = 'alternative', status = 'open') => ({ id, kind, status, sponsors: [], supporters: [], opposers: [] }) as unknown as Proposal;
  const records = { a1: open('a1'), a2: open('a2') };

  it('joins that group (alternativeTo) when the selection lies within one alternative’s text', () => {
    expect(alternativeTarget(altDoc, { from: signFrom, to: signFrom + 4 }, records)).toBe('a1');
    expect(alternativeTarget(altDoc, { from: signFrom + 4, to: signFrom + 10 }, records)).toBe('a2');
    expect(buildProposal(altDoc, { from: signFrom, to: signFrom + 4, alternativeTo: 'a1' }, 'alternative', 'accede to')).toEqual({
      ok: true,
      command: { type: 'propose', kind: 'alternative', alternativeTo: 'a1', text: 'accede to' },
    });
  });

  it('starts a new group over plain text, across alternatives, or over a closed one', () => {
    expect(alternativeTarget(altDoc, { from: 1, to: 6 }, records)).toBeNull();
    expect(alternativeTarget(altDoc, { from: signFrom, to: signFrom + 10 }, records)).toBeNull();
    expect(alternativeTarget(altDoc, { from: signFrom, to: signFrom + 4 }, { ...records, a1: open('a1', 'alternative', 'rejected') })).toBeNull();
    expect(alternativeTarget(doc, { from: insertFrom, to: insertTo }, proposal())).toBe('p1');
  });
});
