import { describe, expect, it } from 'vitest';
import { bracketCounts, compilationText, pendingRecords, proposalLabel } from '../../src/brackets/index.js';
import type { Actor } from '../../src/brackets/index.js';
import { after, at, CHAIR, doc, EU, idGen, NOW, op, pend, run, stateOf, SUDAN, US } from './helpers.js';

const G77: Actor = { role: 'delegation', id: 'g77-delegate', delegation: 'G77' };
const base = doc(
  op('a', 'Phase out  ways'),
  op('b', 'Eradicate  poverty'),
  op('c', 'Decides to establish an ad hoc committee'),
  op('d', 'By ', pend('ph', '日期'), ' at the latest'),
);

function rio() {
  const ids = idGen('p');
  let s = stateOf(base, { proposals: pendingRecords(base, {}, NOW) });
  s = run(s, { type: 'propose', kind: 'insert', anchor: { paragraphId: 'a', from: 10, to: 10, text: '' }, text: 'changing unsustainable' }, EU, ids); // p1
  s = run(s, { type: 'propose', kind: 'alternative', alternativeTo: 'p1', text: 'promoting sustainable' }, US, ids); // p2
  s = run(s, { type: 'support', proposalId: 'p1' }, G77);
  s = run(s, { type: 'propose', kind: 'insert', anchor: { paragraphId: 'b', from: 10, to: 10, text: '' }, text: 'extreme' }, US, ids); // p3
  s = run(s, { type: 'oppose', proposalId: 'p3' }, G77);
  s = run(s, { type: 'propose', kind: 'insert', anchor: after(base, 'c', 'establish'), text: ' open-ended' }, EU, ids); // p4
  s = run(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'c', 'ended') }, US, ids); // p5
  s = run(s, { type: 'propose', kind: 'replace', anchor: at(s.doc, 'c', 'committee'), text: 'working group', onBehalfOf: 'G77 and China' }, SUDAN, ids); // p6
  return s;
}

describe('counts and display', () => {
  it('[BR50] the open bracket count: one per open proposal, alternatives of a group once, pending included', () => {
    const s = rio();
    expect(bracketCounts(s)).toEqual({ total: 6, byParagraph: { a: 1, b: 1, c: 3, d: 1 } });
    const r = run(s, { type: 'accept', proposalId: 'p2' }, CHAIR);
    expect(bracketCounts(r)).toEqual({ total: 5, byParagraph: { b: 1, c: 3, d: 1 } });
    expect(bracketCounts(stateOf(base))).toEqual({ total: 1, byParagraph: { d: 1 } });
  });

  it('[BR51] proposal labels name groups with the speaking member and number alternatives', () => {
    const s = rio();
    expect(proposalLabel(s.proposals.p1)).toBe('Alt 1 – EU');
    expect(proposalLabel(s.proposals.p2)).toBe('Alt 2 – US');
    expect(proposalLabel(s.proposals.p6)).toBe('G77 and China (Sudan)');
    expect(proposalLabel(s.proposals.ph)).toBe('Pending');
  });

  it('[BR52] compilation text in the Rio+20 style: slash alternatives, retain/delete, nesting, struck text', () => {
    let s = rio();
    const text = (id: string) => compilationText(s.doc.child(['a', 'b', 'c', 'd'].indexOf(id)), s);
    expect(text('a')).toBe('Phase out [changing unsustainable - EU, G77 retain / promoting sustainable - US] ways');
    expect(text('b')).toBe('Eradicate [extreme - US; G77 delete] poverty');
    expect(text('c')).toBe('Decides to establish[ open-[ended - US delete] - EU] an ad hoc [committee / working group - G77 and China (Sudan)]');
    expect(text('d')).toBe('By [日期] at the latest');
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(s.doc, 'c', ' ad hoc') }, US, idGen('q'));
    s = run(s, { type: 'accept', proposalId: 'q1' }, CHAIR, idGen('d'));
    expect(text('c')).toBe('Decides to establish[ open-[ended - US delete] - EU] an~~ ad hoc~~ [committee / working group - G77 and China (Sudan)]');
  });
});
