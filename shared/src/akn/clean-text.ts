import type { Node as PMNode } from '@tiptap/pm/model';
import { schema } from '../schema.js';
import type { Proposal } from '../brackets/types.js';

/**
 * The clean text: the text as it stands if every open proposal were rejected — what the room has
 * agreed so far plus the original wording still under discussion. Text a proposal would add
 * (insertions, alternatives other than an original-text "Alt 1", proposed new paragraphs) is left
 * out; text a proposal would delete or reserve, and pending brackets (`[date]`), stay without
 * their brackets; struck text (removed by a decision) is left out. Accepted proposals are already
 * plain text in the document. A PP or OP left empty (a proposed new paragraph) is dropped, and so
 * is a footnote no remaining marker refers to.
 */
export function cleanText(doc: PMNode, proposals: Record<string, Proposal>): PMNode {
  const addsText = (id: string, role: string) =>
    role === 'insert' || (role === 'alt' && !proposals[id]?.existing);
  const blocks: PMNode[] = [];
  const markers = new Set<string>();
  doc.forEach((block) => {
    if (block.type.name === 'footnote') return;
    const inline: PMNode[] = [];
    block.forEach((child) => {
      if (child.marks.some((m) => m.type.name === 'struck')) return;
      if (child.marks.some((m) => m.type.name === 'bracket' && addsText(String(m.attrs.id), String(m.attrs.role)))) return;
      const marks = child.marks.filter((m) => m.type.name !== 'bracket');
      if (child.type.name === 'footnoteRef') markers.add(String(child.attrs.marker));
      inline.push(child.isText ? schema.text(child.text!, marks) : child.mark(marks));
    });
    const proposed = block.type.name === 'preambular' || block.type.name === 'operative';
    if (proposed && block.attrs.added && !inline.some((n) => !n.isText || n.text!.trim())) return;
    blocks.push(block.type.create(block.attrs, inline));
  });
  doc.forEach((block) => {
    if (block.type.name === 'footnote' && markers.has(String(block.attrs.marker))) blocks.push(block);
  });
  return schema.node('doc', null, blocks.length ? blocks : [schema.node('note', { id: 'empty', style: 'body' })]);
}
