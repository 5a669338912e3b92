import type { Indent, LayoutKind } from './types.js';

/** What the layout needs to know of a block to place it. */
export interface BlockInfo {
  type: string;
  /** note: body | heading. */
  style?: string;
  text: string;
}

const AGENDA_LINE = /^(?:Agenda items?|Points?|Temas?|Пункты?|البندان|البند|议程项目)(?=[\s\d])/u;
const SPONSOR_LINE = /(?:draft (?:resolution|decision)|projet de (?:résolution|décision)|proyecto de (?:resolución|decisión)|проект (?:резолюции|решения)|决议草案|决定草案|مشروع قرار)\s*$/iu;

/**
 * The kind of each block in the UN layout. A heading line after "Agenda item 107" is the agenda
 * item's title; one ending "…: revised draft resolution" lists the sponsors. The chapeau ("The
 * General Assembly,", "大会，") is the short note just before the first preambular or operative
 * paragraph.
 */
export function layoutKinds(blocks: readonly BlockInfo[]): LayoutKind[] {
  const firstParagraph = blocks.findIndex((b) => b.type === 'preambular' || b.type === 'operative');
  return blocks.map((b, i): LayoutKind => {
    switch (b.type) {
      case 'headingLine': {
        if (SPONSOR_LINE.test(b.text.trim())) return 'sponsors';
        const prev = blocks[i - 1];
        return prev?.type === 'headingLine' && AGENDA_LINE.test(prev.text.trim()) ? 'agendaTitle' : 'heading';
      }
      case 'title':
        return 'title';
      case 'note':
        if (i === firstParagraph - 1 && b.style !== 'heading' && b.text.trim().length <= 80) return 'chapeau';
        return b.style === 'heading' ? 'noteHeading' : 'note';
      case 'preambular':
        return 'preambular';
      default:
        return 'operative';
    }
  });
}

/** Where a paragraph's text starts (cm): the UN text block sits 1.25 cm in from the margin. */
const BODY = 1.25;

/** Hanging indents of numbered paragraphs: the number at the start, the text from `start`. */
export function indentFor(kind: LayoutKind, level: number): Indent {
  switch (kind) {
    case 'preambular':
    case 'chapeau':
      return { start: BODY, hanging: 0, firstLine: BODY };
    case 'operative':
      if (level <= 0) return { start: BODY + 0.65, hanging: 0.65, firstLine: 0 };
      if (level === 1) return { start: BODY + 1.3, hanging: 0.65, firstLine: 0 };
      return { start: BODY + 2.1, hanging: 0.8, firstLine: 0 };
    case 'sponsors':
    case 'title':
      return { start: BODY, hanging: 0, firstLine: 0 };
    default:
      return { start: 0, hanging: 0, firstLine: 0 };
  }
}

/** The number printed before an operative paragraph: "1.", "5 bis.", "(a)", "(ii)". */
export function printedNumber(kind: LayoutKind, level: number, label: string | undefined): string | null {
  if (kind !== 'operative' || !label) return null;
  return level <= 0 ? `${label}.` : label;
}
