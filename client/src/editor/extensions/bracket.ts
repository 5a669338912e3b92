import { Mark, mergeAttributes } from '@tiptap/core';
import { markSpecs } from '@accord/shared';
import { specAttributes } from './spec-attributes';

export interface BracketOptions {
  /**
   * Extra HTML attributes on every bracket span.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

/**
 * A negotiation bracket around a span. The `[` `]` are drawn by CSS (::before/::after) so they
 * are visible without being text anyone could delete by accident; `data-role` colours them.
 */
export const Bracket = Mark.create<BracketOptions>({
  name: 'bracket',
  excludes: markSpecs.bracket.excludes,
  inclusive: markSpecs.bracket.inclusive,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return specAttributes(markSpecs.bracket.attrs);
  },

  parseHTML() {
    return [{ tag: 'span[data-type="bracket"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-type': 'bracket', class: 'bracket' }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },
});
