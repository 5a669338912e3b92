import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import fc from 'fast-check';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { schema } from '../../src/schema.js';
import {
  applyCommandToYDoc, applyCommandToYDocWhole, currentBracketState, readBracketState, writeBody, type Actor, type ApplyResult, type Command,
} from '../../src/brackets/index.js';
import { CHAIR, doc, OBS, op, pp } from './helpers.js';
import { action as convergenceAction, base, DELEGATIONS, mulberry, proposeCommand, word, type Action } from './random-commands.js';

/** The convergence test's text and eight more paragraphs, so that most of it is outside a command's scope. */
const wide = doc(
  ...(base.content.content as PMNode[]),
  ...Array.from({ length: 8 }, (_, i) => (i % 3 ? op(`op${i + 4}`, `Further decides that paragraph ${i + 4} holds text`) : pp(`pp${i + 2}`, `Noting ${i + 2} things`))),
);

type More =
  | { a: 'other'; type: number; pick: number; who: number; text: string }
  | { a: 'peerMove'; para: number; x: number }
  | { a: 'peerBlock'; para: number; remove: boolean };

const action: fc.Arbitrary<Action | More> = fc.oneof(
  { arbitrary: convergenceAction, weight: 3 },
  { arbitrary: fc.record({ a: fc.constant('other' as const), type: fc.nat(9), pick: fc.nat(20), who: fc.nat(4), text: word }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('peerMove' as const), para: fc.nat(14), x: fc.nat(80) }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('peerBlock' as const), para: fc.nat(14), remove: fc.boolean() }), weight: 1 },
);

function snapshot(d: Y.Doc) {
  const s = readBracketState(d);
  return { body: s.doc.toJSON(), proposals: s.proposals, paragraphs: s.paragraphs, decisions: s.decisions };
}

/** What a command answered, without the doc (the scoped path's holds only its scope). */
function answer(r: ApplyResult) {
  if (!r.ok) return r;
  const { doc: _doc, ...rest } = r;
  return rest;
}

/** A secretariat edit on the peer's replica, through the same writer an editor binding uses. */
function edit(peer: Y.Doc, f: (d: PMNode, tr: Transform) => void): void {
  const d = readBracketState(peer).doc;
  const tr = new Transform(d);
  f(d, tr);
  if (tr.docChanged) writeBody(peer, peer.getXmlFragment('body'), d, tr.doc);
}

const posOf = (d: PMNode, i: number) => {
  let pos = 0;
  for (let k = 0; k < i; k++) pos += d.child(k).nodeSize;
  return pos;
};

function runScenario(actions: (Action | More)[], netSeed: number) {
  const whole = new Y.Doc();
  const scoped = new Y.Doc();
  const peer = new Y.Doc();
  whole.clientID = 1;
  scoped.clientID = 1;
  peer.clientID = 2;
  const init = new Y.Doc();
  init.clientID = 3;
  writeBody(init, init.getXmlFragment('body'), schema.node('doc', null, [schema.nodes.preambular.create({ id: 'x' })]), wide);
  for (const d of [whole, scoped, peer]) Y.applyUpdate(d, Y.encodeStateAsUpdate(init));
  // Peer edits reach both servers in the same (random) order; the servers' changes reach the peer.
  const rand = mulberry(netSeed);
  const toServers: Uint8Array[] = [];
  const toPeer: Uint8Array[] = [];
  peer.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && toServers.push(u));
  whole.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && toPeer.push(u));
  const deliver = (n: number) => {
    for (let i = 0; i < n && (toServers.length || toPeer.length); i++) {
      if (toServers.length && (rand() < 0.5 || !toPeer.length)) {
        const [u] = toServers.splice(Math.floor(rand() * toServers.length), 1);
        Y.applyUpdate(whole, u, 'net');
        Y.applyUpdate(scoped, u, 'net');
      } else {
        const [u] = toPeer.splice(Math.floor(rand() * toPeer.length), 1);
        Y.applyUpdate(peer, u, 'net');
      }
    }
  };
  let nw = 0;
  let ns = 0;
  let now = 1;
  const exec = (cmd: Command, actor: Actor) => {
    const a = applyCommandToYDocWhole(whole, cmd, actor, now, () => `i${++nw}`);
    // As the server runs it: inside the room's transaction.
    let b: ApplyResult | null = null;
    scoped.transact(() => (b = applyCommandToYDoc(scoped, cmd, actor, now, () => `i${++ns}`)));
    now++;
    expect(answer(b!)).toEqual(answer(a));
    expect(snapshot(scoped)).toEqual(snapshot(whole));
    // The index's cached text and records are what a fresh read gives.
    const cached = currentBracketState(scoped);
    expect({ body: cached.doc.toJSON(), proposals: cached.proposals, paragraphs: cached.paragraphs, decisions: cached.decisions }).toEqual(snapshot(scoped));
    return a;
  };
  for (const act of actions) {
    const state = readBracketState(whole);
    const open = Object.values(state.proposals).filter((p) => p.status === 'open').sort((x, y) => x.id.localeCompare(y.id));
    const all = Object.values(state.proposals).sort((x, y) => x.id.localeCompare(y.id));
    switch (act.a) {
      case 'propose': {
        exec(proposeCommand(act, readBracketState(peer).doc, true), DELEGATIONS[act.who]);
        break;
      }
      case 'decide':
      case 'decideThenUndo': {
        if (!open.length) break;
        const r = exec({ type: act.accept ? 'accept' : 'reject', proposalId: open[act.pick % open.length].id }, CHAIR);
        if (act.a === 'decideThenUndo' && r.ok) exec({ type: 'undoDecision', decisionId: r.decision!.id }, CHAIR);
        break;
      }
      case 'undo': {
        if (state.decisions.length) exec({ type: 'undoDecision', decisionId: state.decisions[act.pick % state.decisions.length].id }, CHAIR);
        break;
      }
      case 'status': {
        const id = state.doc.child(act.para % state.doc.childCount).attrs.id as string;
        exec({ type: 'setParagraphStatus', paragraphId: id, status: (['open', 'informals', 'adref', 'agreed', 'deleted'] as const)[act.status] }, CHAIR);
        break;
      }
      case 'other': {
        const p = all.length ? all[act.pick % all.length] : null;
        const id = p ? p.id : 'none';
        const sponsor = p?.sponsors[0] ? DELEGATIONS.find((d) => d.delegation === p.sponsors[0].name) : undefined;
        const who = act.who === 4 ? OBS : DELEGATIONS[act.who];
        const cmds: [Command, Actor][] = [
          [{ type: 'withdraw', proposalId: id }, sponsor ?? who],
          [{ type: 'editProposal', proposalId: id, text: act.text }, sponsor ?? who],
          [{ type: 'support', proposalId: id }, who],
          [{ type: 'oppose', proposalId: id }, who],
          [{ type: 'cosponsor', proposalId: id }, who],
          [{ type: 'comment', proposalId: id, text: act.text }, who],
          [{ type: 'propose', kind: 'alternative', alternativeTo: id, text: act.text }, who],
          [{ type: 'accept', proposalId: id }, who],
          [{ type: 'propose', kind: 'delete', anchor: { paragraphId: 'op1', from: 0, to: 7, text: 'Decides' } }, who],
          [{ type: 'undoDecision', decisionId: 'nope' }, CHAIR],
        ];
        exec(...cmds[act.type]);
        break;
      }
      case 'peerEdit':
        edit(peer, (d, tr) => {
          const i = act.para % d.childCount;
          const block = d.child(i);
          const pos = posOf(d, i) + 1;
          const from = act.x % (block.content.size + 1);
          const to = Math.min(block.content.size, from + act.y);
          if (act.text) tr.replaceWith(pos + from, pos + to, schema.text(act.text));
          else tr.delete(pos + from, pos + to);
        });
        break;
      case 'peerMove':
        // The tail of a paragraph (brackets and all) moves to the start of the next one.
        edit(peer, (d, tr) => {
          const i = act.para % d.childCount;
          if (i + 1 >= d.childCount) return;
          const block = d.child(i);
          const from = act.x % (block.content.size + 1);
          const moved = block.content.cut(from);
          if (!moved.size) return;
          const nextPos = posOf(d, i + 1) + 1;
          tr.insert(nextPos, moved);
          tr.delete(posOf(d, i) + 1 + from, posOf(d, i) + 1 + block.content.size);
        });
        // Often at once, so that commands meet proposals whose text spans two paragraphs.
        if (act.x % 2) deliver(toServers.length + toPeer.length);
        break;
      case 'peerBlock':
        edit(peer, (d, tr) => {
          const i = act.para % d.childCount;
          if (act.remove) {
            if (d.childCount > 1) tr.delete(posOf(d, i), posOf(d, i + 1));
          } else {
            tr.insert(posOf(d, i + 1), schema.nodes.operative.create({ id: `nb${act.para}-${now}` }, Fragment.from(schema.text('A new paragraph'))));
          }
        });
        break;
      case 'deliver':
        deliver(act.n);
        break;
    }
  }
  deliver(toServers.length + toPeer.length);
  expect(snapshot(scoped)).toEqual(snapshot(whole));
  expect(Y.encodeStateAsUpdate(scoped)).toEqual(Y.encodeStateAsUpdate(whole));
  expect(currentBracketState(scoped).doc.toJSON()).toEqual(readBracketState(scoped).doc.toJSON());
}

describe('paragraph-scoped commands', () => {
  it('[BR60] a command on its scope answers and writes exactly what the whole-document path does (seed 60, 100 runs; ACCORD_LONG=1: 1000)', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 10, maxLength: 50 }), fc.integer(), (actions, netSeed) => runScenario(actions, netSeed)),
      process.env.ACCORD_LONG ? { numRuns: 1000 } : { seed: 60, numRuns: 100 },
    );
  });

  it('[BR60] a refused role reads no text; a new proposal carries its offsets', () => {
    const ydoc = new Y.Doc();
    writeBody(ydoc, ydoc.getXmlFragment('body'), schema.node('doc', null, [schema.nodes.preambular.create({ id: 'x' })]), wide);
    const r = applyCommandToYDoc(ydoc, { type: 'accept', proposalId: 'ph' }, OBS, 1);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
    const p = applyCommandToYDoc(ydoc, { type: 'propose', kind: 'insert', anchor: { paragraphId: 'op1', from: 7, to: 7, text: '' }, text: ' also' }, DELEGATIONS[0], 1, () => 'q1');
    expect(p.ok && p.result.offsets).toEqual({ paragraphId: 'op1', from: 7, to: 12 });
    expect(p.ok && p.doc.childCount).toBeLessThan(wide.childCount);
  });
});
