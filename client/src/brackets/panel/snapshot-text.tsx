import type { Node as PMNode } from '@tiptap/pm/model';
import type { ReactNode } from 'react';

/** Bracket roles whose text would go if the bracket were accepted, and those whose text it adds. */
const REMOVES = new Set(['delete']);
const ADDS = new Set(['insert', 'alt']);

/**
 * A paragraph as it read at a decision, compilation-style: each bracket in [ ], the text a
 * proposal removes struck and the text it adds underlined, so "before" shows what was on the
 * table (plain text would run the old and new words of a replacement together). Text already
 * struck by an earlier decision is left out, as in print.
 */
export function SnapshotText({ node }: { node: PMNode }) {
  const out: ReactNode[] = [];
  let open: string[] = [];
  node.forEach((child, _offset, i) => {
    if (child.marks.some((m) => m.type.name === 'struck')) return;
    const brackets = child.marks.filter((m) => m.type.name === 'bracket');
    const ids = brackets.map((m) => m.attrs.id as string);
    // Close brackets that end here (innermost first), then open the ones that start.
    while (open.length && !ids.includes(open[open.length - 1])) {
      out.push(']');
      open = open.slice(0, -1);
    }
    for (const id of ids) {
      if (!open.includes(id)) {
        out.push('[');
        open = [...open, id];
      }
    }
    const text = child.isText ? child.text! : String(child.attrs.marker ?? '');
    const roles = brackets.map((m) => m.attrs.role as string);
    if (roles.some((r) => REMOVES.has(r))) out.push(<s key={i}>{text}</s>);
    else if (roles.some((r) => ADDS.has(r))) out.push(<u key={i}>{text}</u>);
    else out.push(text);
  });
  out.push(']'.repeat(open.length));
  return <>{out}</>;
}
