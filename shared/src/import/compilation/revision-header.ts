/**
 * The revision label in a compilation text's header: a line "Rev.2", or "Facilitator's compilation
 * text, Rev.3 (as at 16:00)". "Rev." inside a document symbol ("A/C.3/74/L.11/Rev.1") is the
 * symbol's, not a header's.
 */
const REV = /(?:^|[\s,，(（])(Rev\.\s?[0-9]{1,3})(?![0-9/])/u;
const ONLY_REV = /^\s*Rev\.\s?[0-9]{1,3}\s*$/u;

export interface RevisionHeader {
  label: string;
  /** The line is only the label: it is removed from the text (the label carries it). */
  whole: boolean;
}

export function revisionHeader(line: string): RevisionHeader | null {
  const m = REV.exec(line);
  if (!m) return null;
  return { label: m[1].replace(/\s/g, ''), whole: ONLY_REV.test(line) };
}
