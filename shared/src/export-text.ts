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
  return layOutBlocks(doc, (block) => renderInline(block));
}

/**
 * The blocks as UN-style plain-text paragraphs, each block's text from `textOf`: OPs numbered
 * ("1. …", "(a) …"), footnotes at the end after the rule as "1 …", blank lines between. The
 * layout both the plain text and the compilation text (export-compilation.ts) use.
 */
export function layOutBlocks(doc: PMNode, textOf: (block: PMNode, label: string | undefined) => string): string {
  const labels = paragraphLabels(doc);
  const body: string[] = [];
  const notes: string[] = [];
  doc.forEach((block) => {
    const label = labels.get(block.attrs.id as string)?.label;
    const text = textOf(block, label);
    switch (block.type.name) {
      case 'operative':
        body.push(`${label ?? ''}${Number(block.attrs.level ?? 0) === 0 ? '.' : ''} ${text}`.trimEnd());
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
