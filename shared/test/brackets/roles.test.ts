import { describe, expect, it } from 'vitest';
import { applyCommand, commandRoleAllowed, isCommandType, pendingRecords, type Actor, type Command } from '../../src/brackets/index.js';
import { after, CHAIR, doc, EU, idGen, NOW, OBS, op, pend, run, SEC, stateOf } from './helpers.js';

const base = doc(op('op1', 'Decides to establish an ad hoc committee'), op('op2', 'Requests support by ', pend('ph', '日期')));
const S0 = stateOf(base, { proposals: pendingRecords(base, {}, NOW) });
const S = run(S0, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' open-ended' }, EU, idGen('p'));

const commands: Command[] = [
  { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'Decides'), text: ' also' },
  { type: 'comment', proposalId: 'p1', text: 'why?' },
  { type: 'editProposal', proposalId: 'p1', text: ' open' },
  { type: 'withdraw', proposalId: 'p1' },
  { type: 'support', proposalId: 'p1' },
  { type: 'oppose', proposalId: 'p1' },
  { type: 'cosponsor', proposalId: 'p1' },
  { type: 'accept', proposalId: 'p1' },
  { type: 'reject', proposalId: 'p1' },
  { type: 'undoDecision', decisionId: 'd1' },
  { type: 'setParagraphStatus', paragraphId: 'op2', status: 'agreed' },
  { type: 'floor.request', paragraphId: 'op1' },
  { type: 'floor.withdraw' },
  { type: 'floor.give' },
  { type: 'floor.end' },
  { type: 'floor.order', order: [] },
  { type: 'floor.remove', participantId: 'eu' },
  { type: 'screen.hold', paragraphId: 'op1' },
  { type: 'screen.release' },
  { type: 'screen.follow', participantId: null },
  { type: 'settings.carets', delegations: true },
  { type: 'silence.start', deadline: NOW + 60_000 },
  { type: 'silence.break', silenceId: 's1', statement: 'We object.' },
  { type: 'silence.lift', silenceId: 's1' },
  { type: 'silence.expire', silenceId: 's1' },
];
const actors: Actor[] = [OBS, EU, SEC, CHAIR, { role: 'delegation', id: 'us', delegation: 'US' }];

describe('commandRoleAllowed (the cheap pre-check)', () => {
  it('[BR1] what it refuses the rules refuse not_permitted too, for every command type and role', () => {
    let refused = 0;
    for (const command of commands) {
      for (const actor of actors) {
        if (commandRoleAllowed(command.type, actor.role)) continue;
        refused++;
        const r = applyCommand(S, command, actor, NOW, idGen('x'));
        expect(r.ok ? 'ok' : r.error.code, `${command.type} as ${actor.role}`).toBe('not_permitted');
      }
    }
    expect(refused).toBeGreaterThan(20);
  });

  it('[BR1] observers may send nothing; only the chair decides; only delegations take positions', () => {
    for (const c of commands) expect(commandRoleAllowed(c.type, 'observer')).toBe(false);
    expect(commandRoleAllowed('accept', 'secretariat')).toBe(false);
    expect(commandRoleAllowed('support', 'chair')).toBe(false);
    expect(commandRoleAllowed('propose', 'chair')).toBe(true);
    expect(isCommandType('propose')).toBe(true);
    expect(isCommandType('toString')).toBe(false);
    expect(isCommandType(5)).toBe(false);
  });
});
