import { describe, expect, it } from 'vitest';
import { schema, newId } from '../src/index.js';

describe('schema', () => {
  it('builds a document of PPs and OPs with overlapping bracket marks', () => {
    const a = schema.marks.bracket.create({ id: 'x', role: 'insert' });
    const b = schema.marks.bracket.create({ id: 'y', role: 'pending' });
    const text = schema.text('日期', [a, b]);
    expect(text.marks).toHaveLength(2);
    const doc = schema.node('doc', null, [schema.node('operative', { id: newId() }, [text])]);
    expect(() => doc.check()).not.toThrow();
  });
  it('gives distinct ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId()));
    expect(ids.size).toBe(1000);
  });
});
