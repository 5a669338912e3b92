import * as Y from 'yjs';

/** What y-tiptap's binding maps: each Yjs element to the ProseMirror node it shows. */
type Mapping = Map<unknown, unknown>;

const lastFound = new WeakMap<Y.XmlFragment, Y.XmlElement>();

/**
 * The Yjs element of the text's top-level block `index`, if the binding maps it to `node` (the
 * block this editor state shows there), else null. A Y.XmlFragment keeps no search markers:
 * get(index) walks every block before it, and the carets ask several times per keystroke. The
 * block found last (the one being typed in) is kept while the mapping still says it shows `node`.
 * (patches/@tiptap__y-tiptap@3.0.9.patch does the same for y-sync's own selection.)
 */
export function yBlockShowing(fragment: Y.XmlFragment, mapping: Mapping, index: number, node: unknown): Y.XmlElement | null {
  const last = lastFound.get(fragment);
  if (last && last._item && !last._item.deleted && last.parent === fragment && mapping.get(last) === node) return last;
  const block = fragment.get(index);
  if (!(block instanceof Y.XmlElement) || mapping.get(block) !== node) return null;
  lastFound.set(fragment, block);
  return block;
}
