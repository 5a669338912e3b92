import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { schema } from '@accord/shared';
import { LONG_TEXT_BLOCKS, longTextPlugin } from '../../src/editor/extensions/long-text';

function stateOf(blocks: number): EditorState {
  const doc = schema.node('doc', null, Array.from({ length: blocks }, (_, i) => schema.node('operative', { id: `p${i}` }, schema.text(`Paragraph ${i}`))));
  return EditorState.create({ doc, plugins: [longTextPlugin()] });
}

describe('long text marking', () => {
  const attributes = (state: EditorState) => {
    const plugin = state.plugins[0];
    const f = plugin.props.attributes as (s: EditorState) => Record<string, string>;
    return f(state);
  };

  it('leaves ordinary texts with real block heights', () => {
    expect(attributes(stateOf(LONG_TEXT_BLOCKS - 1))).toEqual({});
  });

  it('marks a treaty-length text so off-screen blocks are skipped', () => {
    expect(attributes(stateOf(LONG_TEXT_BLOCKS))).toEqual({ 'data-long': 'true' });
  });
});
