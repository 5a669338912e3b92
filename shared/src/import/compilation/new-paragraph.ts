import { newId } from '../../ids.js';
import { addPositions, type ParagraphReading, type ReadProposal } from './read-paragraph.js';

/**
 * A labelled new paragraph ("7 bis. [Canada: Requests …]") is a `newParagraph` proposal: when all
 * its text is inside one bracket that proposes text (or a placeholder-like pending bracket), that
 * bracket's proposal, sponsors and all; otherwise a proposal without sponsors over its whole text.
 * Returns the proposal; its text is marked `insert` (BR7).
 */
export function asNewParagraph(text: string, reading: ParagraphReading, blockId: string): ReadProposal {
  const p = proposal(text, reading, blockId);
  // "[US: delete]" after a proposed paragraph is a position on the proposal, not a second proposal.
  for (const d of reading.proposals.filter((x) => x.kind === 'deleteParagraph')) {
    addPositions(p, [
      { sponsors: [...d.sponsors, ...d.supporters], word: 'delete' },
      { sponsors: d.opposers, word: 'retain' },
    ]);
    reading.proposals.splice(reading.proposals.indexOf(d), 1);
  }
  return p;
}

function proposal(text: string, reading: ParagraphReading, blockId: string): ReadProposal {
  const kept = (i: number) => !reading.drop.has(i) && /\S/.test(text[i]);
  let first = -1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (!kept(i)) continue;
    if (first < 0) first = i;
    last = i;
  }
  const whole = reading.spans.find((s) => {
    const p = reading.proposals.find((x) => x.id === s.id);
    return (p?.kind === 'insert' || p?.kind === 'pending') && s.from <= first && last < s.to;
  });
  if (whole) {
    const p = reading.proposals.find((x) => x.id === whole.id)!;
    p.kind = 'newParagraph';
    p.paragraphId = blockId;
    whole.role = 'insert';
    return p;
  }
  const p: ReadProposal = { id: newId('b'), kind: 'newParagraph', paragraphId: blockId, sponsors: [], supporters: [], opposers: [], status: 'open' };
  reading.proposals.unshift(p);
  reading.spans.push({ from: 0, to: text.length, id: p.id, role: 'insert' });
  return p;
}
