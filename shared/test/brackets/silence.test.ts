import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  applyCommand,
  applyCommandToYDoc,
  applyCommandToYDocWhole,
  checkCommand,
  commandRoleAllowed,
  readBracketState,
  roomRecords,
  silenceOver,
  type Actor,
  type BracketState,
  type Command,
} from '../../src/brackets/index.js';
import { after, at, CHAIR, doc, EU, expectError, idGen, NOW, OBS, ok, op, pp, run, SEC, seed, stateOf, SUDAN, testCommand, US, next } from './helpers.js';

const base = doc(pp('pp1', 'Recalling its resolution'), op('op1', 'Decides to establish a committee'), op('op2', 'Invites States to cooperate'), op('op3', 'Requests the Secretary-General'));
const S0 = stateOf(base);
const HOUR = 3_600_000;
const DEADLINE = NOW + HOUR;
/** The server's own actor when a deadline passes (server/src/silence/silence-clock.ts does the same). */
const CLOCK: Actor = { role: 'chair', id: 'accord', delegation: 'Accord' };

const silencesOf = (s: BracketState) => roomRecords(s).silences;
const at1 = (s: BracketState, c: Command, a: Actor, now: number, ids = idGen('t')) => next(s, ok(applyCommand(s, c, a, now, ids)));

/** OP3 under silence until DEADLINE (silence id s1). */
const onOp3 = run(S0, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op3'], note: 'Last call' }, CHAIR, idGen('s'));
/** The whole text under silence (silence id w1). */
const whole = run(S0, { type: 'silence.start', deadline: new Date(DEADLINE).toISOString() }, CHAIR, idGen('w'));

describe('the silence procedure: starting', () => {
  it('[BR90] the chair puts chosen paragraphs under silence until a deadline; the record and the log say so', () => {
    const s = testCommand(S0, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op1', 'op3'], note: ' Last call ' }, CHAIR, base, idGen('s'));
    expect(silencesOf(s)).toEqual([{ id: 's1', by: 'chair', name: 'Chair', startedAt: NOW, deadline: DEADLINE, paragraphIds: ['op1', 'op3'], note: 'Last call', state: 'open' }]);
    expect(s.decisions.at(-1)).toMatchObject({
      action: 'silence',
      byId: 'chair',
      silence: { action: 'start', silenceId: 's1', deadline: DEADLINE, paragraphIds: ['op1', 'op3'], note: 'Last call' },
    });
  });

  it('[BR90] the deadline is an ISO date and time with its offset, or epoch ms, in the future and within a year', () => {
    // 10:00 in New York (UTC−5 in December) is 15:00 UTC.
    const iso = testCommand(stateOf(base), { type: 'silence.start', deadline: '2023-12-01T10:00-05:00' }, CHAIR, null, idGen('s'));
    expect(silencesOf(iso)[0].deadline).toBe(Date.UTC(2023, 11, 1, 15, 0));
    expect(silencesOf(iso)[0].paragraphIds).toBeUndefined();
    expectError(S0, { type: 'silence.start', deadline: '2023-12-01T10:00' }, CHAIR, 'invalid');
    expectError(S0, { type: 'silence.start', deadline: 'tomorrow' }, CHAIR, 'invalid');
    expectError(S0, { type: 'silence.start', deadline: NOW - 1 }, CHAIR, 'invalid');
    expectError(S0, { type: 'silence.start', deadline: NOW }, CHAIR, 'invalid');
    expectError(S0, { type: 'silence.start', deadline: NOW + 400 * 24 * HOUR }, CHAIR, 'invalid');
    expectError(S0, { type: 'silence.start', deadline: 1.5 }, CHAIR, 'invalid');
    expectError(S0, { type: 'silence.start', deadline: DEADLINE, note: 'x'.repeat(2001) }, CHAIR, 'invalid');
  });

  it('[BR90] paragraphs named must exist, once each, and be neither deleted nor adopted already', () => {
    expectError(S0, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op9'] }, CHAIR, 'not_found');
    expectError(S0, { type: 'silence.start', deadline: DEADLINE, paragraphIds: [] }, CHAIR, 'invalid');
    expectError(S0, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op1', 'op1'] }, CHAIR, 'invalid');
    expectError(S0, { type: 'silence.start', deadline: DEADLINE, paragraphIds: 'op1' } as unknown as Command, CHAIR, 'invalid');
    const deleted = run(S0, { type: 'setParagraphStatus', paragraphId: 'op2', status: 'deleted' }, CHAIR);
    expectError(deleted, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op2'] }, CHAIR, 'invalid');
  });

  it('[BR90] at most one open silence over a paragraph: overlapping ones are a conflict, separate ones are fine', () => {
    expectError(onOp3, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op2', 'op3'] }, CHAIR, 'conflict');
    expectError(onOp3, { type: 'silence.start', deadline: DEADLINE }, CHAIR, 'conflict');
    expectError(whole, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op1'] }, CHAIR, 'conflict');
    const two = testCommand(onOp3, { type: 'silence.start', deadline: DEADLINE + HOUR, paragraphIds: ['op1'] }, CHAIR, null, idGen('x'));
    expect(silencesOf(two).map((s) => [s.id, s.state])).toEqual([['s1', 'open'], ['x1', 'open']]);
  });

  it('[BR90] only the chair starts a silence: a delegation, the secretariat and an observer cannot', () => {
    for (const actor of [EU, SEC, OBS]) expectError(S0, { type: 'silence.start', deadline: DEADLINE }, actor, 'not_permitted');
  });
});

describe('the silence procedure: the lock', () => {
  it('[BR90] a paragraph with an open bracket is not put under silence (nor the text holding it): the chair decides it first', () => {
    const withProposal = run(S0, { type: 'propose', kind: 'insert', anchor: after(base, 'op3', 'Requests'), text: ' also' }, EU, idGen('p'));
    const r = applyCommand(withProposal, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op1', 'op3'] }, CHAIR, NOW, idGen('s'));
    expect(r.ok ? '' : r.error).toEqual({ code: 'invalid', message: 'open brackets remain in OP3 (1): decide them before putting these paragraphs under silence' });
    expectError(withProposal, { type: 'silence.start', deadline: DEADLINE }, CHAIR, 'invalid');
    // Elsewhere, or once decided, it may.
    run(withProposal, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op1'] }, CHAIR);
    const decided = run(withProposal, { type: 'reject', proposalId: 'p1' }, CHAIR);
    run(decided, { type: 'silence.start', deadline: DEADLINE }, CHAIR);
  });

  it('[BR91] no proposal, edit or decision in a silenced paragraph; the refusal names it and the deadline', () => {
    const s = onOp3;
    const r = applyCommand(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', 'Secretary-General') }, US, NOW, idGen('e'));
    expect(r.ok ? '' : r.error).toEqual({ code: 'paragraph_locked', message: expect.stringMatching(/^OP3 is under silence until 2023-11-14 23:13 UTC/) });
    expectError(s, { type: 'propose', kind: 'deleteParagraph', paragraphId: 'op3' }, US, 'paragraph_locked');
    expectError(s, { type: 'propose', kind: 'newParagraph', after: 'op3', blockType: 'operative', text: 'Alt', alternative: true }, US, 'paragraph_locked');
    expectError(s, { type: 'setParagraphStatus', paragraphId: 'op3', status: 'agreed' }, CHAIR, 'paragraph_locked');
    // The other paragraphs are not under silence: proposals there go on, and positions and comments
    // on them are statements, not changes to the text (BR17).
    const elsewhere = run(s, { type: 'propose', kind: 'insert', anchor: after(base, 'op1', 'establish'), text: ' open-ended' }, US, idGen('q'));
    run(elsewhere, { type: 'support', proposalId: 'q1' }, EU);
    run(elsewhere, { type: 'comment', proposalId: 'q1', text: 'We can live with it' }, EU);
    run(s, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'informals' }, CHAIR);
  });

  it('[BR91] a decision on a silenced paragraph is not undone either, not even a status change', () => {
    const status = run(S0, { type: 'setParagraphStatus', paragraphId: 'op3', status: 'informals' }, CHAIR, idGen('d'));
    const s = run(status, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op3'] }, CHAIR, idGen('s'));
    expectError(s, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, 'paragraph_locked');
  });

  it('[BR91] the whole text under silence: every paragraph refuses, and no new paragraph is proposed', () => {
    for (const id of ['pp1', 'op1', 'op2', 'op3']) {
      const r = applyCommand(whole, { type: 'propose', kind: 'deleteParagraph', paragraphId: id }, EU, NOW, idGen('e'));
      expect(r.ok ? '' : r.error.message).toMatch(/^The text is under silence until/);
    }
    expectError(whole, { type: 'propose', kind: 'newParagraph', after: 'op3', blockType: 'operative', text: 'Also decides' }, EU, 'paragraph_locked');
    expectError(whole, { type: 'setParagraphStatus', paragraphId: 'pp1', status: 'adref' }, CHAIR, 'paragraph_locked');
    // A new paragraph after a silenced one is fine when only that paragraph is under silence.
    run(onOp3, { type: 'propose', kind: 'newParagraph', after: 'op3', blockType: 'operative', text: 'Also decides' }, EU);
  });

  it('[BR91] the floor works on as usual while the text is under silence', () => {
    run(whole, { type: 'floor.request', paragraphId: 'op3' }, EU);
  });
});

describe('the silence procedure: breaking, lifting, adopting', () => {
  it('[BR92] a delegation breaks silence with a written statement; the text is open again and the break is on the record', () => {
    const s = testCommand(onOp3, { type: 'silence.break', silenceId: 's1', statement: '  We cannot join consensus on OP3.\nWe propose to keep talking.  ' }, US, null, idGen('b'));
    expect(silencesOf(s)[0]).toMatchObject({
      state: 'broken',
      endedAt: NOW,
      break: { by: 'us', name: 'US', statement: 'We cannot join consensus on OP3.\nWe propose to keep talking.', at: NOW },
    });
    expect(s.decisions.at(-1)).toMatchObject({ action: 'silence', byId: 'us', silence: { action: 'break', silenceId: 's1', name: 'US', statement: 'We cannot join consensus on OP3.\nWe propose to keep talking.' } });
    run(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', 'Secretary-General') }, EU);
    expectError(s, { type: 'silence.break', silenceId: 's1', statement: 'Again' }, EU, 'invalid');
  });

  it('[BR92] a group member breaks silence for its group (BR72), never for a group it is not in', () => {
    const s = run(onOp3, { type: 'silence.break', silenceId: 's1', statement: 'The Group objects.', onBehalfOf: 'G77 and China' }, SUDAN);
    expect(silencesOf(s)[0].break).toMatchObject({ by: 'sudan', name: 'G77 and China (Sudan)' });
    expectError(onOp3, { type: 'silence.break', silenceId: 's1', statement: 'x', onBehalfOf: 'G77 and China' }, EU, 'not_permitted');
  });

  it('[BR92] the statement is required (1–2,000 characters, no control characters); the silence must exist, be open and not yet due', () => {
    expectError(onOp3, { type: 'silence.break', silenceId: 's1', statement: '   ' }, EU, 'invalid');
    expectError(onOp3, { type: 'silence.break', silenceId: 's1' } as unknown as Command, EU, 'invalid');
    expectError(onOp3, { type: 'silence.break', silenceId: 's1', statement: 'x'.repeat(2001) }, EU, 'invalid');
    expectError(onOp3, { type: 'silence.break', silenceId: 's1', statement: 'bell\u0007' }, EU, 'invalid');
    expectError(onOp3, { type: 'silence.break', silenceId: 'nope', statement: 'x' }, EU, 'not_found');
    const late = applyCommand(onOp3, { type: 'silence.break', silenceId: 's1', statement: 'Too late' }, EU, DEADLINE, idGen('e'));
    expect(late.ok ? 'ok' : late.error.code).toBe('invalid');
    run(onOp3, { type: 'silence.break', silenceId: 's1', statement: 'x'.repeat(2000) }, EU);
  });

  it('[BR92] an observer cannot break silence, nor can the chair or the secretariat', () => {
    for (const actor of [OBS, CHAIR, SEC]) expectError(onOp3, { type: 'silence.break', silenceId: 's1', statement: 'We object' }, actor, 'not_permitted');
  });

  it('[BR93] the chair lifts a silence; a delegation or the secretariat cannot; a lifted silence is over', () => {
    for (const actor of [EU, SEC, OBS]) expectError(onOp3, { type: 'silence.lift', silenceId: 's1' }, actor, 'not_permitted');
    const s = testCommand(onOp3, { type: 'silence.lift', silenceId: 's1' }, CHAIR, null, idGen('l'));
    expect(silencesOf(s)[0]).toMatchObject({ state: 'lifted', endedAt: NOW });
    expect(s.decisions.at(-1)!.silence).toEqual({ action: 'lift', silenceId: 's1', deadline: DEADLINE, paragraphIds: ['op3'] });
    expectError(s, { type: 'silence.lift', silenceId: 's1' }, CHAIR, 'invalid');
    expectError(s, { type: 'silence.break', silenceId: 's1', statement: 'x' }, EU, 'invalid');
    run(s, { type: 'setParagraphStatus', paragraphId: 'op3', status: 'agreed' }, CHAIR);
  });

  it('[BR94] at the deadline an unbroken silence adopts its paragraphs, logged with the time; before it, it cannot', () => {
    const early = applyCommand(onOp3, { type: 'silence.expire', silenceId: 's1' }, CLOCK, DEADLINE - 1, idGen('e'));
    expect(early.ok ? 'ok' : early.error.code).toBe('invalid');
    const r = ok(applyCommand(onOp3, { type: 'silence.expire', silenceId: 's1' }, CLOCK, DEADLINE + 5, idGen('a')));
    expect(r.paragraphs).toEqual({ op3: { status: 'adopted' } });
    expect(r.decision).toMatchObject({ at: DEADLINE + 5, action: 'silence', by: 'Accord', silence: { action: 'adopt', silenceId: 's1' }, paragraphs: [{ id: 'op3', before: null, after: { status: 'adopted' } }] });
    const s = next(onOp3, r);
    expect(silencesOf(s)[0]).toMatchObject({ state: 'adopted', endedAt: DEADLINE + 5 });
    expect(silenceOver(s, 'op3')).toBeUndefined();
    // Adopted locks the paragraph like agreed (BR17) until the chair reopens it.
    const refused = applyCommand(s, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', 'Requests') }, EU, NOW, idGen('e'));
    expect(refused.ok ? '' : refused.error.message).toBe('OP3 is adopted under silence procedure; the chair must reopen it first');
    expectError(s, { type: 'silence.expire', silenceId: 's1' }, CLOCK, 'invalid');
    const reopened = run(s, { type: 'setParagraphStatus', paragraphId: 'op3', status: 'open' }, CHAIR);
    run(reopened, { type: 'propose', kind: 'delete', anchor: at(base, 'op3', 'Requests') }, EU);
  });

  it('[BR94] the whole text: every paragraph adopted, except a deleted one', () => {
    const deleted = run(S0, { type: 'setParagraphStatus', paragraphId: 'op2', status: 'deleted' }, CHAIR, idGen('d'));
    const s = run(deleted, { type: 'silence.start', deadline: DEADLINE }, CHAIR, idGen('w'));
    const adopted = at1(s, { type: 'silence.expire', silenceId: 'w1' }, CLOCK, DEADLINE);
    expect(adopted.paragraphs).toEqual({ pp1: { status: 'adopted' }, op1: { status: 'adopted' }, op2: { status: 'deleted' }, op3: { status: 'adopted' } });
  });

  it('[BR94] adopted is set only by a silence; the chair cannot set it, a delegation cannot expire a silence', () => {
    expectError(S0, { type: 'setParagraphStatus', paragraphId: 'op1', status: 'adopted' }, CHAIR, 'invalid');
    const r = applyCommand(onOp3, { type: 'silence.expire', silenceId: 's1' }, EU, DEADLINE, idGen('e'));
    expect(r.ok ? 'ok' : r.error.code).toBe('not_permitted');
  });

  it('[BR95] silence entries are on the record but not undone', () => {
    for (const id of ['s2']) {
      const r = applyCommand(onOp3, { type: 'undoDecision', decisionId: id }, CHAIR, NOW, idGen('u'));
      expect(r.ok ? 'ok' : r.error.code).toBe('invalid');
    }
    const adopted = at1(onOp3, { type: 'silence.expire', silenceId: 's1' }, CLOCK, DEADLINE, idGen('a'));
    const u = applyCommand(adopted, { type: 'undoDecision', decisionId: 'a1' }, CHAIR, DEADLINE, idGen('u'));
    expect(u.ok ? 'ok' : u.error.code).toBe('invalid');
  });

  it('[BR96] every step appends one silence entry: start, break, lift, adopt', () => {
    let s = run(S0, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op1'] }, CHAIR, idGen('a'));
    s = run(s, { type: 'silence.break', silenceId: 'a1', statement: 'No' }, EU, idGen('b'));
    s = run(s, { type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op1'] }, CHAIR, idGen('c'));
    s = run(s, { type: 'silence.lift', silenceId: 'c1' }, CHAIR, idGen('d'));
    s = run(s, { type: 'silence.start', deadline: DEADLINE }, CHAIR, idGen('e'));
    s = at1(s, { type: 'silence.expire', silenceId: 'e1' }, CLOCK, DEADLINE, idGen('f'));
    expect(s.decisions.map((d) => [d.action, d.silence?.action, d.silence?.silenceId])).toEqual([
      ['silence', 'start', 'a1'],
      ['silence', 'break', 'a1'],
      ['silence', 'start', 'c1'],
      ['silence', 'lift', 'c1'],
      ['silence', 'start', 'e1'],
      ['silence', 'adopt', 'e1'],
    ]);
    expect(silencesOf(s).map((x) => x.state)).toEqual(['broken', 'lifted', 'adopted']);
  });
});

describe('the silence procedure on a Y.Doc', () => {
  it('[BR97] written to the room map (and paragraph statuses) in one transaction, the same through both paths', () => {
    const commands: [Command, Actor, number][] = [
      [{ type: 'silence.start', deadline: DEADLINE, paragraphIds: ['op3'] }, CHAIR, NOW],
      [{ type: 'propose', kind: 'delete', anchor: at(base, 'op3', 'Requests') }, EU, NOW],
      [{ type: 'silence.break', silenceId: 'c0i0', statement: 'We object' }, OBS, NOW],
      [{ type: 'silence.expire', silenceId: 'c0i0' }, CLOCK, DEADLINE],
      [{ type: 'silence.start', deadline: DEADLINE + HOUR }, CHAIR, DEADLINE],
      [{ type: 'propose', kind: 'newParagraph', after: 'op1', blockType: 'operative', text: 'Also' }, EU, DEADLINE],
      [{ type: 'silence.expire', silenceId: 'c4i0' }, CLOCK, DEADLINE + HOUR],
    ];
    const scoped = seed(base);
    const wholeDoc = seed(base);
    let transactions = 0;
    scoped.on('afterTransaction', (tr: Y.Transaction) => tr.origin === 'o' && transactions++);
    for (const [k, [c, a, now]] of commands.entries()) {
      let n = 0;
      transactions = 0;
      const x = applyCommandToYDoc(scoped, c, a, now, () => `c${k}i${n++}`, { origin: 'o' });
      let m = 0;
      const y = applyCommandToYDocWhole(wholeDoc, c, a, now, () => `c${k}i${m++}`);
      expect(x.ok ? x.result : x.error).toEqual(y.ok ? y.result : y.error);
      expect(transactions).toBe(x.ok ? 1 : 0);
    }
    expect(scoped.getMap('room').toJSON()).toEqual(wholeDoc.getMap('room').toJSON());
    const state = readBracketState(scoped);
    expect(state.decisions).toEqual(readBracketState(wholeDoc).decisions);
    expect(state.paragraphs).toEqual({ op3: { status: 'adopted' }, pp1: { status: 'adopted' }, op1: { status: 'adopted' }, op2: { status: 'adopted' } });
    expect(roomRecords(state).silences.map((s) => s.state)).toEqual(['adopted', 'adopted']);
  });

  it('[BR91] property: whatever the order of starts, breaks, lifts, expiries and proposals, no two open silences overlap, nothing changes a silenced paragraph, and only a silence adopts (seed 90)', () => {
    const ids = ['pp1', 'op1', 'op2', 'op3'];
    const actors = [CHAIR, EU, US, SEC, OBS];
    const step = fc.record({
      kind: fc.constantFrom('start', 'break', 'lift', 'expire', 'propose', 'status'),
      who: fc.nat(actors.length - 1),
      paras: fc.subarray(ids),
      dt: fc.nat(3 * HOUR),
      pick: fc.nat(5),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => {
        let s = S0;
        let now = NOW;
        let n = 0;
        for (const x of steps) {
          now += Math.floor(x.dt / 4);
          const silence = roomRecords(s).silences[x.pick % Math.max(1, roomRecords(s).silences.length)];
          const sid = silence?.id ?? 'none';
          const para = ids[x.pick % ids.length];
          const command: Command =
            x.kind === 'start'
              ? { type: 'silence.start', deadline: now + 1 + x.dt, ...(x.paras.length ? { paragraphIds: x.paras } : {}) }
              : x.kind === 'break'
                ? { type: 'silence.break', silenceId: sid, statement: 'We object' }
                : x.kind === 'lift'
                  ? { type: 'silence.lift', silenceId: sid }
                  : x.kind === 'expire'
                    ? { type: 'silence.expire', silenceId: sid }
                    : x.kind === 'propose'
                      ? { type: 'propose', kind: 'deleteParagraph', paragraphId: para }
                      : { type: 'setParagraphStatus', paragraphId: para, status: x.pick % 2 ? 'open' : 'informals' };
          const actor = actors[x.who];
          const r = applyCommand(s, command, actor, now, () => `n${n++}`);
          expect(checkCommand(s, command, actor, now).ok).toBe(r.ok);
          if ((command.type === 'propose' || command.type === 'setParagraphStatus') && silenceOver(s, para)) {
            // Refused: for the role, or (any role that may act) for the silence.
            expect(r.ok ? 'ok' : r.error.code).toBe(commandRoleAllowed(command.type, actor.role) ? 'paragraph_locked' : 'not_permitted');
          }
          if (!r.ok) continue;
          for (const [id, p] of Object.entries(r.paragraphs)) {
            if (p.status === 'adopted') expect(command.type === 'silence.expire' && (!silence?.paragraphIds || silence.paragraphIds.includes(id))).toBe(true);
          }
          s = next(s, r);
          const open = roomRecords(s).silences.filter((y) => y.state === 'open');
          const covered = open.flatMap((y) => y.paragraphIds ?? ids);
          expect(new Set(covered).size).toBe(covered.length);
        }
      }),
      { seed: 90, numRuns: 200 },
    );
  });
});
