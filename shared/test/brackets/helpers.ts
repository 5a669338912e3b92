import { expect } from 'vitest';
import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { schema } from '../../src/schema.js';
import {
  applyCommand,
  blockText,
  checkCommand,
  commentsByProposal,
  findBlock,
  sortMarks,
  type Actor,
  type Anchor,
  type ApplyOk,
  type ApplyResult,
  type BracketState,
  type Command,
  type ErrorCode,
  type Group,
  type Sponsor,
} from '../../src/brackets/index.js';

/* Fixtures as builders: blocks of text runs, each run with its marks. */
type Part = string | PMNode;
const inline = (parts: Part[]) => parts.filter((p) => p !== '').map((p) => (typeof p === 'string' ? schema.text(p) : p));
export const doc = (...blocks: PMNode[]) => schema.node('doc', null, blocks);
export const op = (id: string, ...parts: Part[]) => schema.node('operative', { id }, inline(parts));
export const opAdded = (id: string, added: string, ...parts: Part[]) => schema.node('operative', { id, added }, inline(parts));
export const pp = (id: string, ...parts: Part[]) => schema.node('preambular', { id }, inline(parts));
export const t = (text: string, ...marks: Mark[]) => schema.text(text, sortMarks(marks));
export const br = (id: string, role: string, alt = 0) => schema.marks.bracket.create({ id, role, alt });
export const st = (decision: string, by = 'Chair') => schema.marks.struck.create({ by, decision });
export const ins = (id: string, text: string) => t(text, br(id, 'insert'));
export const del = (id: string, text: string) => t(text, br(id, 'delete'));
export const alt = (id: string, n: number, text: string) => t(text, br(id, 'alt', n));
export const res = (id: string, text: string) => t(text, br(id, 'reserve'));
export const pend = (id: string, text: string) => t(text, br(id, 'pending'));
export const struck = (decision: string, text: string) => t(text, st(decision));
export const fn = (marker: string) => schema.nodes.footnoteRef.create({ marker });

export const EU: Actor = { role: 'delegation', id: 'eu', delegation: 'EU' };
export const US: Actor = { role: 'delegation', id: 'us', delegation: 'US' };
export const SUDAN: Actor = { role: 'delegation', id: 'sudan', delegation: 'Sudan' };
export const NORWAY: Actor = { role: 'delegation', id: 'norway', delegation: 'Norway' };
export const CHAIR: Actor = { role: 'chair', id: 'chair', delegation: 'Chair' };
export const SEC: Actor = { role: 'secretariat', id: 'sec', delegation: 'Secretariat' };
export const OBS: Actor = { role: 'observer', id: 'press', delegation: 'Press' };

/** The chair assigned Sudan to the G77 and China (BR72); every state of stateOf() has it. */
export const G77: Group = { id: 'g77', name: 'G77 and China', members: ['sudan'] };
/** A sponsor record as the rules write it. */
export const as = (a: Actor): Sponsor => ({ id: a.id, name: a.delegation });
export const forG77 = (a: Actor): Sponsor => ({ id: 'g77', name: 'G77 and China', via: a.delegation, viaId: a.id });

export const NOW = 1_700_000_000_000;

export function idGen(prefix = 'n'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export function stateOf(d: PMNode, extra: Partial<BracketState> = {}): BracketState {
  return { doc: d, proposals: {}, paragraphs: {}, decisions: [], groups: { g77: G77 }, ...extra };
}

/** Anchor on the nth occurrence of `text` in the paragraph. */
export function at(d: PMNode, paragraphId: string, text: string, nth = 0): Anchor {
  const s = blockText(findBlock(d, paragraphId)!.node);
  let i = -1;
  for (let k = 0; k <= nth; k++) i = s.indexOf(text, i + 1);
  if (i < 0) throw new Error(`"${text}" not in ${paragraphId}`);
  return { paragraphId, from: i, to: i + text.length, text };
}

/** Anchor on the point just after `text`. */
export function after(d: PMNode, paragraphId: string, text: string): Anchor {
  const a = at(d, paragraphId, text);
  return { paragraphId, from: a.to, to: a.to, text: '', before: text };
}

export function next(state: BracketState, r: ApplyOk): BracketState {
  return {
    doc: r.doc,
    proposals: { ...state.proposals, ...r.proposals },
    paragraphs: { ...state.paragraphs, ...r.paragraphs },
    decisions: r.decision ? [...state.decisions, r.decision] : state.decisions,
    ...(state.groups ? { groups: state.groups } : {}),
    ...(state.comments || r.comments ? { comments: commentsByProposal([...Object.values(state.comments ?? {}).flat(), ...(r.comments ?? [])]) } : {}),
    ...(state.room || r.room ? { room: { ...state.room, ...r.room } } : {}),
  };
}

export function ok(r: ApplyResult): ApplyOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

export function run(state: BracketState, command: Command, actor: Actor, ids = idGen()): BracketState {
  return next(state, ok(applyCommand(state, command, actor, NOW, ids)));
}

export function expectError(state: BracketState, command: Command, actor: Actor, code: ErrorCode): void {
  const r = applyCommand(state, command, actor, NOW, idGen('e'));
  expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toMatch(new RegExp(`^${code}`));
  expect(checkCommand(state, command, actor, NOW)).toMatchObject({ ok: false, error: { code } });
}

/**
 * Like prosemirror-transform's testTransform: the result doc is exactly `expected` and valid, the
 * records survive a JSON round trip, the query twin agrees, and a decision undoes to exactly the
 * doc before (proposals re-opened, paragraph statuses restored).
 */
export function testCommand(state: BracketState, command: Command, actor: Actor, expected: PMNode | null, ids = idGen()): BracketState {
  expect(checkCommand(state, command, actor, NOW)).toEqual({ ok: true });
  const r = ok(applyCommand(state, command, actor, NOW, ids));
  if (expected) expect(r.doc.toJSON()).toEqual(expected.toJSON());
  r.doc.check();
  expect(JSON.parse(JSON.stringify(r.proposals))).toEqual(r.proposals);
  expect(JSON.parse(JSON.stringify(r.paragraphs))).toEqual(r.paragraphs);
  if (r.decision) expect(JSON.parse(JSON.stringify(r.decision))).toEqual(r.decision);
  if (r.room) expect(JSON.parse(JSON.stringify(r.room))).toEqual(r.room);
  const after = next(state, r);
  if (r.decision?.action === 'floor' || r.decision?.action === 'silence') {
    // The speakers' list and a silence procedure are on the record but not undone (BR86, BR95).
    const u = applyCommand(after, { type: 'undoDecision', decisionId: r.decision.id }, CHAIR, NOW + 1, idGen('u'));
    expect(u.ok ? 'ok' : u.error.code).toBe('invalid');
  } else if (r.decision) {
    const u = ok(applyCommand(after, { type: 'undoDecision', decisionId: r.decision.id }, CHAIR, NOW + 1, idGen('u')));
    expect(u.doc.toJSON()).toEqual(state.doc.toJSON());
    for (const [id, p] of Object.entries(u.proposals)) {
      expect(p.status).toBe(state.proposals[id].status);
      expect(p.kind).toBe(state.proposals[id].kind);
    }
    for (const [id, s] of Object.entries(u.paragraphs)) expect(s).toEqual(state.paragraphs[id] ?? { status: 'open' });
  }
  return after;
}

/** A Y.Doc whose body is `d`, as the server seeds it. */
export function seed(d: PMNode): Y.Doc {
  const ydoc = new Y.Doc();
  updateYFragment(ydoc, ydoc.getXmlFragment('body'), d, { mapping: new Map(), isOMark: new Map() });
  return ydoc;
}
