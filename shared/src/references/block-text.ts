import type { Node as PMNode } from '@tiptap/pm/model';

/** Stands for an inline atom (a footnote marker): a reference never runs across one. */
const ATOM = '\uFFFC';

/**
 * A block's inline content as one string with one character per document position, so that an
 * offset in it is `position - (blockStart + 1)`. Text keeps its marks (bracketed, struck…) out of
 * the string; atoms become U+FFFC.
 */
export function blockText(block: PMNode): string {
  let s = '';
  block.forEach((child) => {
    s += child.isText ? child.text! : ATOM.repeat(child.nodeSize);
  });
  return s;
}

/** The blocks whose text may refer to paragraphs: PPs, OPs and footnotes (a Chair's note numbers its own paragraphs). */
export function holdsReferences(block: PMNode): boolean {
  const t = block.type.name;
  return t === 'preambular' || t === 'operative' || t === 'footnote';
}

/** Cheap test before running the grammars on a block. */
export const MAY_REFER = /paragraph|p[áa]rraf|пункт|فقر|第/iu;
