import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema.js';
import { applyTextEdits, findParagraphReferences, itemEdits, rewriteReferences } from '../../src/references/index.js';
import { renumberAtRevision, versionLabels } from '../../src/revisions/index.js';
import { doc, fn, ins, op, opAdded, pp, struck, t } from '../brackets/helpers.js';

const sub = (id: string, text: string, added: string | null = null) => schema.node('operative', { id, level: 1, added }, [schema.text(text)]);
const texts = (d: ReturnType<typeof doc>) => {
  const out: Record<string, string> = {};
  d.forEach((b) => (out[b.attrs.id as string] = b.textContent));
  return out;
};

describe('references follow renumbering at a revision', () => {
  it('rewrites "paragraphs 2 and 3 above" when a new paragraph after OP1 becomes 2, and records it', () => {
    const d = doc(op('o1', 'One.'), opAdded('n', 'prop', 'New.'), op('o2', 'Two.'), op('o3', 'Three.'), op('o4', 'Acting under paragraphs 2 and 3 above;'));
    const r = renumberAtRevision(d);
    expect(texts(r.doc).o4).toBe('Acting under paragraphs 3 and 4 above;');
    expect(r.references).toEqual([{ paragraphId: 'o4', labelFrom: 'OP4', labelTo: 'OP5', from: 'paragraphs 2 and 3 above', to: 'paragraphs 3 and 4 above' }]);
    expect(r.flagged).toEqual([]);
    r.doc.check();
  });

  it('a reference to a bis paragraph gets its clean number; sub-paragraph letters follow, in Arabic letters too', () => {
    const d = doc(
      op('o1', 'One.'),
      sub('a', 'first'),
      sub('ab', 'first bis', 'x'),
      sub('b', 'second'),
      opAdded('o1b', 'p', 'One bis.'),
      op('o2', 'See paragraph 1 bis and paragraph 1 (b) above, paragraphe 1 b) ci-dessus and الفقرة ١ (ب) أعلاه.'),
    );
    const r = renumberAtRevision(d);
    expect(versionLabels(r.doc)).toMatchObject({ b: '1(c)', o1b: '2', o2: '3' });
    expect(texts(r.doc).o2).toBe('See paragraph 2 and paragraph 1 (c) above, paragraphe 1 c) ci-dessus and الفقرة ١ (ج) أعلاه.');
  });

  it('keeps the marks of the number it rewrites and never touches the text around it', () => {
    const d = doc(op('o1', 'One.'), opAdded('n', 'prop', 'New.'), op('o2', t('Under paragraph '), ins('pr', '1'), t(' above'), fn('1'), t(' and 第 1 段')));
    const r = renumberAtRevision(d);
    const block = r.doc.child(2);
    expect(block.textContent).toBe('Under paragraph 1 above and 第 1 段');
    const moved = doc(opAdded('n', 'prop', 'New.'), op('o1', 'One.'), op('o2', t('Under paragraph '), ins('pr', '1'), t(' above'), fn('1'), t(' and 上文第 1 段')));
    const m = renumberAtRevision(moved);
    const b = m.doc.child(2);
    expect(b.textContent).toBe('Under paragraph 2 above and 上文第 2 段');
    expect(b.child(1).text).toBe('2');
    expect(b.child(1).marks.map((x) => x.attrs.role)).toEqual(['insert']);
    expect(b.child(3).type.name).toBe('footnoteRef');
    m.doc.check();
  });

  it('flags a reference whose paragraph the revision deletes, and leaves it as written', () => {
    const d = doc(op('o1', 'One.'), op('o2', struck('d', 'Two.')), op('o3', 'Three.'), op('o4', 'As in paragraphs 2 and 3 above.'));
    const r = renumberAtRevision(d);
    expect(texts(r.doc).o4).toBe('As in paragraphs 2 and 3 above.');
    expect(r.references).toEqual([]);
    expect(r.flagged).toEqual([{ paragraphId: 'o4', label: 'OP4', text: 'paragraphs 2 and 3 above', reason: 'deleted', detail: 'OP2 is deleted by this revision' }]);
  });

  it('flags a number no paragraph has, a range over a new paragraph, and "above" naming a later paragraph', () => {
    const d = doc(
      op('o1', 'One, see paragraph 3 above.'),
      op('o2', 'Two.'),
      opAdded('n', 'prop', 'Two bis.'),
      op('o3', 'Paragraphs 1 to 3; paragraph 9 below.'),
    );
    const r = renumberAtRevision(d);
    expect(r.flagged.map((f) => [f.label, f.text, f.reason, f.detail])).toEqual([
      ['OP1', 'paragraph 3 above', 'ambiguous', 'it says above, but OP3 is not above OP1'],
      ['OP3', 'Paragraphs 1 to 3', 'ambiguous', 'the range OP1 to OP3 now includes OP2 bis, added since the last revision'],
      ['OP3', 'paragraph 9 below', 'missing', 'the text has no OP9'],
    ]);
    expect(texts(r.doc).o3).toBe('Paragraphs 1 to 3; paragraph 9 below.');
  });

  it('flags problems also when the revision renumbers nothing', () => {
    const d = doc(op('o1', 'One.'), op('o2', 'Under paragraph 7 above.'));
    const r = renumberAtRevision(d);
    expect(r.doc).toBe(d);
    expect(r.flagged).toMatchObject([{ paragraphId: 'o2', reason: 'missing' }]);
  });

  it('does not read references in a Chair’s note or in struck text', () => {
    const note = schema.node('note', { id: 'n0', style: 'body' }, [schema.text('paragraph 1 above')]);
    const d = doc(note, opAdded('n', 'p', 'New.'), op('o1', 'One.'), op('o2', struck('d', 'paragraph 1 above '), t('Two.')));
    const r = renumberAtRevision(d);
    expect(r.references).toEqual([]);
    expect(texts(r.doc)).toMatchObject({ n0: 'paragraph 1 above', o2: 'Two.' });
  });

  it('reads PP references against the preambular numbering', () => {
    const ppAdded = schema.node('preambular', { id: 'p0', added: 'x' }, [schema.text('Noting')]);
    const d = doc(ppAdded, pp('p1', 'Recalling'), op('o1', 'Mindful of preambular paragraph 1,'));
    expect(texts(renumberAtRevision(d).doc).o1).toBe('Mindful of preambular paragraph 2,');
  });
});

/* Property tests: text built from reference phrases and filler, on a text of n OPs. */
const phrase = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => `paragraph ${n} above`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([a, b]) => `paragraphs ${a} and ${b}`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 12 })).map(([a, b]) => `paragraphs ${a} to ${b}`),
  fc.integer({ min: 1, max: 12 }).map((n) => `上文第 ${n} 和第 ${n + 1} 段`),
  fc.integer({ min: 1, max: 12 }).map((n) => `第 ${n}(a) 段`),
  fc.integer({ min: 1, max: 12 }).map((n) => `paragraphe ${n} ci-dessus`),
  fc.integer({ min: 1, max: 12 }).map((n) => `párrafos ${n} y ${n + 1}`),
  fc.integer({ min: 1, max: 12 }).map((n) => `пункт ${n} выше`),
  fc.integer({ min: 1, max: 12 }).map((n) => `الفقرة ${n} أعلاه`),
);
const filler = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', '5', '第', '段', '(', ')', 'p', '/', '.', ',', 'و') , maxLength: 12 }),
  fc.constantFrom(' of resolution 74/247 ', ' 第 74/247 号决议', ' 2019 ', ' and ', '; '),
);
const paragraphText = fc.array(fc.oneof(phrase, filler), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

describe('rewriting references: properties (fast-check, fixed seed)', () => {
  it('with identity numbering changes nothing', () => {
    fc.assert(
      fc.property(fc.array(paragraphText, { minLength: 1, maxLength: 12 }), (bodies) => {
        const d = doc(...bodies.map((b, i) => op(`o${i}`, b)));
        const r = rewriteReferences(d, d, []);
        expect(r.doc).toBe(d);
        expect(r.references).toEqual([]);
        for (const ref of findParagraphReferences(bodies[0]))
          for (const item of ref.items) expect(itemEdits(bodies[0], item, item.key)).toEqual([]);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });

  it('never touches text outside the numbers and letters of a reference', () => {
    fc.assert(
      fc.property(fc.array(paragraphText, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 11 }), (bodies, at) => {
        // A new paragraph accepted somewhere: every later number moves by one.
        const blocks = bodies.map((b, i) => op(`o${i}`, b));
        blocks.splice(Math.min(at, blocks.length), 0, opAdded('new', 'prop', 'New.'));
        const before = doc(...blocks);
        const r = renumberAtRevision(before);
        r.doc.check();
        bodies.forEach((body, i) => {
          const after = texts(r.doc)[`o${i}`];
          // Blank out every reference's number and letter spans on both sides: the rest is identical.
          const mask = (s: string) => {
            const spans = findParagraphReferences(s).flatMap((ref) => ref.items.flatMap((it) => [it.number, it.sub, it.subsub].filter((x) => x !== undefined)));
            return applyTextEdits(s, spans.map((sp) => ({ ...sp, text: '#' })));
          };
          expect(mask(after)).toBe(mask(body));
        });
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
