import type { BlockDraft } from './classify-blocks.js';

export interface MarkerAt {
  /** Index in the text where the marker starts. */
  start: number;
  /** End of the marker and the one space that followed it (that space only set the superscript apart). */
  end: number;
  marker: string;
}

/** Superscript markers follow punctuation in extracted text: "决议，1 其中", "宣言》，2", "22/8,1 in". */
const PRECEDERS = new Set(Array.from('，。；：》”’）」』),.;:"\''));

/**
 * Finds the footnote markers in the body, in order: marker k is looked for after marker k-1, only
 * where a footnote with that marker exists, only after punctuation and before a space or the end.
 * A marker that cannot be found is reported, and the search for the next one resumes where it was.
 */
export function findFootnoteMarkers(
  drafts: BlockDraft[],
  markers: string[],
  warnings: string[],
): Map<number, MarkerAt[]> {
  const found = new Map<number, MarkerAt[]>();
  let block = 0;
  let offset = 0;
  for (const marker of markers) {
    const hit = search(drafts, marker, block, offset);
    if (!hit) {
      warnings.push(`footnote ${marker}: its marker was not found in the text`);
      continue;
    }
    const list = found.get(hit.block) ?? [];
    list.push(hit.at);
    found.set(hit.block, list);
    block = hit.block;
    offset = hit.at.end;
  }
  return found;
}

function search(
  drafts: BlockDraft[],
  marker: string,
  fromBlock: number,
  fromOffset: number,
): { block: number; at: MarkerAt } | null {
  for (let b = fromBlock; b < drafts.length; b++) {
    if (drafts[b].type === 'footnote') continue;
    const text = drafts[b].text;
    let i = text.indexOf(marker, b === fromBlock ? fromOffset : 0);
    while (i >= 0) {
      const after = text[i + marker.length];
      if (i > 0 && PRECEDERS.has(text[i - 1]) && (after === undefined || /\s/.test(after))) {
        const end = i + marker.length + (after === undefined ? 0 : 1);
        return { block: b, at: { start: i, end, marker } };
      }
      i = text.indexOf(marker, i + 1);
    }
  }
  return null;
}
