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

/**
 * Reads a stored Y.Doc state without a room: a revision's (one update) or a history point's
 * (its checkpoint and changes, applied in order: history-state.ts).
 */
export function readStoredState(state: Uint8Array | readonly Uint8Array[]): TextState {
  const ydoc = new Y.Doc();
  try {
    ydoc.transact(() => {
      for (const u of state instanceof Uint8Array ? [state] : state) Y.applyUpdate(ydoc, u);
    });
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

/**
 * A version as compare needs it: a frozen revision's snapshot, or the Y.Doc state of the live text
 * or a history point, read where the comparison runs (the worker, for large texts: reading a
 * treaty-length Y.Doc takes as long as the diff).
 */
export type VersionSource =
  | { label: string; at: string; snapshot: VersionSnapshot }
  | { label: string; at: string; updates: Uint8Array[] };

export function snapshotOf(source: VersionSource): VersionSnapshot {
  return 'snapshot' in source ? source.snapshot : versionOf(readStoredState(source.updates), source.label);
}

/** What a source weighs, in the characters HEAVY_MIN_SIZE counts (paragraphs weigh ~250). */
export function sourceSize(source: VersionSource): number {
  return 'snapshot' in source ? Object.keys(source.snapshot.labels ?? {}).length * 250 : source.updates.reduce((n, u) => n + u.length, 0);
}
