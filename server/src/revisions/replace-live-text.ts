import type { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { Y_BODY, Y_META, Y_PARAGRAPHS, Y_PROPOSALS } from '@accord/shared';
import { readBracketState, writeBody } from '@accord/shared/brackets/index';
import type { TextState } from './frozen-text.js';

/** Makes a Y.Map hold exactly `target`: deletes keys it lacks, sets only values that differ. */
function replaceMap(map: Y.Map<unknown>, target: Record<string, unknown>): void {
  for (const key of [...map.keys()]) if (!(key in target)) map.delete(key);
  for (const [key, value] of Object.entries(target)) {
    const cur = map.get(key);
    if (cur === undefined || JSON.stringify(cur) !== JSON.stringify(value)) map.set(key, value);
  }
}

/**
 * Rewrites the live text to `target` as one ordinary Yjs change (call inside room.change, so it
 * is stored, relayed and acknowledged like any other): the body block by block — unchanged
 * paragraphs keep their Yjs items, so connected editors keep their place — and the meta,
 * proposals and paragraphs maps key by key. The decision log is left as it is: it records what
 * happened, and a restore is not a decision.
 */
export function replaceLiveText(ydoc: Y.Doc, target: TextState): void {
  const fragment = ydoc.getXmlFragment(Y_BODY);
  let live: PMNode | null = null;
  try {
    live = readBracketState(ydoc).doc;
  } catch {
    // A live body the schema rejects cannot be diffed block by block: replace it whole.
  }
  if (live) writeBody(ydoc, fragment, live, target.doc);
  else {
    fragment.delete(0, fragment.length);
    updateYFragment(ydoc, fragment, target.doc, { mapping: new Map(), isOMark: new Map() });
  }
  replaceMap(ydoc.getMap(Y_META), { ...target.meta });
  replaceMap(ydoc.getMap(Y_PROPOSALS), target.proposals);
  replaceMap(ydoc.getMap(Y_PARAGRAPHS), target.paragraphs);
}
