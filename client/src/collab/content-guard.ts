import type { Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';

/**
 * y-tiptap deletes every Y element or text it cannot turn into a node of the local schema (it
 * assumes a concurrent edit went wrong). With an outdated client that would silently destroy text a
 * newer server wrote (ueberdosis/tiptap#5032). We look first: if the fragment holds a node or mark
 * this client does not know, the editor is not bound to the document at all and the user is told.
 */
export function findUnknownContent(fragment: Y.XmlFragment, schema: Schema): string | null {
  const visit = (type: Y.XmlElement | Y.XmlText | Y.XmlHook): string | null => {
    if (type instanceof Y.XmlText) {
      for (const op of type.toDelta() as Array<{ attributes?: Record<string, unknown> }>) {
        for (const name of Object.keys(op.attributes ?? {})) {
          // y-prosemirror stores overlapping marks of one type under `name--hash` keys.
          const markName = name.replace(/--[a-zA-Z0-9+/=]{8}$/, '');
          if (!schema.marks[markName] && markName !== 'ychange') return `unknown mark "${markName}"`;
        }
      }
      return null;
    }
    if (type instanceof Y.XmlElement) {
      const nodeType = schema.nodes[type.nodeName];
      if (!nodeType) return `unknown block "${type.nodeName}"`;
      for (const child of type.toArray()) {
        const problem = visit(child as Y.XmlElement | Y.XmlText);
        if (problem) return problem;
      }
    }
    return null;
  };
  for (const child of fragment.toArray()) {
    const problem = visit(child as Y.XmlElement | Y.XmlText);
    if (problem) return problem;
  }
  return null;
}
