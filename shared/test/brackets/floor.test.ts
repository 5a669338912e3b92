import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyCommand, applyCommandToYDoc, applyCommandToYDocWhole, readBracketState, roomRecords, type Actor, type BracketState, type Command } from '../../src/brackets/index.js';
import { after, CHAIR, doc, EU, expectError, idGen, NOW, OBS, op, pp, run, SEC, seed, stateOf, SUDAN, testCommand, US } from './helpers.js';

const base = doc(pp('pp1', 'Recalling its resolution'), op('op1', 'Decides to establish a committee'), op('op3', 'Requests the Secretary-General'));
const S0 = stateOf(base);
const KENYA: Actor = { role: 'delegation', id: 'kenya', delegation: 'Kenya' };
const floorOf = (s: BracketState) => roomRecords(s).floor;
const queueOf = (s: BracketState) => floorOf(s).queue.map((r) => r.id);

/** EU, then US, then Kenya on OP3, asked in that order. */
const asked = [EU, US, KENYA].reduce((s, a) => run(s, { type: 'floor.request', ...(a === KENYA ? { paragraphId: 'op3' } : {}) }, a, idGen(a.id)), S0);

describe('the floor (speakers\' list)', () => {
  it('[BR80] a delegation asks for the floor, optionally on a paragraph; the request is on the list and in the log', () => {
    const s = testCommand(S0, { type: 'floor.request', paragraphId: 'op3' }, KENYA, null);
    expect(floorOf(s).queue).toEqual([{ id: 'kenya', name: 'Kenya', paragraphId: 'op3', at: NOW }]);
    const entry = s.decisions.at(-1)!;
    expect(entry).toMatchObject({ action: 'floor', byId: 'kenya', floor: { action: 'request', participantId: 'kenya', name: 'Kenya', paragraphId: 'op3' } });
  });

  it('[BR80] on a proposal: its paragraph goes with it; an unknown proposal or paragraph is not_found', () => {
    const s = run(S0, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' open-ended' }, US, idGen('p'));
    const t = testCommand(s, { type: 'floor.request', proposalId: 'p1' }, EU, null);
    expect(floorOf(t).queue[0]).toMatchObject({ id: 'eu', proposalId: 'p1', paragraphId: 'op1' });
    expectError(S0, { type: 'floor.request', proposalId: 'nope' }, EU, 'not_found');
    expectError(S0, { type: 'floor.request', paragraphId: 'op9' }, EU, 'not_found');
    expectError(S0, { type: 'floor.request', paragraphId: 5 } as unknown as Command, EU, 'invalid');
  });

  it('[BR80] once: a delegation on the list, or speaking, cannot ask again', () => {
    expectError(asked, { type: 'floor.request' }, EU, 'invalid');
    const speaking = run(asked, { type: 'floor.give' }, CHAIR);
    expectError(speaking, { type: 'floor.request' }, EU, 'invalid');
  });

  it('[BR80] a group member asks as the group; the list keeps the member as who asked', () => {
    const s = testCommand(S0, { type: 'floor.request', onBehalfOf: 'G77 and China' }, SUDAN, null);
    expect(floorOf(s).queue[0]).toMatchObject({ id: 'sudan', name: 'G77 and China (Sudan)' });
    expectError(S0, { type: 'floor.request', onBehalfOf: 'G77 and China' }, EU, 'not_permitted');
  });

  it('[BR80] an observer cannot ask for the floor, nor can the chair or the secretariat', () => {
    expectError(S0, { type: 'floor.request' }, OBS, 'not_permitted');
    expectError(S0, { type: 'floor.request' }, CHAIR, 'not_permitted');
    expectError(S0, { type: 'floor.request' }, SEC, 'not_permitted');
  });

  it('[BR81] a delegation withdraws its own request and nobody else\'s', () => {
    const s = testCommand(asked, { type: 'floor.withdraw' }, US, null);
    expect(queueOf(s)).toEqual(['eu', 'kenya']);
    expectError(s, { type: 'floor.withdraw' }, US, 'not_found');
    expectError(asked, { type: 'floor.withdraw' }, OBS, 'not_permitted');
  });

  it('[BR82] the chair gives the floor to the first on the list, or to one it names; the previous turn ends', () => {
    const first = testCommand(asked, { type: 'floor.give' }, CHAIR, null);
    expect(floorOf(first).speaking).toMatchObject({ id: 'eu', since: NOW });
    expect(queueOf(first)).toEqual(['us', 'kenya']);
    const kenya = testCommand(first, { type: 'floor.give', participantId: 'kenya' }, CHAIR, null);
    expect(floorOf(kenya).speaking).toMatchObject({ id: 'kenya', name: 'Kenya', paragraphId: 'op3' });
    expect(queueOf(kenya)).toEqual(['us']);
    expect(kenya.decisions.at(-1)!.floor).toEqual({ action: 'give', participantId: 'kenya', name: 'Kenya', paragraphId: 'op3' });
    expectError(kenya, { type: 'floor.give', participantId: 'eu' }, CHAIR, 'not_found');
    expectError(S0, { type: 'floor.give' }, CHAIR, 'invalid');
  });

  it('[BR83] the chair ends a turn; with nobody speaking there is nothing to end', () => {
    const s = testCommand(run(asked, { type: 'floor.give' }, CHAIR), { type: 'floor.end' }, CHAIR, null);
    expect(floorOf(s).speaking).toBeNull();
    expect(s.decisions.at(-1)!.floor).toMatchObject({ action: 'end', participantId: 'eu' });
    expectError(s, { type: 'floor.end' }, CHAIR, 'invalid');
  });

  it('[BR84] the chair reorders the list; an order that is not the list as it is now is a conflict', () => {
    const s = testCommand(asked, { type: 'floor.order', order: ['kenya', 'eu', 'us'] }, CHAIR, null);
    expect(queueOf(s)).toEqual(['kenya', 'eu', 'us']);
    expectError(asked, { type: 'floor.order', order: ['kenya', 'eu'] }, CHAIR, 'conflict');
    expectError(asked, { type: 'floor.order', order: ['kenya', 'eu', 'eu'] }, CHAIR, 'conflict');
    expectError(asked, { type: 'floor.order', order: ['kenya', 'eu', 'norway'] }, CHAIR, 'conflict');
    expectError(asked, { type: 'floor.order', order: 'kenya' } as unknown as Command, CHAIR, 'invalid');
  });

  it('[BR85] the chair removes a delegation from the list', () => {
    const s = testCommand(asked, { type: 'floor.remove', participantId: 'us' }, CHAIR, null);
    expect(queueOf(s)).toEqual(['eu', 'kenya']);
    expectError(s, { type: 'floor.remove', participantId: 'us' }, CHAIR, 'not_found');
  });

  it('[BR85] a delegation cannot reorder, remove others, give or end the floor (nor can the secretariat)', () => {
    for (const actor of [EU, US, SEC, OBS]) {
      expectError(asked, { type: 'floor.order', order: ['eu', 'kenya', 'us'] }, actor, 'not_permitted');
      expectError(asked, { type: 'floor.remove', participantId: 'kenya' }, actor, 'not_permitted');
      expectError(asked, { type: 'floor.give', participantId: 'eu' }, actor, 'not_permitted');
      expectError(run(asked, { type: 'floor.give' }, CHAIR), { type: 'floor.end' }, actor, 'not_permitted');
    }
  });

  it('[BR86] floor entries are logged but not undone', () => {
    const s = run(asked, { type: 'floor.give' }, CHAIR, idGen('g'));
    const r = applyCommand(s, { type: 'undoDecision', decisionId: 'g1' }, CHAIR, NOW, idGen('u'));
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid');
  });
});

describe('the room screen and the caret setting', () => {
  it('[BR87] the chair holds the screen on a paragraph and releases it; follows a participant or the chair again', () => {
    const held = testCommand(S0, { type: 'screen.hold', paragraphId: 'op3' }, CHAIR, null);
    expect(roomRecords(held).screen).toEqual({ held: 'op3' });
    expect(held.decisions).toEqual([]);
    const released = testCommand(held, { type: 'screen.release' }, CHAIR, null);
    expect(roomRecords(released).screen).toEqual({});
    expectError(released, { type: 'screen.release' }, CHAIR, 'invalid');
    expectError(S0, { type: 'screen.hold', paragraphId: 'gone' }, CHAIR, 'not_found');
    const follow = testCommand(S0, { type: 'screen.follow', participantId: 'sec' }, CHAIR, null);
    expect(roomRecords(follow).screen).toEqual({ follow: 'sec' });
    expect(roomRecords(testCommand(follow, { type: 'screen.follow', participantId: null }, CHAIR, null)).screen).toEqual({});
    for (const actor of [EU, SEC, OBS]) expectError(S0, { type: 'screen.hold', paragraphId: 'op1' }, actor, 'not_permitted');
  });

  it('[BR88] the chair shares delegations\' carets or makes them private again; setting the same value is invalid', () => {
    expect(roomRecords(S0).settings.delegationCarets).toBe(false);
    const on = testCommand(S0, { type: 'settings.carets', delegations: true }, CHAIR, null);
    expect(roomRecords(on).settings.delegationCarets).toBe(true);
    expectError(on, { type: 'settings.carets', delegations: true }, CHAIR, 'invalid');
    expectError(S0, { type: 'settings.carets', delegations: true }, EU, 'not_permitted');
  });

  it('[BR89] on a Y.Doc: written to the server-only map `room` in one transaction, the same through both paths', () => {
    const commands: [Command, Actor][] = [
      [{ type: 'floor.request', paragraphId: 'op3' }, KENYA],
      [{ type: 'floor.request' }, EU],
      [{ type: 'floor.order', order: ['eu', 'kenya'] }, CHAIR],
      [{ type: 'floor.give' }, CHAIR],
      [{ type: 'screen.hold', paragraphId: 'op1' }, CHAIR],
      [{ type: 'settings.carets', delegations: true }, CHAIR],
      [{ type: 'floor.request', paragraphId: 'op3' }, OBS],
    ];
    const scoped = seed(base);
    const whole = seed(base);
    let transactions: unknown[] = [];
    scoped.on('afterTransaction', (tr: Y.Transaction) => tr.origin === 'o' && transactions.push(tr.origin));
    for (const [c, a] of commands) {
      let n = 0;
      transactions = [];
      const x = applyCommandToYDoc(scoped, c, a, NOW, () => `i${n++}`, { origin: 'o' });
      let m = 0;
      const y = applyCommandToYDocWhole(whole, c, a, NOW, () => `i${m++}`);
      expect(x.ok ? x.result : x.error).toEqual(y.ok ? y.result : y.error);
      expect(transactions.length).toBe(x.ok ? 1 : 0);
    }
    // The same records (not the same bytes: each Y.Doc has its own random client id, varint-encoded).
    expect(scoped.getMap('room').toJSON()).toEqual(whole.getMap('room').toJSON());
    expect(readBracketState(scoped).decisions).toEqual(readBracketState(whole).decisions);
    const room = readBracketState(scoped).room!;
    expect(room.floor).toMatchObject({ speaking: { id: 'eu' }, queue: [{ id: 'kenya', paragraphId: 'op3' }] });
    expect(room.screen).toEqual({ held: 'op1' });
    expect(room.settings).toEqual({ delegationCarets: true });
  });
});
