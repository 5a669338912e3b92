import type { Node as PMNode } from '@tiptap/pm/model';
import type { Proposal } from '../../src/brackets/types.js';
import type { WordChange, WordDocument, WordInline, WordParagraph } from '../../src/import/word/word-document.js';

/** A Word paragraph: an optional automatic label, then runs and footnote references. */
export const para = (label: string | undefined, ...inline: WordInline[]): WordParagraph => ({ kind: 'paragraph', ...(label ? { label } : {}), inline });
export const run = (text: string, extra: { italic?: boolean; change?: number } = {}) => ({ text, ...extra });
export const note = (n: number, change?: number) => (change === undefined ? { note: n } : { note: n, change });

/** A resolution's frame (title and chapeau) around `body`. */
export function wordDoc(body: WordDocument['blocks'], extra: { footnotes?: string[]; changes?: WordChange[]; warnings?: string[] } = {}): WordDocument {
  return {
    blocks: [para(undefined, run('Cooperation against cybercrime')), para(undefined, run('The General Assembly,')), ...body],
    footnotes: extra.footnotes ?? [],
    changes: extra.changes ?? [],
    warnings: extra.warnings ?? [],
  };
}

/**
 * A block's inline content as one readable string: plain text as is, marked text as
 * `i{…}` (italic), `insert:Canada{…}`, `delete:EU{…}`, `pending{…}` (marks joined with +),
 * footnote references as `^1`.
 */
export function inlineView(block: PMNode, proposals: Record<string, Proposal> = {}): string {
  let out = '';
  block.forEach((child) => {
    const tags = child.marks.map((m) => {
      if (m.type.name !== 'bracket') return m.type.name === 'italic' ? 'i' : m.type.name;
      const sponsor = proposals[String(m.attrs.id)]?.sponsors[0]?.name;
      return sponsor ? `${String(m.attrs.role)}:${sponsor}` : String(m.attrs.role);
    });
    const body = child.isText ? child.text! : `^${String(child.attrs.marker)}`;
    out += tags.length ? `${tags.join('+')}{${body}}` : body;
  });
  return out;
}

/** Every block as "type: inline view", footnotes with their marker. */
export function blockViews(doc: PMNode, proposals: Record<string, Proposal> = {}): string[] {
  const out: string[] = [];
  doc.forEach((b) => {
    const type = b.type.name === 'operative' && b.attrs.level ? `operative(${String(b.attrs.level)})` : b.type.name === 'footnote' ? `footnote ${String(b.attrs.marker)}` : b.type.name;
    out.push(`${type}: ${inlineView(b, proposals)}`);
  });
  return out;
}
