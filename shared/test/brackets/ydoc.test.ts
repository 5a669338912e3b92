import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyCommandToYDoc, orphanedProposals, proposalComments, readBracketState, roomIndex, Y_DECISIONS } from '../../src/brackets/index.js';
import { Y_COMMENTS, Y_PROPOSALS } from '../../src/schema.js';
import { after, at, CHAIR, doc, EU, idGen, NOW, op, pp, US, del, seed } from './helpers.js';

const base = doc(pp('pp1', 'Recalling its resolution 74/247'), op('op1', 'Decides to establish an ad hoc committee'), op('op2', 'Requests support'));


describe('Yjs adapter', () => {
  it('[BR60] a command is written in one transaction, touching only the changed blocks; a failure writes nothing', () => {
    const ydoc = seed(base);
    const [el0, el1, el2] = ydoc.getXmlFragment('body').toArray() as Y.XmlElement[];
    let updates = 0;
    ydoc.on('update', () => updates++);
    const r = applyCommandToYDoc(ydoc, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, US, NOW, idGen('p'));
    expect(r.ok).toBe(true);
    expect(updates).toBe(1);
    const s = readBracketState(ydoc);
    expect(s.doc.child(1).toJSON()).toEqual(op('op1', 'Decides to establish an', del('p1', ' ad hoc'), ' committee').toJSON());
    expect(s.proposals.p1).toMatchObject({ kind: 'delete', status: 'open' });
    expect(ydoc.getXmlFragment('body').toArray()).toEqual([el0, el1, el2]);
    const sv = Y.encodeStateVector(ydoc);
    const bad = applyCommandToYDoc(ydoc, { type: 'accept', proposalId: 'p1' }, EU, NOW, idGen('d'));
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
    expect(Y.encodeStateVector(ydoc)).toEqual(sv);
    applyCommandToYDoc(ydoc, { type: 'propose', kind: 'newParagraph', after: 'op1', blockType: 'operative', text: 'Invites' }, EU, NOW, idGen('q'));
    applyCommandToYDoc(ydoc, { type: 'accept', proposalId: 'p1' }, CHAIR, NOW, idGen('d'));
    const s2 = readBracketState(ydoc);
    expect(s2.doc.childCount).toBe(4);
    expect(ydoc.getArray(Y_DECISIONS).length).toBe(1);
    expect(s2.decisions[0]).toMatchObject({ id: 'd1', action: 'accept' });
    const u = applyCommandToYDoc(ydoc, { type: 'undoDecision', decisionId: 'd1' }, CHAIR, NOW, idGen('u'));
    expect(u.ok).toBe(true);
    expect(readBracketState(ydoc).doc.child(1).toJSON()).toEqual(s.doc.child(1).toJSON());
  });

  it('[BR62] the secretariat editing anchored text: the proposal keeps what remains; when all is gone it is flagged', () => {
    const server = seed(base);
    applyCommandToYDoc(server, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, US, NOW, idGen('p'));
    applyCommandToYDoc(server, { type: 'propose', kind: 'insert', anchor: after(base, 'op2', 'support'), text: ' and funding' }, EU, NOW, idGen('q'));
    const sec = new Y.Doc();
    Y.applyUpdate(sec, Y.encodeStateAsUpdate(server));
    const text = (i: number) => (sec.getXmlFragment('body').get(i) as Y.XmlElement).get(0) as Y.XmlText;
    text(1).delete('Decides to establish an'.length, 4); // " ad " of " ad hoc"
    text(2).delete('Requests support'.length, ' and funding'.length);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(sec));
    const s = readBracketState(server);
    expect(s.doc.child(1).toJSON()).toEqual(op('op1', 'Decides to establish an', del('p1', 'hoc'), ' committee').toJSON());
    expect(orphanedProposals(s)).toEqual(['q1']);
    expect(s.proposals.q1.status).toBe('open');
    const acc = applyCommandToYDoc(server, { type: 'accept', proposalId: 'q1' }, CHAIR, NOW, idGen('d'));
    expect(acc).toMatchObject({ ok: false, error: { code: 'anchor_gone' } });
  });

  it('[BR15] a comment is one new entry of the Y.Map comments: the proposal record is not rewritten, the update is the size of the comment', () => {
    const ydoc = seed(base);
    applyCommandToYDoc(ydoc, { type: 'propose', kind: 'delete', anchor: at(base, 'op1', ' ad hoc') }, US, NOW, idGen('p'));
    const record = ydoc.getMap(Y_PROPOSALS).get('p1');
    const sizes: number[] = [];
    ydoc.on('update', (u: Uint8Array) => sizes.push(u.length));
    const text = 'x'.repeat(1990);
    const ids = idGen('c');
    for (let i = 0; i < 20; i++) expect(applyCommandToYDoc(ydoc, { type: 'comment', proposalId: 'p1', text: `${i} ${text}` }, EU, NOW + i, ids).ok).toBe(true);
    expect(ydoc.getMap(Y_PROPOSALS).get('p1')).toBe(record);
    expect(ydoc.getMap(Y_COMMENTS).size).toBe(20);
    expect(Math.max(...sizes)).toBeLessThan(2 * text.length);
    // The index's mirror and a fresh read agree.
    const fresh = readBracketState(ydoc);
    expect(proposalComments(roomIndex(ydoc), 'p1')).toEqual(proposalComments(fresh, 'p1'));
    expect(proposalComments(fresh, 'p1').map((c) => c.text.split(' ')[0])).toEqual([...Array(20).keys()].map(String));
  });
});
