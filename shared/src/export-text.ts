import type { Node as PMNode } from '@tiptap/pm/model';
import { paragraphLabels } from './numbering.js';
import { renderInline } from './render-inline.js';

/** The rule printed above footnotes; importPlainText recognises it. */
export const FOOTNOTE_RULE = '__________';

/**
 * The text as UN-style plain text, one paragraph per block separated by blank lines: heading
 * lines, title, notes and PPs as they are; OPs as "1. …", "5 bis. …", sub-paragraphs as
 * "(a) …", "(ii) …"; brackets written with [ ], struck text omitted, footnote markers inline;
 * footnotes at the end after a rule, as "1 …". Chinese is copied as is, never re-spaced.
 * importPlainText(exportPlainText(doc)) gives the same structure back.
 */
export function exportPlainText(doc: PMNode): string {
  const labels = paragraphLabels(doc);
  const body: string[] = [];
  const notes: string[] = [];
  doc.forEach((block) => {
    const text = renderInline(block);
    const label = labels.get(block.attrs.id as string)?.label;
    switch (block.type.name) {
      case 'operative':
        if (Number(block.attrs.level ?? 0) === 0) body.push(`${label ?? ''}. ${text}`.trimEnd());
        else body.push(`${label ?? ''} ${text}`.trimEnd());
        break;
      case 'footnote':
        notes.push(`${String(block.attrs.marker)} ${text}`.trimEnd());
        break;
      default:
        body.push(text);
    }
  });
  const parts = notes.length ? [...body, FOOTNOTE_RULE, ...notes] : body;
  return parts.join('\n\n') + '\n';
}
