import { describe, expect, it } from 'vitest';
import { paragraphLabels, type TextMeta } from '../../src/index.js';
import type { DecisionEntry, Proposal } from '../../src/brackets/index.js';
import { compareVersions } from '../../src/diff/index.js';
import type { DirectEdit } from '../../src/edits.js';
import { changeAttributor, trackedLayout, type LayoutRun } from '../../src/un-layout/index.js';
import { as, doc, EU, ins, op, opAdded, t, US } from '../brackets/helpers.js';
import type { Node as PMNode } from '@tiptap/pm/model';

const T0 = Date.UTC(2026, 11, 1);
const T1 = Date.UTC(2026, 11, 2);
const proposal = (p: Partial<Proposal> & Pick<Proposal, 'id' | 'kind' | 'paragraphId'>): Proposal => ({ sponsors: [], supporters: [], opposers: [], status: 'open', createdAt: T0 + 1000, updatedAt: T0 + 1000, ...p });
const decision = (id: string, action: DecisionEntry['action'], proposalId: string, at: number, extra: Partial<DecisionEntry> = {}): DecisionEntry => ({ id, at, by: 'Chair', action, proposalId, before: [], after: [], proposals: [], paragraphs: [], ...extra });
const edit = (e: Partial<DirectEdit>): DirectEdit => ({ id: 'e1', at: T0 + 5000, updatedAt: T0 + 6000, byId: 'sec', by: 'Secretariat', role: 'secretariat', paragraphId: 'o1', before: '', after: '', ...e });
const labels = (d: PMNode) => new Map([...paragraphLabels(d)].map(([id, l]) => [id, l.label]));
const meta: TextMeta = { symbol: 'A/C.3/80/L.1', title: '', language: 'en', revisionLabel: 'Rev.2' };
const changed = (runs: LayoutRun[]) => runs.filter((r) => r.change).map((r) => `${r.change!.type}:${r.change!.author}:${r.text}`);

describe('who made a change (tracked changes)', () => {
  const proposals: Record<string, Proposal> = {
    acc: proposal({ id: 'acc', kind: 'replace', paragraphId: 'o1', sponsors: [as(EU)], text: 'earliest possible date', anchorText: 'earliest date', status: 'accepted' }),
    rej: proposal({ id: 'rej', kind: 'insert', paragraphId: 'o2', sponsors: [as(US)], text: 'swiftly ', status: 'rejected' }),
    open: proposal({ id: 'open', kind: 'insert', paragraphId: 'o2', sponsors: [{ id: 'g77', name: 'G77 and China', via: 'Sudan' }], text: 'all ' }),
    old: proposal({ id: 'old', kind: 'insert', paragraphId: 'o1', sponsors: [as(US)], text: 'date', status: 'accepted' }),
  };
  const decisions = [
    decision('d0', 'accept', 'old', T0 - 5000),
    decision('d1', 'accept', 'acc', T0 + 2000),
    decision('d2', 'reject', 'rej', T0 + 3000),
    decision('d3', 'accept', 'acc', T0 + 4000),
    decision('d4', 'undo', 'acc', T0 + 4500, { undoes: 'd3' }),
  ];
  const edits = [edit({ paragraphId: 'o3', before: 'hereby ', after: '' })];
  const who = changeAttributor({ proposals, decisions, edits }, { from: T0, to: T1 }, { author: 'Chair', date: '2026-12-02T00:00:00Z' });

  it('an accepted proposal’s wording is its sponsors’, dated by the decision', () => {
    expect(who('o1', { op: 'insert', text: 'possible ' })).toEqual({ author: 'EU', date: '2026-12-01T00:00:02Z' });
    expect(who('o1', { op: 'delete', text: 'earliest date' })).toEqual({ author: 'EU', date: '2026-12-01T00:00:02Z' });
  });

  it('text in an open proposal’s bracket is its sponsors’ (a group through its member), dated when proposed', () => {
    expect(who('o2', { op: 'insert', text: 'all ', marks: [{ type: 'bracket', attrs: { id: 'open', role: 'insert', alt: 0 } }] })).toEqual({ author: 'G77 and China (Sudan)', date: '2026-12-01T00:00:01Z' });
  });

  it('a rejected proposal’s text leaving is the chair’s deletion', () => {
    expect(who('o2', { op: 'delete', text: 'swiftly ', marks: [{ type: 'bracket', attrs: { id: 'rej', role: 'insert', alt: 0 } }] })).toEqual({ author: 'Chair', date: '2026-12-01T00:00:03Z' });
    expect(who('o2', { op: 'delete', text: 'swiftly ' }).author).toBe('Chair');
  });

  it('a writer’s direct edit is the writer’s; anything on no record is the fallback (the chair’s pen)', () => {
    expect(who('o3', { op: 'delete', text: 'hereby ' })).toEqual({ author: 'Secretariat', date: '2026-12-01T00:00:06Z' });
    expect(who('o9', { op: 'insert', text: 'typed' })).toEqual({ author: 'Chair', date: '2026-12-02T00:00:00Z' });
  });

  it('decisions outside the two versions’ window do not count', () => {
    const before = changeAttributor({ proposals, decisions, edits }, { from: T0 + 10_000, to: T1 }, { author: 'Chair', date: 'x' });
    expect(before('o1', { op: 'insert', text: 'possible ' }).author).toBe('Chair');
  });
});

describe('tracked layout of a comparison', () => {
  it('the later text with insertions and deletions as changes, a new paragraph inserted whole with its number, brackets kept', () => {
    const a = doc(op('o1', t('Invites States to sign at the earliest date;')), op('o2', t('Urges States to '), ins('p1', 'swiftly '), t('ratify;')));
    const b = doc(op('o1', t('Invites States to sign at the earliest possible date;')), op('o2', t('Urges States to ratify;')), opAdded('o3', 'n1', t('Decides to meet annually;')));
    const c = compareVersions({ label: 'Rev.1', doc: a, language: 'en' }, { label: 'Rev.2', doc: b, language: 'en' });
    const author = (paragraphId: string) => ({ author: paragraphId === 'o2' ? 'Chair' : 'EU', date: '2026-12-01T00:00:00Z' });
    const l = trackedLayout(c, { meta, at: T1, labelsA: labels(a), labelsB: labels(b), author });
    expect(l.masthead).toMatchObject({ symbol: 'A/C.3/80/L.1', revision: 'Rev.2' });
    expect(changed(l.paragraphs[0].runs)).toEqual(['ins:EU:possible ']);
    expect(changed(l.paragraphs[1].runs)).toEqual(['del:Chair:[swiftly ]']);
    expect(l.paragraphs[2]).toMatchObject({ number: '2 bis.', change: { type: 'ins', author: 'EU' } });
    expect(l.paragraphs[2].runs.map((r) => [r.text, r.italic ?? false])).toEqual([['Decides', true], [' to meet annually;', false]]);
    expect(l.paragraphs[0].runs.filter((r) => r.italic).map((r) => r.text)).toEqual(['Invites']);
  });
});
