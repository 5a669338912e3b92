import { Y_COMMENTS } from '@accord/shared';
import { byTime, commentsByProposal, isCommentEntry, type CommentEntry } from '@accord/shared/brackets/index';
import type * as Y from 'yjs';

const NONE: CommentEntry[] = [];

/**
 * The comment entries of a session (Y.Map `comments`, BR15) by proposal, for the panel's cards.
 * A new comment replaces only its own proposal's list, so only that card renders again.
 */
export class CommentStore {
  private byProposal: Record<string, CommentEntry[]>;
  private readonly listeners = new Set<() => void>();
  private readonly map: Y.Map<CommentEntry>;

  constructor(doc: Y.Doc) {
    this.map = doc.getMap<CommentEntry>(Y_COMMENTS);
    this.byProposal = commentsByProposal(this.map.values());
    this.map.observe(this.onChange);
  }

  private readonly onChange = (event: Y.YMapEvent<CommentEntry>): void => {
    const next = { ...this.byProposal };
    for (const [key, change] of event.changes.keys) {
      const c = this.map.get(key);
      if (change.action !== 'add' || !isCommentEntry(c)) {
        // Entries are written once and never changed or removed; anything else: read all again.
        this.byProposal = commentsByProposal(this.map.values());
        this.emit();
        return;
      }
      next[c.proposalId] = [...(next[c.proposalId] ?? NONE), c].sort(byTime);
    }
    this.byProposal = next;
    this.emit();
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }

  /** The entries on one proposal, oldest first; the same array until one is added. */
  of(proposalId: string): CommentEntry[] {
    return this.byProposal[proposalId] ?? NONE;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.map.unobserve(this.onChange);
    this.listeners.clear();
  }
}
