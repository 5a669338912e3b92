import { describe, expect, it } from 'vitest';
import {
  annotation,
  applyCommand,
  checkCommand,
  LOCKED,
  pendingRecords,
  positionWording,
  proposalActions,
  proposalComments,
  proposalLabel,
  recordedCommandOutcome,
  type Actor,
  type BracketState,
  type Command,
  type ProposalKind,
} from '../../src/brackets/index.js';
import { after, as, at, CHAIR, doc, EU, expectError, forG77, idGen, NOW, OBS, ok, op, pend, run, SEC, stateOf, SUDAN, testCommand, US } from './helpers.js';

const KENYA: Actor = { role: 'delegation', id: 'kenya', delegation: 'Kenya' };
/** An observer who was given the name "Kenya": a name grants nothing. */
const FAKE_KENYA: Actor = { role: 'observer', id: 'obs-kenya', delegation: 'Kenya' };
const base = doc(op('op1', 'Decides to establish an ad hoc committee'), op('op2', 'Requests a report by ', pend('ph', '日期')));
const S = stateOf(base, { proposals: pendingRecords(base, {}, NOW) });

function kenyasDeletion(): BracketState {
  return run(S, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, KENYA, idGen('k'));
}

describe('identity (participant ids, not names)', () => {
  it('[BR70] records carry the participant id and the name shown; rights go by id', () => {
    let s = kenyasDeletion();
    expect(s.proposals.k1.sponsors).toEqual([as(KENYA)]);
    s = run(s, { type: 'comment', proposalId: 'k1', text: 'why?' }, US);
    expect(proposalComments(s, 'k1')[0].by).toEqual(as(US));
    s = run(s, { type: 'accept', proposalId: 'k1' }, CHAIR, idGen('d'));
    expect(s.decisions[0]).toMatchObject({ by: 'Chair', byId: 'chair' });
    // Another delegation that happens to be called "Kenya" is not Kenya.
    const otherKenya: Actor = { role: 'delegation', id: 'kenya-2', delegation: 'Kenya' };
    expectError(kenyasDeletion(), { type: 'withdraw', proposalId: 'k1' }, otherKenya, 'not_permitted');
    expectError(kenyasDeletion(), { type: 'editProposal', proposalId: 'k1', explanation: 'x' }, otherKenya, 'not_permitted');
  });

  it('[BR70] a record written before ids displays as before and matches nobody', () => {
    const s = kenyasDeletion();
    const old: BracketState = { ...s, proposals: { ...s.proposals, k1: { ...s.proposals.k1, sponsors: [{ name: 'Kenya' }], opposers: [{ name: 'EU' }] } } };
    expect(proposalLabel(old.proposals.k1)).toBe('Kenya');
    expect(annotation(old.proposals.k1)).toBe('Kenya delete; EU retain');
    expectError(old, { type: 'withdraw', proposalId: 'k1' }, KENYA, 'not_permitted');
    // EU's old, id-less position is not "EU" for the rules: EU's new position is added beside it.
    const next = run(old, { type: 'support', proposalId: 'k1' }, EU);
    expect(next.proposals.k1.opposers).toEqual([{ name: 'EU' }]);
    expect(next.proposals.k1.supporters).toEqual([as(EU)]);
  });

  it('[BR71] observers never propose, edit, withdraw, comment or take positions, whatever their name', () => {
    const s = kenyasDeletion();
    expectError(s, { type: 'withdraw', proposalId: 'k1' }, FAKE_KENYA, 'not_permitted');
    expectError(s, { type: 'editProposal', proposalId: 'k1', explanation: 'mine now' }, FAKE_KENYA, 'not_permitted');
    expectError(s, { type: 'comment', proposalId: 'k1', text: 'hello' }, FAKE_KENYA, 'not_permitted');
    expectError(s, { type: 'support', proposalId: 'k1' }, OBS, 'not_permitted');
    expectError(s, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'committee'), text: 'x' }, OBS, 'not_permitted');
    expect(proposalActions(s.proposals.k1, FAKE_KENYA)).toMatchObject({ edit: false, explain: false, withdraw: null, comment: false, support: false });
  });

  it('[BR72] onBehalfOf names only a group the chair assigned to this delegation', () => {
    const s = kenyasDeletion();
    // Sudan is assigned to the G77 and China: by name (any case) or by id.
    let ok1 = testCommand(s, { type: 'support', proposalId: 'k1', onBehalfOf: 'G77 and China' }, SUDAN, null);
    expect(ok1.proposals.k1.supporters).toEqual([forG77(SUDAN)]);
    ok1 = run(s, { type: 'support', proposalId: 'k1', onBehalfOf: 'g77' }, SUDAN);
    expect(ok1.proposals.k1.supporters).toEqual([forG77(SUDAN)]);
    // Never another participant, never the chair, never a group it was not assigned to.
    for (const onBehalfOf of ['Kenya', 'kenya', 'Chair', 'chair', 'EU', 'African Group']) {
      expectError(s, { type: 'support', proposalId: 'k1', onBehalfOf }, SUDAN, 'not_permitted');
      expectError(s, { type: 'comment', proposalId: 'k1', text: 'x', onBehalfOf }, SUDAN, 'not_permitted');
      expectError(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', 'committee'), onBehalfOf }, SUDAN, 'not_permitted');
    }
    // The US is not a member of the G77; the chair and the secretariat speak for no group.
    expectError(s, { type: 'oppose', proposalId: 'k1', onBehalfOf: 'G77 and China' }, US, 'not_permitted');
    expectError(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', 'committee'), onBehalfOf: 'G77 and China' }, SEC, 'not_permitted');
    expectError(s, { type: 'comment', proposalId: 'k1', text: 'x', onBehalfOf: 'G77 and China' }, CHAIR, 'not_permitted');
    // A state without groups grants no group.
    expectError({ ...s, groups: {} }, { type: 'support', proposalId: 'k1', onBehalfOf: 'G77 and China' }, SUDAN, 'not_permitted');
    // Naming oneself is speaking as oneself.
    expect(run(s, { type: 'oppose', proposalId: 'k1', onBehalfOf: 'Sudan' }, SUDAN).proposals.k1.opposers).toEqual([as(SUDAN)]);
  });

  it("[BR73] a delegation's position never removes another's; the same sponsor's other position is replaced", () => {
    let s = kenyasDeletion();
    s = run(s, { type: 'oppose', proposalId: 'k1' }, EU);
    s = run(s, { type: 'support', proposalId: 'k1' }, US);
    s = run(s, { type: 'support', proposalId: 'k1' }, SUDAN);
    s = run(s, { type: 'support', proposalId: 'k1', onBehalfOf: 'G77 and China' }, SUDAN);
    expect(s.proposals.k1.opposers).toEqual([as(EU)]);
    expect(s.proposals.k1.supporters).toEqual([as(US), as(SUDAN), forG77(SUDAN)]);
    // Sudan trying to speak "for Kenya" changes nothing (BR72), Kenya's own proposal stays Kenya's.
    expectError(s, { type: 'support', proposalId: 'k1', onBehalfOf: 'Kenya' }, SUDAN, 'not_permitted');
    s = run(s, { type: 'oppose', proposalId: 'k1' }, US);
    expect(s.proposals.k1.supporters).toEqual([as(SUDAN), forG77(SUDAN)]);
    expect(s.proposals.k1.opposers).toEqual([as(EU), as(US)]);
  });

  it('[BR74] proposalActions says exactly what the rules allow, for every kind, role and status', () => {
    let s = S;
    s = run(s, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' open-ended' }, EU, idGen('i'));
    s = run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, KENYA, idGen('d'));
    s = run(s, { type: 'propose', kind: 'replace', anchor: at(base, 'op1', 'committee'), text: 'working group', onBehalfOf: 'G77 and China' }, SUDAN, idGen('r'));
    s = run(s, { type: 'propose', kind: 'alternative', alternativeTo: 'i1', text: ' informal' }, US, idGen('l')); // i1 becomes Alt 1
    s = run(s, { type: 'propose', kind: 'newParagraph', after: 'op1', blockType: 'operative', text: 'Invites States' }, EU, idGen('n'));
    s = run(s, { type: 'propose', kind: 'deleteParagraph', paragraphId: 'op2' }, US, idGen('x'));
    s = run(s, { type: 'propose', kind: 'reserve', anchor: at(base, 'op2', 'report') }, KENYA, idGen('v'));
    s = run(s, { type: 'cosponsor', proposalId: 'd1' }, EU);
    s = run(s, { type: 'oppose', proposalId: 'd1' }, US);
    const withdrawn = run(s, { type: 'withdraw', proposalId: 'v1' }, KENYA);
    const locked = run(s, { type: 'setParagraphStatus', paragraphId: 'op2', status: 'adref' }, CHAIR, idGen('d'));
    const actors = [EU, US, SUDAN, KENYA, FAKE_KENYA, CHAIR, SEC, OBS];
    let checked = 0;
    for (const state of [s, withdrawn, locked]) {
      for (const p of Object.values(state.proposals)) {
        const isLocked = LOCKED.has(state.paragraphs[p.paragraphId]?.status ?? 'open');
        for (const actor of actors) {
          for (const onBehalfOf of ['', 'G77 and China']) {
            const can = proposalActions(p, actor, { onBehalfOf, groups: state.groups, locked: isLocked });
            const behalf = onBehalfOf ? { onBehalfOf } : {};
            const allowed = (c: Command) => checkCommand(state, c, actor).ok;
            const cases: [string, boolean, Command][] = [
              ['support', can.support, { type: 'support', proposalId: p.id, ...behalf }],
              ['oppose', can.oppose, { type: 'oppose', proposalId: p.id, ...behalf }],
              ['cosponsor', can.cosponsor, { type: 'cosponsor', proposalId: p.id, ...behalf }],
              ['comment', can.comment, { type: 'comment', proposalId: p.id, text: 'note', ...behalf }],
              ['reject', can.reject, { type: 'reject', proposalId: p.id }],
              ['accept', can.accept || can.acceptWithText, { type: 'accept', proposalId: p.id }],
            ];
            if (!onBehalfOf) {
              cases.push(['explain', can.explain, { type: 'editProposal', proposalId: p.id, explanation: 'because' }]);
              cases.push(['edit', can.edit, { type: 'editProposal', proposalId: p.id, text: 'new words' }]);
              cases.push(['withdraw', can.withdraw !== null, { type: 'withdraw', proposalId: p.id }]);
            }
            for (const [what, shown, command] of cases) {
              expect([p.id, actor.id, onBehalfOf, what, shown]).toEqual([p.id, actor.id, onBehalfOf, what, allowed(command)]);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('[BR52] positions are worded per kind: a deletion is supported "delete" and opposed "retain"', () => {
    const kinds: ProposalKind[] = ['insert', 'delete', 'replace', 'alternative', 'reserve', 'pending', 'newParagraph', 'deleteParagraph'];
    expect(Object.fromEntries(kinds.map((k) => [k, positionWording(k)]))).toEqual({
      insert: { supporters: 'retain', opposers: 'delete' },
      delete: { supporters: 'delete', opposers: 'retain' },
      replace: { supporters: 'retain', opposers: 'delete' },
      alternative: { supporters: 'retain', opposers: 'delete' },
      reserve: { supporters: 'retain', opposers: 'delete' },
      pending: { supporters: 'retain', opposers: 'delete' },
      newParagraph: { supporters: 'retain', opposers: 'delete' },
      deleteParagraph: { supporters: 'delete', opposers: 'retain' },
    });
    let s = kenyasDeletion();
    s = run(s, { type: 'oppose', proposalId: 'k1' }, US);
    expect(annotation(s.proposals.k1)).toBe('Kenya delete; US retain');
  });

  it('[BR75] a proposal records the commandId that created it; a repeat by the same participant finds it', () => {
    const cmd: Command = { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') };
    const r = ok(applyCommand(S, cmd, KENYA, NOW, idGen('c'), 'cmd-1'));
    expect(r.proposals.c1.commandId).toBe('cmd-1');
    const s = { ...S, proposals: { ...S.proposals, ...r.proposals } };
    expect(recordedCommandOutcome(s, 'kenya', 'cmd-1')).toEqual({ proposalId: 'c1' });
    expect(recordedCommandOutcome(s, 'eu', 'cmd-1')).toBeNull();
    expect(recordedCommandOutcome(s, 'kenya', 'cmd-2')).toBeNull();
    const g = ok(applyCommand(S, { ...cmd, onBehalfOf: 'G77 and China' }, SUDAN, NOW, idGen('g'), 'cmd-1'));
    expect(recordedCommandOutcome({ proposals: g.proposals }, 'sudan', 'cmd-1')).toEqual({ proposalId: 'g1' });
    // Without a commandId nothing is recorded (records stay as before).
    expect(ok(applyCommand(S, cmd, KENYA, NOW, idGen('c'))).proposals.c1).not.toHaveProperty('commandId');
  });
});
