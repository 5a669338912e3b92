import fc from 'fast-check';
import type { Node as PMNode } from '@tiptap/pm/model';
import { blockText, type Actor, type Command } from '../../src/brackets/index.js';
import { doc, op, pend, pp } from './helpers.js';

/** The random commands of the convergence test (BR61), shared with the scoped-command equivalence test (BR60). */
export const base = doc(
  pp('pp1', 'Recalling its resolution 74/247 of 27 December 2019'),
  op('op1', 'Decides to establish an open-ended ad hoc intergovernmental committee'),
  op('op2', 'Requests the Secretary-General to provide support by ', pend('ph', '日期')),
  op('op3', '打击为犯罪目的使用信息和通信技术行为'),
);

export const DELEGATIONS: Actor[] = ['EU', 'US', 'China', 'Brazil'].map((delegation) => ({ role: 'delegation', id: delegation.toLowerCase(), delegation }));
export const KINDS = ['insert', 'delete', 'replace', 'reserve', 'alternative', 'newParagraph', 'deleteParagraph'] as const;

export type Action =
  | { a: 'propose'; who: number; kind: number; para: number; x: number; y: number; text: string }
  | { a: 'decide'; pick: number; accept: boolean }
  | { a: 'decideThenUndo'; pick: number; accept: boolean }
  | { a: 'undo'; pick: number }
  | { a: 'status'; para: number; status: number }
  | { a: 'peerEdit'; para: number; x: number; y: number; text: string }
  | { a: 'deliver'; n: number };

export const word = fc.constantFrom('alpha', ' beta', '和平', 'x', ' gamma delta');
export const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ a: fc.constant('propose' as const), who: fc.nat(3), kind: fc.nat(KINDS.length - 1), para: fc.nat(9), x: fc.nat(80), y: fc.nat(80), text: word }),
  fc.record({ a: fc.constant('decide' as const), pick: fc.nat(20), accept: fc.boolean() }),
  fc.record({ a: fc.constant('decideThenUndo' as const), pick: fc.nat(20), accept: fc.boolean() }),
  fc.record({ a: fc.constant('undo' as const), pick: fc.nat(20) }),
  fc.record({ a: fc.constant('status' as const), para: fc.nat(9), status: fc.nat(4) }),
  fc.record({ a: fc.constant('peerEdit' as const), para: fc.nat(9), x: fc.nat(80), y: fc.nat(6), text: fc.constantFrom('', 'Z', ' new words', '新') }),
  fc.record({ a: fc.constant('deliver' as const), n: fc.nat(5) }),
);

/** A seeded PRNG (mulberry32). */
export function mulberry(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/**
 * The command a random `propose` action makes, anchored on `view` (a delegation's possibly stale
 * copy of the text). `alternativeParagraphs`: a new paragraph is sometimes an alternative ("5 alt").
 */
export function proposeCommand(act: Extract<Action, { a: 'propose' }>, view: PMNode, alternativeParagraphs = false): Command {
  const block = view.child(act.para % view.childCount);
  const text = blockText(block);
  const from = Math.min(act.x, act.y) % (text.length + 1);
  const to = Math.min(text.length, from + (Math.abs(act.x - act.y) % 12));
  const kind = KINDS[act.kind];
  const anchor = { paragraphId: block.attrs.id as string, from, to, text: text.slice(from, to) };
  const cmd =
    kind === 'newParagraph' ? { type: 'propose', kind, after: anchor.paragraphId, blockType: 'operative', text: act.text, ...(alternativeParagraphs ? { alternative: act.x % 3 === 0 } : {}) }
    : kind === 'deleteParagraph' ? { type: 'propose', kind, paragraphId: anchor.paragraphId }
    : kind === 'insert' ? { type: 'propose', kind, anchor: { ...anchor, to: from, text: '' }, text: act.text }
    : { type: 'propose', kind, anchor, text: act.text };
  return cmd as Command;
}
