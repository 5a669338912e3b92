import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema.js';
import { compareVersions } from '../../src/diff/index.js';
import { buildVersionSnapshot, renumberAtRevision, versionLabels } from '../../src/revisions/index.js';
import { doc, fn, ins, op, opAdded, pp, struck, t } from '../brackets/helpers.js';

const sub = (id: string, text: string, added: string | null = null) => schema.node('operative', { id, level: 1, added }, [schema.text(text)]);
const ppAdded = (id: string, text: string) => schema.node('preambular', { id, added: 'x' }, [schema.text(text)]);

describe('renumberAtRevision', () => {
  it('gives bis/ter paragraphs clean numbers and records old → new labels', () => {
    const d = doc(op('o1', 'One.'), op('o5', 'Five.'), opAdded('o5b', 'prop1', 'Five bis.'), opAdded('o5t', 'prop2', 'Five ter.'), op('o6', 'Six.'));
    expect(versionLabels(d)).toMatchObject({ o5: '2', o5b: '2 bis', o5t: '2 ter', o6: '3' });
    const r = renumberAtRevision(d);
    expect(versionLabels(r.doc)).toEqual({ o1: '1', o5: '2', o5b: '3', o5t: '4', o6: '5' });
    expect(r.renumbering).toEqual([
      { paragraphId: 'o5b', from: '2 bis', to: '3' },
      { paragraphId: 'o5t', from: '2 ter', to: '4' },
      { paragraphId: 'o6', from: '3', to: '5' },
    ]);
    r.doc.forEach((b) => expect(b.attrs.added).toBeNull());
    expect(r.removed).toEqual([]);
    r.doc.check();
  });

  it('renumbers PPs and sub-paragraphs with their OP', () => {
    const d = doc(pp('p1', 'Recalling'), ppAdded('p1b', 'Noting'), pp('p2', 'Convinced'), op('o1', 'Decides'), sub('a', 'first'), sub('ab', 'second', 'x'), sub('b', 'third'));
    const r = renumberAtRevision(d);
    expect(r.renumbering).toEqual([
      { paragraphId: 'p1b', from: 'PP1 bis', to: 'PP2' },
      { paragraphId: 'p2', from: 'PP2', to: 'PP3' },
      { paragraphId: 'ab', from: '1(a) bis', to: '1(b)' },
      { paragraphId: 'b', from: '1(b)', to: '1(c)' },
    ]);
  });

  it('drops struck text and keeps the rest, marks included, joined', () => {
    const d = doc(op('o1', t('The '), struck('d1', 'old '), ins('pr', 'new'), t(' text'), fn('1')));
    const r = renumberAtRevision(d);
    const block = r.doc.firstChild!;
    expect(block.textContent).toBe('The new text');
    expect(block.lastChild!.type.name).toBe('footnoteRef');
    expect(block.childCount).toBe(4);
    r.doc.check();
    expect(r.renumbering).toEqual([]);
  });

  it('drops paragraphs whose whole text was struck or whose status is deleted, and renumbers after them', () => {
    const d = doc(op('o1', 'One.'), op('o2', struck('d1', 'Two.')), op('o3', 'Three.'), op('o4', 'Four.'));
    const r = renumberAtRevision(d, (id) => (id === 'o3' ? 'deleted' : undefined));
    expect(r.removed).toEqual(['o2', 'o3']);
    expect(versionLabels(r.doc)).toEqual({ o1: '1', o4: '2' });
    expect(r.renumbering).toEqual([{ paragraphId: 'o4', from: '4', to: '2' }]);
  });

  it('keeps empty paragraphs that never had text, and returns the same doc when nothing changes', () => {
    const d = doc(op('o1', 'One.'), schema.node('operative', { id: 'o2' }));
    const r = renumberAtRevision(d);
    expect(r.doc).toBe(d);
    expect(r).toEqual({ doc: d, renumbering: [], removed: [], references: [], flagged: [] });
  });

  it('keeps one emptied block when every paragraph was struck (a doc needs a block)', () => {
    const d = doc(opAdded('o1', 'x', struck('d', 'Gone.')), op('o2', struck('d', 'Gone too.')));
    const r = renumberAtRevision(d);
    expect(r.doc.childCount).toBe(1);
    expect(r.doc.firstChild!.attrs).toMatchObject({ id: 'o1', added: null });
    expect(r.removed).toEqual(['o2']);
    r.doc.check();
  });

  it('does not touch its input', () => {
    const d = doc(op('o1', 'One.'), opAdded('o1b', 'p', 'bis'), op('o2', struck('d', 'x'), t('y')));
    const json = JSON.stringify(d.toJSON());
    renumberAtRevision(d);
    expect(JSON.stringify(d.toJSON())).toBe(json);
  });
});

describe('buildVersionSnapshot + compare', () => {
  it('a comparison with the issued revision shows "5 bis → 6" and the paragraph as renumbered in the concordance', () => {
    const ops = ['1', '2', '3', '4', '5'].map((n) => op(`o${n}`, `Para ${n}.`));
    const live = doc(...ops, opAdded('new', 'prop1', ins('prop1', 'New paragraph.')), op('o6', 'Para 6.'));
    const proposals = { prop1: { id: 'prop1', kind: 'newParagraph', sponsors: [{ name: 'EU' }], status: 'accepted', paragraphId: 'new' } };
    const before = buildVersionSnapshot({ label: 'Live text', doc: live, proposals, paragraphs: {}, language: 'en' });
    const r = renumberAtRevision(live);
    const rev = buildVersionSnapshot({ label: 'Rev.2', doc: r.doc, proposals, paragraphs: {}, language: 'en', renumbering: r.renumbering });
    expect(rev.renumbering).toEqual([
      { paragraphId: 'new', from: '5 bis', to: '6' },
      { paragraphId: 'o6', from: '6', to: '7' },
    ]);
    const cmp = compareVersions(before, JSON.parse(JSON.stringify(rev)));
    const p = cmp.paragraphs.find((x) => x.id === 'new')!;
    expect([p.labelFrom, p.labelTo]).toEqual(['OP5 bis', 'OP6']);
    expect(cmp.concordance).toContainEqual(expect.objectContaining({ from: ['OP5 bis'], to: 'OP6', note: 'renumbered' }));
  });

  it('copies records, so later changes to the live state do not alter a frozen version', () => {
    const proposals = { a: { id: 'a', status: 'open', sponsors: [{ name: 'US' }] } };
    const snap = buildVersionSnapshot({ label: 'Rev.1', doc: doc(op('o1', 'x')), proposals, paragraphs: { o1: { status: 'open' } }, language: 'zh' });
    proposals.a.status = 'accepted';
    expect(snap.proposals!.a.status).toBe('open');
    expect(snap).toMatchObject({ label: 'Rev.1', language: 'zh', labels: { o1: '1' } });
    expect(snap.renumbering).toBeUndefined();
  });
});
