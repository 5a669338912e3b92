import { i18next } from '../../src/i18n';
import { statusName } from '../../src/brackets/words';
import fc from 'fast-check';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { openingWords, paragraphLabels, schema } from '@accord/shared';
import { bracketCounts, LOCKED, type ParagraphState, type Proposal, type ProposalKind } from '@accord/shared/brackets/index';
import { bracketHomes } from '../../src/brackets/bracket-state';
import { inlineTag, tooltip, type BracketRecords } from '../../src/editor/extensions/bracket-annotations';
import { documentIndexKey, documentIndexPlugins, setBracketRecords, setTextLanguage, type DocumentIndex } from '../../src/editor/extensions/document-index';

// ---- The whole-document computation the index replaced (as it was before the index), the reference.

function referenceLabelDecorations(doc: PMNode): DecorationSet {
  const labels = paragraphLabels(doc);
  const decorations: Decoration[] = [];
  let firstFootnote = true;
  doc.forEach((node, pos) => {
    const attrs: Record<string, string> = {};
    const label = node.attrs.id ? labels.get(node.attrs.id as string) : undefined;
    if (label && node.type.name === 'preambular') attrs['data-label'] = label.short;
    if (label && node.type.name === 'operative') {
      const top = Number(node.attrs.level ?? 0) <= 0;
      attrs['data-label'] = top ? label.short : label.label;
      attrs['data-num'] = top ? `${label.label}.` : label.label;
    }
    if (node.type.name === 'footnote' && firstFootnote) {
      attrs.class = 'footnote--first';
      firstFootnote = false;
    }
    if (Object.keys(attrs).length > 0) decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
  });
  return DecorationSet.create(doc, decorations);
}

const noDom = () => null as unknown as HTMLElement;

function referenceAnnotations(doc: PMNode, records: BracketRecords): DecorationSet {
  const decorations: Decoration[] = [];
  const counts = bracketCounts({ doc, proposals: records.proposals }).byParagraph;
  doc.forEach((block, blockPos) => {
    const id = block.attrs.id as string | null;
    const status = (id && records.paragraphs[id]?.status) || 'open';
    const attrs: Record<string, string> = { class: `para-status-${status}` };
    if (id && counts[id]) attrs['data-brackets'] = String(counts[id]);
    if (status !== 'open') {
      const s = id ? records.paragraphs[id] : undefined;
      attrs['data-status'] = `${LOCKED.has(status) ? '🔒 ' : ''}${s ? statusName(s, i18next.t) : status}`;
    }
    decorations.push(Decoration.node(blockPos, blockPos + block.nodeSize, attrs));
    const ends = new Map<string, { pos: number; proposal: Proposal; role: string }>();
    block.forEach((child, offset) => {
      const pos = blockPos + 1 + offset;
      for (const m of child.marks) {
        if (m.type.name !== 'bracket') continue;
        const p = records.proposals[m.attrs.id as string];
        if (!p || p.status !== 'open') continue;
        const role = m.attrs.role as string;
        const prev = ends.get(p.id);
        if (role === 'alt' && !prev) {
          decorations.push(Decoration.widget(pos, noDom, { side: 1, key: `alt-${p.id}`, title: tooltip(p), text: `Alt ${p.alt ?? m.attrs.alt ?? 1}` }));
        }
        ends.set(p.id, { pos: pos + child.nodeSize, proposal: p, role });
      }
    });
    for (const { pos, proposal } of ends.values()) {
      const text = inlineTag(proposal);
      if (text) decorations.push(Decoration.widget(pos, noDom, { side: -1, key: `tag-${proposal.id}-${text}`, title: tooltip(proposal) }));
    }
  });
  return DecorationSet.create(doc, decorations);
}

/** Italic opening words computed afresh for every PP and top-level OP (UN Editorial Manual). */
function referenceOpenings(doc: PMNode, language: string): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((block, pos) => {
    const kind = block.type.name === 'preambular' ? 'PP' : block.type.name === 'operative' && Number(block.attrs.level) <= 0 ? 'OP' : null;
    if (!kind) return;
    // Text with a footnote marker as one character, so that offsets are positions.
    let text = '';
    block.forEach((child) => (text += child.isText ? child.text : '\uFFFC'));
    const r = openingWords(text, kind, language);
    if (r) decorations.push(Decoration.inline(pos + 1 + r.start, pos + 1 + r.end, { class: 'opening-words' }));
  });
  return DecorationSet.create(doc, decorations);
}

/** Decorations as comparable values: node decorations by range and attributes, widgets by position, key, side and hover text. */
function flat(set: DecorationSet): string[] {
  return set
    .find()
    .map((d) => {
      const type = (d as unknown as { type: { attrs?: Record<string, string> } }).type;
      if (d.from === d.to) {
        const spec = d.spec as { key: string; side: number; title: string };
        return JSON.stringify(['w', d.from, spec.key, spec.side, spec.title]);
      }
      return JSON.stringify(['n', d.from, d.to, type.attrs]);
    })
    .sort();
}

function expectWhole(index: DocumentIndex, doc: PMNode, records: BracketRecords, language = 'en') {
  const order = new Map<string, number>();
  doc.forEach((b, _o, i) => order.set(b.attrs.id as string, i));
  expect(index.blocks.map((b) => b.node)).toEqual(Array.from({ length: doc.childCount }, (_, i) => doc.child(i)));
  expect([...index.labels]).toEqual([...paragraphLabels(doc)]);
  expect(index.counts).toEqual(bracketCounts({ doc, proposals: records.proposals }));
  expect(new Map(index.homes)).toEqual(bracketHomes(doc));
  expect(index.order).toEqual(order);
  expect(flat(index.labelDecorations)).toEqual(flat(referenceLabelDecorations(doc)));
  expect(flat(index.annotations)).toEqual(flat(referenceAnnotations(doc, records)));
  expect(flat(index.openings)).toEqual(flat(referenceOpenings(doc, language)));
}

// ---- Random documents and transactions.

const BRACKETS = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'];
const ROLES = ['pending', 'insert', 'delete', 'alt'];
const KINDS: ProposalKind[] = ['insert', 'delete', 'replace', 'alternative', 'pending'];
const STATUSES: ParagraphState['status'][] = ['open', 'informals', 'adref', 'agreed', 'deleted'];
const BLOCK_TYPES = ['preambular', 'operative', 'operative', 'footnote', 'note', 'headingLine', 'title'];

const bracket = (id: string, role = 'insert', alt = 0) => schema.marks.bracket.create({ id, role, alt });
const text = (s: string, ...marks: ReturnType<typeof bracket>[]) => schema.text(s, marks);

function startDoc(): PMNode {
  return schema.node('doc', null, [
    schema.nodes.title.create({ id: 't' }, [text('Draft resolution')]),
    schema.nodes.preambular.create({ id: 'pp1' }, [text('Recalling '), text('its resolution', bracket('b0'))]),
    schema.nodes.preambular.create({ id: 'pp2', added: 'x' }, [text('Noting with concern')]),
    schema.nodes.operative.create({ id: 'op1' }, [text('Decides '), text('to act', bracket('b1', 'alt', 1)), text(' now', bracket('b2', 'alt', 2))]),
    schema.nodes.operative.create({ id: 'op1a', level: 1 }, [text('first '), text('point', bracket('b3', 'pending'))]),
    schema.nodes.operative.create({ id: 'op1ai', level: 2 }, [text('sub-point')]),
    schema.nodes.operative.create({ id: 'op2', altOf: 'op1' }, [text('Alternatively')]),
    schema.nodes.footnote.create({ id: 'fn1', marker: '1' }, [text('A note')]),
    schema.nodes.footnote.create({ id: 'fn2', marker: '2' }, [text('Another', bracket('b4', 'delete'))]),
    schema.nodes.operative.create({ id: 'op3' }, [text('Requests '), text('the report', bracket('b1', 'alt', 1))]),
  ]);
}

interface Rng {
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

function rng(seeds: number[]): Rng {
  let i = 0;
  const next = () => seeds[i++ % seeds.length] ?? 0;
  return { int: (n) => (n <= 0 ? 0 : next() % n), pick: (xs) => xs[next() % xs.length] };
}

function proposalFor(id: string, r: Rng): Proposal {
  const group = r.int(3) === 0 ? 'g1' : undefined;
  return {
    id,
    kind: r.pick(KINDS),
    paragraphId: r.pick(['pp1', 'op1', 'op3', 'gone']),
    sponsors: r.int(2) ? [{ name: r.pick(['EU', 'US', 'G77']) }] : [],
    supporters: r.int(3) === 0 ? [{ name: 'CH' }] : [],
    opposers: r.int(3) === 0 ? [{ name: 'RU' }] : [],
    explanation: r.int(4) === 0 ? `because ${r.int(5)}` : undefined,
    comments: [],
    status: r.pick(['open', 'open', 'open', 'accepted', 'withdrawn']),
    ...(group ? { group, alt: 1 + r.int(3) } : {}),
    createdAt: 1,
    updatedAt: 1,
  };
}

function randomRecords(prev: BracketRecords, r: Rng): BracketRecords {
  const proposals = { ...prev.proposals };
  const paragraphs = { ...prev.paragraphs };
  for (let k = 1 + r.int(3); k > 0; k--) {
    const id = r.pick([...BRACKETS, 'x9']);
    if (r.int(5) === 0) delete proposals[id];
    else proposals[id] = proposalFor(id, r);
  }
  if (r.int(2)) {
    const id = r.pick(['pp1', 'pp2', 'op1', 'op1a', 'op3', 'fn1', 'new1']);
    paragraphs[id] = { status: r.pick(STATUSES), ...(r.int(2) ? { pending: 'EU' } : {}) };
  }
  return { proposals, paragraphs };
}

/** A position inside a random textblock, and that block's start. */
function inBlock(doc: PMNode, r: Rng): { pos: number; start: number; end: number } {
  const i = r.int(doc.childCount);
  let start = 0;
  for (let k = 0; k < i; k++) start += doc.child(k).nodeSize;
  const end = start + doc.child(i).nodeSize - 1;
  return { pos: start + 1 + r.int(doc.child(i).content.size + 1), start: start + 1, end };
}

function blockBoundary(doc: PMNode, r: Rng): { pos: number; index: number } {
  const index = r.int(doc.childCount + 1);
  let pos = 0;
  for (let k = 0; k < index; k++) pos += doc.child(k).nodeSize;
  return { pos, index };
}

function randomBlock(r: Rng, n: number): PMNode {
  const type = r.pick(BLOCK_TYPES);
  const attrs: Record<string, unknown> = { id: r.int(4) === 0 ? r.pick(['pp1', 'op1', 'new1']) : `n${n}` };
  if (type === 'operative') attrs.level = r.int(3);
  if (type === 'operative' || type === 'preambular') {
    if (r.int(3) === 0) attrs.added = 'x';
    if (r.int(5) === 0) attrs.altOf = r.pick(['op1', 'pp1', 'op3']);
  }
  if (type === 'footnote') attrs.marker = String(1 + r.int(3));
  const content = r.int(2) ? [text(`new ${n}`, ...(r.int(2) ? [bracket(r.pick(BRACKETS), r.pick(ROLES))] : []))] : [];
  return schema.nodes[type].create(attrs, content);
}

/** One random step on `tr` (typing, deleting, splitting, joining, brackets, retyping, a y-sync style replace). */
function randomStep(tr: Transaction, r: Rng, n: number): void {
  const doc = tr.doc;
  switch (r.int(11)) {
    case 0:
    case 1: {
      const { pos } = inBlock(doc, r);
      const $pos = doc.resolve(pos);
      tr.insertText(r.pick(['a', 'xy', ' ', 'é']), pos);
      if (r.int(2) && $pos.marks().length === 0 && r.int(2)) tr.addMark(pos, pos + 1, bracket(r.pick(BRACKETS), r.pick(ROLES)));
      break;
    }
    case 2: {
      const a = inBlock(doc, r).pos;
      const b = r.int(3) === 0 ? inBlock(doc, r).pos : Math.min(a + 1 + r.int(4), doc.resolve(a).end());
      const [from, to] = a < b ? [a, b] : [b, a];
      if (from < to) tr.delete(from, to);
      break;
    }
    case 3: {
      const { pos } = inBlock(doc, r);
      // Split copies the block's attributes (the editor's split-block gives a fresh id; both happen).
      tr.split(pos, 1, r.int(2) ? [{ type: doc.resolve(pos).parent.type, attrs: { ...doc.resolve(pos).parent.attrs, id: `s${n}` } }] : undefined);
      break;
    }
    case 4: {
      const { pos, index } = blockBoundary(doc, r);
      if (index > 0 && index < doc.childCount) tr.join(pos);
      break;
    }
    case 5:
    case 6: {
      const { pos, end } = inBlock(doc, r);
      const to = Math.min(end, pos + 1 + r.int(6));
      if (pos < to) {
        if (r.int(3) === 0) tr.removeMark(pos, to, schema.marks.bracket);
        else tr.addMark(pos, to, bracket(r.pick(BRACKETS), r.pick(ROLES), r.int(3)));
      }
      break;
    }
    case 7: {
      const { pos, index } = blockBoundary(doc, r);
      if (index < doc.childCount) {
        const node = doc.child(index);
        const type = schema.nodes[r.pick(BLOCK_TYPES)];
        const attrs: Record<string, unknown> = { ...node.attrs };
        if (r.int(2)) attrs.added = node.attrs.added ? null : 'x';
        if (r.int(3) === 0) attrs.level = r.int(3);
        if (r.int(4) === 0) attrs.altOf = r.int(2) ? r.pick(['op1', 'pp1']) : null;
        if (r.int(4) === 0) attrs.marker = String(1 + r.int(3));
        tr.setNodeMarkup(pos, r.int(2) ? type : undefined, attrs);
      }
      break;
    }
    case 8: {
      const { pos } = blockBoundary(doc, r);
      tr.insert(pos, randomBlock(r, n));
      break;
    }
    case 9: {
      if (doc.childCount < 2) break;
      const { pos, index } = blockBoundary(doc, r);
      if (index < doc.childCount) tr.delete(pos, pos + doc.child(index).nodeSize);
      break;
    }
    default: {
      // What y-sync does with a remote change: one step replacing the whole document, the
      // unchanged paragraphs being the very same nodes.
      const i = r.int(doc.childCount);
      const blocks: PMNode[] = [];
      doc.forEach((b, _o, k) => {
        if (k !== i) blocks.push(b);
        else blocks.push(b.type.create(b.attrs, b.content.append(Fragment.from(text('!')))), ...(r.int(3) === 0 ? [randomBlock(r, n)] : []));
      });
      tr.replaceWith(0, doc.content.size, Fragment.from(blocks));
    }
  }
}

function initialState(records: BracketRecords, language = 'en'): EditorState {
  let state = EditorState.create({ doc: startDoc(), plugins: documentIndexPlugins() });
  state = state.apply(setTextLanguage(state, language));
  return state.apply(setBracketRecords(state, records));
}

const START_RECORDS: BracketRecords = {
  proposals: Object.fromEntries(BRACKETS.map((id, k) => [id, proposalFor(id, rng([k, 1, 2, 0, 1, 3, 2, 1]))])),
  paragraphs: { op1a: { status: 'agreed' } },
};

describe('document index (incremental labels, annotations, counts)', () => {
  it('equals the whole-document computation on load and after records arrive', () => {
    const state = initialState(START_RECORDS);
    expectWhole(documentIndexKey.getState(state)!, state.doc, START_RECORDS);
  });

  it('keeps labels and counts as the same objects while typing inside a paragraph', () => {
    let state = initialState(START_RECORDS);
    const before = documentIndexKey.getState(state)!;
    state = state.apply(state.tr.insertText('x', 3));
    const after = documentIndexKey.getState(state)!;
    expect(after.labels).toBe(before.labels);
    expect(after.counts).toBe(before.counts);
    expect(after.homes).toBe(before.homes);
    expect(after.blocks.filter((b, i) => b !== before.blocks[i])).toHaveLength(1);
    expectWhole(after, state.doc, START_RECORDS);
  });

  it('draws the italic opening words of PPs and OPs, and only the changed block is read again', () => {
    let state = initialState(START_RECORDS);
    const italics = (s: EditorState) => documentIndexKey.getState(s)!.openings.find().map((d) => s.doc.textBetween(d.from, d.to));
    expect(italics(state)).toEqual(['Recalling', 'Noting with concern', 'Decides', 'Requests']);
    const before = documentIndexKey.getState(state)!;
    // Typing inside "Noting with concern" (PP2) turns its opening into "Noting".
    const pp2 = 1 + state.doc.child(0).nodeSize + state.doc.child(1).nodeSize;
    state = state.apply(state.tr.insertText('X', pp2 + 'Noting with'.length + 1));
    const after = documentIndexKey.getState(state)!;
    expect(italics(state)).toEqual(['Recalling', 'Noting', 'Decides', 'Requests']);
    // Every other block keeps its summary (its opening words were not searched again) and the
    // decorations before the change are the very same objects.
    const changed = after.blocks.flatMap((b, i) => (b === before.blocks[i] ? [] : [i]));
    expect(changed).toEqual([2]);
    expect(after.blocks.filter((b, i) => b.opening !== before.blocks[i].opening).map((b) => b.id)).toEqual(['pp2']);
    expect(after.openings.find(0, pp2 - 1)).toEqual(before.openings.find(0, pp2 - 1));
    expectWhole(after, state.doc, START_RECORDS);
  });

  it('a language without italics (Chinese) draws none; switching languages reads every block', () => {
    let state = initialState(START_RECORDS, 'zh');
    expect(documentIndexKey.getState(state)!.openings.find()).toEqual([]);
    expectWhole(documentIndexKey.getState(state)!, state.doc, START_RECORDS, 'zh');
    state = state.apply(setTextLanguage(state, 'en'));
    expectWhole(documentIndexKey.getState(state)!, state.doc, START_RECORDS, 'en');
  });

  it('equals a from-scratch computation after every random transaction (seeded)', () => {
    const op = fc.record({
      records: fc.boolean(),
      steps: fc.integer({ min: 1, max: 3 }),
      seeds: fc.array(fc.nat({ max: 1_000 }), { minLength: 8, maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        let records = START_RECORDS;
        let state = initialState(records);
        ops.forEach((o, n) => {
          const r = rng(o.seeds);
          let tr = state.tr;
          if (o.records && r.int(2)) {
            records = randomRecords(records, r);
            tr = setBracketRecords(state, records);
          }
          for (let k = 0; k < o.steps; k++) {
            try {
              randomStep(tr, r, n * 10 + k);
            } catch (e) {
              // A random step the schema refuses (e.g. a join of unlike blocks): skip it.
              if (!(e instanceof RangeError) && !String(e).includes('Transform')) throw e;
            }
          }
          state = state.apply(tr);
          expectWhole(documentIndexKey.getState(state)!, state.doc, records);
        });
      }),
      { seed: 20_250_901, numRuns: 150 },
    );
  });
});
