/** Offsets [from, to) in the text a reference was read from. */
export interface Span {
  from: number;
  to: number;
}

/** One paragraph a reference names: "5", "5 bis", "5 (a)", "5 (a) (ii)", "PP3". */
export interface ReferenceItem {
  /** The number as written, with its bis/ter suffix: "5", "٥", "5 bis". */
  number: Span;
  /** The sub-paragraph letter inside its parentheses: "a", "أ". */
  sub?: Span;
  /** The sub-sub-paragraph numeral inside its parentheses: "ii". */
  subsub?: Span;
  /** The paragraph's label as `paragraphLabels` writes its short form without "OP": "5", "5 bis", "5(a)", "5(a)(ii)", "PP3". */
  key: string;
  /** This item and the next are the two ends of a range ("3 to 5", "第 3 至 5 段"). */
  throughNext: boolean;
}

/** A paragraph reference found in a text: "paragraphs 5 and 6 above", "上文第 5 和第 6 段". */
export interface ParagraphReference extends Span {
  items: ReferenceItem[];
  /** What the text says about where the paragraphs are: "above", "上文", "ci-dessus"…, or nothing. */
  direction: 'above' | 'below' | null;
}

/** A reference rewritten when a revision renumbered the paragraphs it names (RevisionView.references). */
export interface ReferenceRewrite {
  /** The paragraph holding the reference, and its label before and after the revision ("OP9", "OP10"). */
  paragraphId: string;
  labelFrom: string;
  labelTo: string;
  /** The reference as written before and after: "上文第 5 和第 6 段" → "上文第 6 和第 7 段". */
  from: string;
  to: string;
}

/**
 * A reference the revision cannot follow, shown to the chair before the revision is issued and left
 * as written: a paragraph it names is dropped by the revision (`deleted`), no paragraph has its
 * number (`missing`), or what it names is unclear (`ambiguous`: a range over a paragraph added since
 * the last revision, or "above" naming a paragraph that comes after it).
 */
export interface FlaggedReference {
  paragraphId: string;
  /** The holding paragraph's label in the live text ("OP9"). */
  label: string;
  text: string;
  reason: 'deleted' | 'missing' | 'ambiguous';
  /** One sentence for the chair: "OP6 is deleted by this revision". */
  detail: string;
}
