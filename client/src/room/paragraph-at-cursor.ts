import * as Y from 'yjs';

/**
 * The paragraph (top-level block id) a presence caret is in, read from its Yjs relative position
 * alone: the room screen follows the chair without mapping through an editor of its own.
 * Null when the position cannot be resolved (the text there is gone, or not synced yet).
 */
export function paragraphAtCursor(doc: Y.Doc, body: Y.XmlFragment, relative: unknown): string | null {
  if (!relative || typeof relative !== 'object') return null;
  let abs: Y.AbsolutePosition | null;
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(relative), doc);
  } catch {
    return null;
  }
  if (!abs) return null;
  // Between blocks: the block at that index. Inside one: climb to the block right below the body.
  let type: Y.AbstractType<unknown> | null = abs.type;
  if (type === body) {
    const el = body.get(Math.min(abs.index, body.length - 1));
    return el instanceof Y.XmlElement ? idOf(el) : null;
  }
  while (type && type._item && type._item.parent !== body) type = type._item.parent as Y.AbstractType<unknown> | null;
  return type instanceof Y.XmlElement && type._item?.parent === body ? idOf(type) : null;
}

function idOf(el: Y.XmlElement): string | null {
  const id = el.getAttribute('id');
  return typeof id === 'string' ? id : null;
}
