import type { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import type { TextMeta } from '@accord/shared';
import { readBracketState, type ParagraphState, type Proposal } from '@accord/shared/brackets/index';
import type { Renumbering, VersionSnapshot } from '@accord/shared/diff/index';
import { buildVersionSnapshot } from '@accord/shared/revisions/index';
import { readMeta } from '../sessions/document-state.js';

/** Everything restore and compare need from a Y.Doc, read once. */
export interface TextState {
  doc: PMNode;
  meta: TextMeta;
  proposals: Record<string, Proposal>;
  paragraphs: Record<string, ParagraphState>;
}

export function readTextState(ydoc: Y.Doc): TextState {
  const s = readBracketState(ydoc);
  return { doc: s.doc, meta: readMeta(ydoc), proposals: s.proposals, paragraphs: s.paragraphs };
}

/** Reads a stored Y.Doc state (a revision's or a history point's) without a room. */
export function readStoredState(state: Uint8Array): TextState {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return readTextState(ydoc);
  } finally {
    ydoc.destroy();
  }
}

export function versionOf(s: TextState, label: string, renumbering?: Renumbering[]): VersionSnapshot {
  return buildVersionSnapshot({
    label,
    doc: s.doc,
    proposals: s.proposals,
    paragraphs: s.paragraphs,
    language: s.meta.language,
    renumbering,
  });
}
