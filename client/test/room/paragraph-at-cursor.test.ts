import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paragraphAtCursor } from '../../src/room/paragraph-at-cursor';

/** A body of two paragraphs, as the server stores it: elements with an `id`, text inside. */
function body(): { doc: Y.Doc; fragment: Y.XmlFragment; texts: Y.XmlText[] } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  const texts = ['op1', 'op3'].map((id) => {
    const el = new Y.XmlElement('operative');
    el.setAttribute('id', id);
    const text = new Y.XmlText();
    el.insert(0, [text]);
    fragment.push([el]);
    text.insert(0, `text of ${id}`);
    return text;
  });
  return { doc, fragment, texts };
}

describe('paragraphAtCursor (the room screen follows a caret)', () => {
  it('finds the paragraph a caret is in, and still after text was added before it', () => {
    const { doc, fragment, texts } = body();
    const caret = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(texts[1], 4)));
    expect(paragraphAtCursor(doc, fragment, caret)).toBe('op3');
    texts[0].insert(0, 'more ');
    expect(paragraphAtCursor(doc, fragment, caret)).toBe('op3');
    expect(paragraphAtCursor(doc, fragment, Y.createRelativePositionFromTypeIndex(texts[0], 0))).toBe('op1');
  });

  it('between blocks: the block at that index; nonsense: null', () => {
    const { doc, fragment } = body();
    expect(paragraphAtCursor(doc, fragment, Y.createRelativePositionFromTypeIndex(fragment, 1))).toBe('op3');
    expect(paragraphAtCursor(doc, fragment, null)).toBeNull();
    expect(paragraphAtCursor(doc, fragment, { type: 'nope' })).toBeNull();
  });
});
