/**
 * Types of the revision compare engine. Everything here is plain JSON, so a Comparison can be sent
 * by the server (`/compare?format=json`) and rendered by the client or by renderComparisonHtml.
 */

/** A mark as ProseMirror serialises it: `{type: 'bracket', attrs: {id, role, alt}}`. */
export interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node as ProseMirror serialises it (`node.toJSON()`), in the one schema (schema.ts). */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  text?: string;
  marks?: MarkJSON[];
}

/**
 * The minimal shape of a proposal record (Y.Map `proposals`). The full record is designed in
 * shared/src/brackets (its `Proposal` is assignable to this); only these fields are read.
 */
export interface ProposalLike {
  id: string;
  kind?: string;
  /** Delegation names, or shared/src/brackets Sponsors `{name, via?}` (a group speaking through a member). */
  sponsors?: Array<string | { name: string; via?: string }>;
  /** open | accepted | rejected | withdrawn (any spelling containing those words is understood). */
  status?: string;
  paragraphId?: string | null;
  /** Text the proposal adds, and the text it brackets or would delete, as recorded when proposed. */
  text?: string;
  anchorText?: string;
}

export interface ParagraphStateLike {
  status?: string;
  pending?: unknown;
}

export interface Renumbering {
  paragraphId: string;
  from: string;
  to: string;
}

/** One version of the text: a revision, a history point or the live text, frozen. */
export interface VersionSnapshot {
  /** "Rev.1", "Chair's proposal, 3 August", "Live text". */
  label: string;
  /** The ProseMirror document as JSON (or anything with a toJSON() giving it, e.g. a PM Node). */
  doc: NodeJSON | { toJSON(): unknown };
  proposals?: Record<string, ProposalLike>;
  paragraphs?: Record<string, ParagraphStateLike>;
  /** Labels this revision gave when it was issued (old → new), e.g. {from: '5 bis', to: '6'}. */
  renumbering?: Renumbering[];
  /** Paragraph labels by id (from shared/src/numbering.ts); derived here when absent. */
  labels?: Record<string, string>;
  /** BCP 47 language of the text (zh, en, ar…), used for segmentation and `lang`. */
  language?: string;
}

export interface CompareOptions {
  /** Formatting-only changes (italic, bold, bracket, struck) are not reported. */
  ignoreFormatting?: boolean;
  /** Whitespace-only changes are not reported. */
  ignoreWhitespace?: boolean;
  /** Locale for Intl.Segmenter; defaults to B's (then A's) language, then 'en'. */
  locale?: string;
}

/**
 * One piece of a paragraph's word-level diff. Pieces are split where marks change, so that each
 * carries the marks of its text (B's for equal/insert, A's for delete). A footnote reference is
 * the character U+FFFC carrying a `footnoteRef` pseudo-mark `{marker}`.
 */
export type TextOp =
  | { op: 'equal'; text: string; marks?: MarkJSON[] }
  /**
   * `struck`: the characters are in both versions, struck in A (insert: the text came back) or
   * struck in B (delete: an accepted deletion, a writer's struck deletion). A change of wording,
   * never hidden with formatting; each side's text still holds the struck characters.
   */
  | { op: 'insert'; text: string; marks?: MarkJSON[]; whitespace?: true; struck?: true }
  | { op: 'delete'; text: string; marks?: MarkJSON[]; whitespace?: true; struck?: true }
  /** Same text, different marks: `from` in A, `to` in B. */
  | { op: 'format'; text: string; from: MarkJSON[]; to: MarkJSON[] };

export type ParagraphStatus = 'same' | 'changed' | 'added' | 'deleted' | 'moved';

export interface ParagraphSide {
  id: string;
  /** Block type and, for operative paragraphs, level: 'preambular', 'operative:1'. */
  kind: string;
  /** Position of the paragraph in its version (0-based block index). */
  index: number;
  label: string;
}

export interface ParagraphComparison {
  /** Stable id (B's; A's for a deleted paragraph). */
  id: string;
  /** 'moved' wins over 'changed': a moved paragraph may also be edited (textChanged). */
  status: ParagraphStatus;
  a?: ParagraphSide;
  b?: ParagraphSide;
  /** Word-level diff, for every paragraph (a same paragraph is one or more equal ops). */
  ops: TextOp[];
  /** Text (insert/delete) changed, after the ignore options. */
  textChanged: boolean;
  /** Only marks changed (the text is identical). */
  formatOnly: boolean;
  /** Every text change is whitespace. */
  whitespaceOnly: boolean;
  /** The block kind changed (e.g. PP → OP, sub-paragraph level). */
  kindChanged: boolean;
  /** "5 bis" → "6". */
  labelFrom?: string;
  labelTo?: string;
  /** For an added paragraph that replaces (closely matches) a deleted one: the deleted id. */
  replaces?: string;
  /** For a deleted paragraph whose text went into another paragraph (merge or replacement). */
  mergedInto?: string;
}

export type BracketChange = 'added' | 'accepted' | 'rejected' | 'withdrawn' | 'superseded' | 'reopened' | 'resolved' | 'removed';

export interface BracketEvent {
  proposalId: string;
  change: BracketChange;
  paragraphId: string | null;
  paragraphLabel: string;
  /** Sponsor names (a group, not the member speaking for it). */
  sponsors: string[];
  kind?: string;
  fromStatus?: string;
  toStatus?: string;
  /** Outcome inferred from the text (no proposal record said so). */
  inferred?: boolean;
  /** The bracketed text (A's if it left the text, else B's). */
  text?: string;
}

export interface BracketCounts {
  added: number;
  accepted: number;
  rejected: number;
  withdrawn: number;
  superseded: number;
  reopened: number;
  resolved: number;
  removed: number;
}

export interface StatusChange {
  paragraphId: string;
  label: string;
  from: string;
  to: string;
}

export interface BracketSummary {
  events: BracketEvent[];
  totals: BracketCounts;
  byParagraph: Array<{ paragraphId: string | null; label: string; counts: BracketCounts }>;
  byDelegation: Array<{ delegation: string; counts: BracketCounts }>;
  /** Open brackets (distinct bracket ids in the text) in A and in B: the progress measure. */
  openBrackets: { a: number; b: number };
  statusChanges: StatusChange[];
  paragraphsAdded: Array<{ paragraphId: string; label: string; proposalId: string | null; sponsors: string[] }>;
  paragraphsDeleted: Array<{ paragraphId: string; label: string }>;
}

export interface ConcordanceRow {
  /** B's label, null for a paragraph deleted in B. */
  to: string | null;
  toId: string | null;
  /** A's label(s); empty for a new paragraph, several for a merge. */
  from: string[];
  fromIds: string[];
  /** Sponsors of proposals accepted between A and B in these paragraphs. */
  delegations: string[];
  note: 'renumbered' | 'merged' | 'new' | 'deleted' | 'moved';
}

export interface ComparisonStats {
  same: number;
  changed: number;
  added: number;
  deleted: number;
  moved: number;
  formatOnly: number;
  whitespaceOnly: number;
  insertedChars: number;
  deletedChars: number;
}

export interface Comparison {
  from: { label: string; language?: string };
  to: { label: string; language?: string };
  locale: string;
  options: { ignoreFormatting: boolean; ignoreWhitespace: boolean };
  /** Merged order: B's paragraphs in B's order, deleted ones where they stood in A. */
  paragraphs: ParagraphComparison[];
  stats: ComparisonStats;
  brackets: BracketSummary;
  concordance: ConcordanceRow[];
}
