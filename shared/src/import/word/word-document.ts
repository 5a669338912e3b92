/**
 * A Word file as the import needs it, read by the server (server/src/docx/read-docx.ts) and turned
 * into an Accord document by importWord (import-word.ts). Plain data, no XML.
 */

/** A run of text; `change` is the index of the tracked change (in `WordDocument.changes`) it belongs to. */
export interface WordRun {
  text: string;
  italic?: boolean;
  change?: number;
}

/** A footnote reference: `note` indexes `WordDocument.footnotes`. */
export interface WordNoteRef {
  note: number;
}

export type WordInline = WordRun | WordNoteRef;

export interface WordParagraph {
  kind: 'paragraph';
  /** The label Word's automatic numbering shows ("1.", "(a)"), computed by WordListCounter. */
  label?: string;
  inline: WordInline[];
}

/** A table: the text of each cell, row by row. */
export interface WordTable {
  kind: 'table';
  rows: string[][];
}

export interface WordChange {
  kind: 'insert' | 'delete';
  author: string;
}

export interface WordDocument {
  blocks: (WordParagraph | WordTable)[];
  /** Footnote texts, in the order of their first reference. */
  footnotes: string[];
  changes: WordChange[];
  /** What reading the file could not keep (the reader's own warnings). */
  warnings: string[];
}
