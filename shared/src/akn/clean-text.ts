import type { Node as PMNode } from '@tiptap/pm/model';
import { schema } from '../schema.js';
import type { Proposal } from '../brackets/types.js';

/**
 * The clean text: the text as it stands if every open proposal were rejected — what the room has
 * agreed so far plus the original wording still under discussion. Text a proposal would add
 * (insertions, alternatives other than an original-text "Alt 1") is left out, and so is a
 * paragraph an open proposal would add (rejecting it removes the block, BR25, whatever was typed
 * into it); text a proposal would delete or reserve, and pending brackets (`[date]`), stay
 * without their brackets; struck text (removed by a decision) is left out. Footnotes are cleaned
 * the same way. Accepted proposals are already plain text in the document. A proposed PP or OP
 * left empty is dropped, and so is a footnote no remaining marker refers to.
 */
export function cleanText(doc: PMNode, proposals: Record<string, Proposal>): PMNode {
  const addsText = (id: string, role: string) =>
    role === 'insert' || (role === 'alt' && !proposals[id]?.existing);
  const markers = new Set<string>();
  const clean = (block: PMNode): PMNode => {
    const inline: PMNode[] = [];
    block.forEach((child) => {
      if (child.marks.some((m) => m.type.name === 'struck')) return;
      if (child.marks.some((m) => m.type.name === 'bracket' && addsText(String(m.attrs.id), String(m.attrs.role)))) return;
      const marks = child.marks.filter((m) => m.type.name !== 'bracket');
      if (child.type.name === 'footnoteRef' && block.type.name !== 'footnote') markers.add(String(child.attrs.marker));
      inline.push(child.isText ? schema.text(child.text!, marks) : child.mark(marks));
    });
    return block.type.create(block.attrs, inline);
  };
  const blocks: PMNode[] = [];
  doc.forEach((block) => {
    if (block.type.name === 'footnote') return;
    const added = block.attrs.added ? proposals[String(block.attrs.added)] : undefined;
    if (added?.status === 'open' && added.kind === 'newParagraph') return;
    const cleaned = clean(block);
    const proposed = block.type.name === 'preambular' || block.type.name === 'operative';
    if (proposed && block.attrs.added && !(cleaned.content.content as PMNode[]).some((n) => !n.isText || n.text!.trim())) return;
    blocks.push(cleaned);
  });
  doc.forEach((block) => {
    if (block.type.name === 'footnote' && markers.has(String(block.attrs.marker))) blocks.push(clean(block));
  });
  return schema.node('doc', null, blocks.length ? blocks : [schema.node('note', { id: 'empty', style: 'body' })]);
}
