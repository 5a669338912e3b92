import { describe, expect, it } from 'vitest';
import { documentToJSON, importPlainText, paragraphLabels, schema } from '../src/index.js';
import { readSeed, SEED_000, SEED_001 } from './helpers.js';

describe('documentToJSON', () => {
  it('describes seed 000: labels, brackets with ids and roles, counts, the ProseMirror JSON', () => {
    const { doc, meta } = importPlainText(readSeed(SEED_000));
    const json = documentToJSON(doc, meta);
    expect(json.meta).toBe(meta);
    expect(json.counts).toEqual({ pp: 4, op: 11, subParagraphs: 0, footnotes: 0, brackets: 3 });
    const title = json.blocks[10];
    expect(title).toMatchObject({ type: 'title', label: null, text: `[xx/xxx]. ${meta.title}` });
    expect(title.brackets).toEqual([{ id: expect.any(String), role: 'pending', text: 'xx/xxx' }]);
    const op2 = json.blocks.find((b) => b.label === '2' && b.type === 'operative');
    expect(op2).toMatchObject({ level: 0, brackets: [{ role: 'pending', text: '日期' }] });
    expect(json.blocks[12]).toMatchObject({ type: 'preambular', label: 'PP1' });
    expect(json.blocks[0]).toMatchObject({ type: 'note', style: 'heading', label: null });
    expect(schema.nodeFromJSON(json.prosemirror).eq(doc)).toBe(true);
  });

  it('describes seed 001 footnotes with markers and accepts precomputed labels', () => {
    const { doc, meta } = importPlainText(readSeed(SEED_001));
    const json = documentToJSON(doc, meta, paragraphLabels(doc));
    expect(json.counts).toEqual({ pp: 17, op: 6, subParagraphs: 0, footnotes: 5, brackets: 0 });
    const footnotes = json.blocks.filter((b) => b.type === 'footnote');
    expect(footnotes.map((f) => [f.marker, f.label])).toEqual([
      ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5'],
    ]);
    expect(json.blocks.find((b) => b.label === 'PP6')?.text).toContain('号决议，1 其中委员会');
  });
});
