import * as Y from 'yjs';
import { titleText, Y_PROPOSALS } from '@accord/shared';
import { bracketCounts, readBracketState, roomIndex, Y_DECISIONS, type DecisionEntry, type Proposal } from '@accord/shared/brackets/index';
import { readMeta } from './document-state.js';

/** What the session list shows of a text, read from its Y.Doc. */
export interface TextSummary {
  symbol: string;
  title: string;
  language: string;
  revisionLabel: string;
  /** BR50 over the whole text. */
  openBrackets: number;
}

function named(ydoc: Y.Doc): Omit<TextSummary, 'openBrackets'> {
  const meta = readMeta(ydoc);
  // Texts imported before titleText still carry "[xx/xxx]. " in their stored meta.
  const name = titleText(meta.title);
  return { symbol: meta.symbol || name.symbol, title: name.title, language: meta.language, revisionLabel: meta.revisionLabel };
}

/**
 * A loaded room's summary from its RoomIndex (BR60): the blocks are already read, so this costs a
 * walk over cached nodes, not a conversion of the text.
 */
export function liveTextSummary(ydoc: Y.Doc): TextSummary {
  const index = roomIndex(ydoc);
  let counted;
  if (index.irregular) counted = bracketCounts(readBracketState(ydoc));
  else {
    const blocks = [];
    for (let i = 0; i < index.size; i++) blocks.push(index.at(i)!);
    counted = bracketCounts({ doc: index.docOf(blocks), proposals: index.proposals });
  }
  return { ...named(ydoc), openBrackets: counted.total };
}

/**
 * The summary of a stored text with no room loaded (heavy-tasks.ts runs it off the event loop),
 * and the time of its last recorded act (a proposal or a decision), for texts summarised the first
 * time long after they last changed.
 */
export function storedTextSummary(updates: readonly Uint8Array[]): TextSummary & { lastRecorded: number } {
  const ydoc = new Y.Doc();
  try {
    ydoc.transact(() => {
      for (const u of updates) Y.applyUpdate(ydoc, u);
    });
    const state = readBracketState(ydoc);
    let lastRecorded = 0;
    for (const p of ydoc.getMap<Proposal>(Y_PROPOSALS).values()) lastRecorded = Math.max(lastRecorded, p.updatedAt ?? 0, p.createdAt ?? 0);
    for (const d of ydoc.getArray<DecisionEntry>(Y_DECISIONS).toArray()) lastRecorded = Math.max(lastRecorded, d.at ?? 0);
    return { ...named(ydoc), openBrackets: bracketCounts(state).total, lastRecorded };
  } finally {
    ydoc.destroy();
  }
}
