import { schema } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findUnknownContent } from '../src/collab/content-guard';

function fragmentWith(build: (f: Y.XmlFragment) => void): Y.XmlFragment {
  const doc = new Y.Doc();
  const f = doc.getXmlFragment('body');
  build(f);
  return f;
}

describe('findUnknownContent', () => {
  it('accepts blocks and marks of the shared schema, including hashed overlapping marks', () => {
    const f = fragmentWith((f) => {
      const op = new Y.XmlElement('operative');
      const text = new Y.XmlText();
      op.insert(0, [text]);
      f.insert(0, [op]);
      text.insert(0, 'date', { bracket: { id: 'b1', role: 'pending', alt: 0 }, 'bracket--AbCd1234': { id: 'b2' } });
    });
    expect(findUnknownContent(f, schema)).toBeNull();
  });

  it('reports a block this client does not know instead of letting y-tiptap delete it', () => {
    const f = fragmentWith((f) => f.insert(0, [new Y.XmlElement('table')]));
    expect(findUnknownContent(f, schema)).toBe('unknown block "table"');
  });

  it('reports an unknown mark', () => {
    const f = fragmentWith((f) => {
      const pp = new Y.XmlElement('preambular');
      const text = new Y.XmlText();
      pp.insert(0, [text]);
      f.insert(0, [pp]);
      text.insert(0, 'x', { comment: { id: 'c' } });
    });
    expect(findUnknownContent(f, schema)).toBe('unknown mark "comment"');
  });
});
