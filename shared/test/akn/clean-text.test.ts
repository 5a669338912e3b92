import fc from 'fast-check';
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/akn/clean-text.js';
import { applyCommand, type BracketState, type Proposal, type ProposalKind } from '../../src/brackets/index.js';
import { schema } from '../../src/schema.js';
import { alt, CHAIR, del, doc, fn, idGen, ins, next, NOW, op, opAdded, pend, pp, res, struck, t } from '../brackets/helpers.js';
import { inlineView } from '../word/helpers.js';
import { actions, footnote, play } from './random-state.js';
const record = (id: string, kind: ProposalKind, extra: Partial<Proposal> = {}): Proposal => ({
  id, kind, paragraphId: 'op1', sponsors: [{ name: 'EU' }], supporters: [], opposers: [], status: 'open', createdAt: NOW, updatedAt: NOW, ...extra,
});
/** Each block as "type#id: inline view" (marks other than brackets shown; brackets must be gone). */
const view = (d: PMNode) => {
  const out: string[] = [];
  d.forEach((b) => out.push(`${b.type.name}#${String(b.attrs.id)}: ${inlineView(b)}`));
  return out;
};

describe('cleanText: the text without its open proposals', () => {
  it('leaves out inserted text, keeps text a deletion or reservation brackets and a pending bracket, all without brackets', () => {
    const d = doc(
      op('op1', 'Urges ', ins('i', 'all '), 'States to ', del('d', 'swiftly '), 'ratify ', res('r', 'the Convention'), ' by ', pend('p', 'date'), ';'),
      op('op2', 'Requests ', del('rep', 'a report'), ins('rep', 'an oral briefing'), ' ', t('annually', schema.marks.italic.create()), ';'),
    );
    const clean = cleanText(d, { i: record('i', 'insert'), d: record('d', 'delete'), r: record('r', 'reserve'), p: record('p', 'pending'), rep: record('rep', 'replace') });
    expect(view(clean)).toEqual(['operative#op1: Urges States to swiftly ratify the Convention by date;', 'operative#op2: Requests a report i{annually};']);
  });

  it('keeps the original text of alternatives (Alt 1) and leaves out the proposed ones', () => {
    const d = doc(op('op1', 'To ', alt('a1', 1, 'combat'), alt('a2', 2, 'change'), alt('a3', 3, 'promote'), ' crime;'));
    const proposals = { a1: record('a1', 'alternative', { existing: true, sponsors: [] }), a2: record('a2', 'alternative'), a3: record('a3', 'alternative') };
    expect(view(cleanText(d, proposals))).toEqual(['operative#op1: To combat crime;']);
    // An alternative with no record is proposed text.
    expect(view(cleanText(d, {}))).toEqual(['operative#op1: To  crime;']);
  });

  it('leaves out struck text, a proposed new paragraph still open (with what was typed into it), and a footnote whose only marker went with them', () => {
    const d = doc(
      pp('pp1', 'Recalling', fn('1'), ' its resolution', struck('dec1', ' and decision'), ','),
      opAdded('new', 'n', ins('n', 'Decides to act;'), ' typed by the secretariat', fn('2')),
      opAdded('accepted', 'm', 'Decides to report;'),
      op('op2', 'Invites States', ins('i', ' and others'), fn('4'), ';'),
      footnote('1', 'See A.'),
      footnote('2', 'See B.'),
      footnote('3', 'Cited nowhere.'),
      schema.node('footnote', { id: 'fn4', marker: '4' }, [t('See '), ins('j', 'also '), struck('dec1', 'the '), t('C.')]),
    );
    const clean = cleanText(d, { n: record('n', 'newParagraph'), i: record('i', 'insert'), j: record('j', 'insert'), m: record('m', 'newParagraph', { status: 'accepted' }) });
    expect(view(clean)).toEqual([
      'preambular#pp1: Recalling^1 its resolution,',
      // Accepted: the bracket is lifted, the block keeps `added` until the next revision.
      'operative#accepted: Decides to report;',
      'operative#op2: Invites States^4;',
      'footnote#fn1: See A.',
      // A footnote's own proposals and struck text are cleaned like a paragraph's.
      'footnote#fn4: See C.',
    ]);
  });

  it('gives an empty document one empty note', () => {
    const clean = cleanText(doc(opAdded('new', 'n', ins('n', 'Decides;'))), { n: record('n', 'newParagraph') });
    expect(clean.childCount).toBe(1);
    expect(clean.child(0).type.name).toBe('note');
    expect(clean.child(0).content.size).toBe(0);
  });
});

/* ---- the property: clean text = every open proposal decided through the real rules (BR20–BR26) */

/** The decisions that leave the room's original wording and add nothing, through applyCommand. */
function decideAll(state: BracketState): BracketState {
  let s: BracketState = { ...state, paragraphs: {} };
  const ids = idGen('z');
  for (let guard = 0; guard < 500; guard++) {
    const open = Object.values(s.proposals).filter((p) => p.status === 'open').sort((a, b) => a.id.localeCompare(b.id));
    if (!open.length) return s;
    const p = open[0];
    // Rejecting a reservation, a pending bracket or an original-text Alt 1 strikes original
    // wording (BR23, BR24); the clean text keeps it, as accepting it does. Everything else is rejected.
    const original = p.kind === 'reserve' || p.kind === 'pending' || (p.kind === 'alternative' && p.existing === true);
    let r = applyCommand(s, { type: original ? 'accept' : 'reject', proposalId: p.id }, CHAIR, NOW, ids);
    if (!r.ok && original) r = applyCommand(s, { type: 'reject', proposalId: p.id }, CHAIR, NOW, ids); // its text is gone (BR29)
    if (!r.ok) throw new Error(`${p.kind} ${p.id}: ${r.error.code} ${r.error.message}`);
    s = next(s, r);
  }
  throw new Error('proposals never all closed');
}

/** Struck text out, brackets off (pending brackets without a record stay open), empty proposed paragraphs and orphaned footnotes out. */
function withoutStruck(d: PMNode): string[] {
  const markers = new Set<string>();
  const strip = (b: PMNode) => {
    const inline: PMNode[] = [];
    b.forEach((c) => {
      if (c.marks.some((m) => m.type.name === 'struck')) return;
      if (c.type.name === 'footnoteRef' && b.type.name !== 'footnote') markers.add(String(c.attrs.marker));
      inline.push(c.mark(c.marks.filter((m) => m.type.name !== 'bracket')));
    });
    return inline;
  };
  const blocks: PMNode[] = [];
  d.forEach((b) => {
    if (b.type.name === 'footnote') return;
    const inline = strip(b);
    if (b.attrs.added && !inline.some((n) => !n.isText || n.text!.trim())) return;
    blocks.push(b.type.create(b.attrs, inline));
  });
  d.forEach((b) => b.type.name === 'footnote' && markers.has(String(b.attrs.marker)) && blocks.push(b.type.create(b.attrs, strip(b))));
  return view(doc(...blocks));
}

const openKinds = new Map<string, number>();

describe('cleanText property (fast-check, fixed seed)', () => {
  it('equals the text with every open proposal decided so as to add nothing and keep the original wording, struck text left out', () => {
    fc.assert(
      fc.property(actions, (acts) => {
        const s = play(acts);
        for (const p of Object.values(s.proposals)) if (p.status === 'open') openKinds.set(p.kind, (openKinds.get(p.kind) ?? 0) + 1);
        const clean = cleanText(s.doc, s.proposals);
        clean.check();
        expect(view(clean)).toEqual(withoutStruck(decideAll(s).doc));
      }),
      { seed: 424242, numRuns: 200 },
    );
    // The runs leave proposals of every kind open, for the property to be about something.
    for (const kind of ['insert', 'delete', 'replace', 'reserve', 'alternative', 'newParagraph', 'deleteParagraph']) expect(openKinds.get(kind) ?? 0, kind).toBeGreaterThan(20);
  });
});
