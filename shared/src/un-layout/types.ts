/**
 * A text laid out as a UN document (UN Editorial Manual), independent of any output format: the
 * Word export (server/src/export/) renders it with the `docx` library; a print view can read the
 * same structure. Measures are in centimetres; "start" is the left in left-to-right languages and
 * the right in Arabic.
 */

/** A tracked change (Word `w:ins` / `w:del`): who made it and when (ISO 8601). */
export interface RunChange {
  type: 'ins' | 'del';
  author: string;
  date: string;
}

export interface LayoutRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
  strike?: boolean;
  /** A footnote reference: the footnote's marker (`text` is empty). */
  footnote?: string;
  /** Compilation text: sponsors and positions written after a bracket ("EU, Japan retain"). */
  annotation?: boolean;
  change?: RunChange;
}

export type LayoutKind =
  /** Session, committee and agenda item lines above the title. */
  | 'heading'
  /** The agenda item's title, under "Agenda item 107" (bold). */
  | 'agendaTitle'
  /** "Algeria, Angola…: revised draft resolution". */
  | 'sponsors'
  | 'title'
  /** "The General Assembly,". */
  | 'chapeau'
  | 'note'
  | 'noteHeading'
  | 'preambular'
  | 'operative';

export interface Indent {
  /** Where the text's lines start, from the margin. */
  start: number;
  /** How far the first line hangs out to the start (numbered paragraphs), or 0. */
  hanging: number;
  /** How far the first line is indented (unnumbered paragraphs), or 0. */
  firstLine: number;
}

export interface LayoutParagraph {
  /** The block's id (null for lines the layout adds). */
  id: string | null;
  kind: LayoutKind;
  /** Operative: 0 OP, 1 sub-paragraph (a), 2 (i). */
  level: number;
  /** The printed number with its punctuation, "1.", "5 bis.", "(a)", "(ii)", or null. */
  number: string | null;
  runs: LayoutRun[];
  align: 'start' | 'center' | 'justify';
  bold: boolean;
  indent: Indent;
  /** A paragraph whose whole text is a tracked change (added or deleted between two versions). */
  change?: RunChange;
}

export interface LayoutFootnote {
  /** The marker the text uses ("1"); Word numbers its footnotes itself, in order. */
  marker: string;
  runs: LayoutRun[];
}

export interface Masthead {
  /** "A/C.3/74/L.11/Rev.1", or "" when the text has none. */
  symbol: string;
  /** The organ named top left ("General Assembly" for an A/ symbol), or "". */
  organ: string;
  /** "Distr.: Limited" in the text's language. */
  distribution: string;
  /** The date line, e.g. "4 December 2026". */
  date: string;
  /** "Original: English" in the text's language. */
  original: string;
  /** The revision label, when the exported version has one ("Rev.2"). */
  revision: string;
}

export interface UnLayout {
  /** BCP 47 language of the text. */
  language: string;
  /** Arabic: paragraphs run right to left, numbers on the right. */
  rtl: boolean;
  fonts: { latin: string; eastAsia: string; complex: string; sizePt: number };
  /** A4 with the UN margins, in centimetres. */
  page: { width: number; height: number; margin: { top: number; bottom: number; start: number; end: number } };
  masthead: Masthead;
  paragraphs: LayoutParagraph[];
  footnotes: LayoutFootnote[];
}
