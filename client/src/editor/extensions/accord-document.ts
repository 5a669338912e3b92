import { Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';

/** The top node: a flat list of blocks (shared `nodeSpecs.doc`). */
export const AccordDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: nodeSpecs.doc.content,
});
