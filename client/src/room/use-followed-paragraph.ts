import { useEffect, useState } from 'react';
import type { ScreenState } from '@accord/shared/brackets/index';
import type { CollabSession } from '../collab/collab-session';
import { paragraphAtCursor } from './paragraph-at-cursor';

export interface Followed {
  /** The paragraph under discussion (null until the followed person has placed a caret). */
  paragraphId: string | null;
  /** The chair holds the screen on it (BR87). */
  held: boolean;
  /** Whose position it is (the name shown), when followed. */
  who: string | null;
}

type PresenceState = { user?: { id?: string; name?: string; role?: string }; cursor?: { head?: unknown } | null };

/**
 * The paragraph the room screen shows: the one the chair holds it on, else where the followed
 * participant's caret is (`screen.follow`, by default a chair: the most recently moved one), from
 * presence. When that caret goes (the chair reloads), the screen stays where it was.
 */
export function useFollowedParagraph(collab: CollabSession, screen: ScreenState): Followed {
  const [live, setLive] = useState<{ paragraphId: string | null; who: string | null }>({ paragraphId: null, who: null });
  useEffect(() => {
    const awareness = collab.provider.awareness;
    const read = () => {
      let best: { state: PresenceState; at: number } | null = null;
      awareness.getStates().forEach((raw, clientId) => {
        const state = raw as PresenceState;
        const user = state.user;
        if (!user || !state.cursor) return;
        const followed = screen.follow ? user.id === screen.follow : user.role === 'chair';
        const at = awareness.meta.get(clientId)?.lastUpdated ?? 0;
        if (followed && (!best || at > best.at)) best = { state, at };
      });
      const found = best as { state: PresenceState } | null;
      if (!found) return;
      const paragraphId = paragraphAtCursor(collab.doc, collab.fragment, found.state.cursor?.head);
      if (!paragraphId) return;
      const who = found.state.user?.name ?? null;
      setLive((prev) => (prev.paragraphId === paragraphId && prev.who === who ? prev : { paragraphId, who }));
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [collab, screen.follow]);
  return screen.held ? { paragraphId: screen.held, held: true, who: live.who } : { ...live, held: false };
}
