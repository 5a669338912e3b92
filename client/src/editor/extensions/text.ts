import { Node } from '@tiptap/core';
import { nodeSpecs } from '@accord/shared';

/** Plain text; the shared schema's `text` node. */
export const Text = Node.create({
  name: 'text',
  group: nodeSpecs.text.group,
});
