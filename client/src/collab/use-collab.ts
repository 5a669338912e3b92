import { Y_META, type TextMeta } from '@accord/shared';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CollabSession, CollabSnapshot } from './collab-session';

export function useCollabSnapshot(session: CollabSession): CollabSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/**
 * One field of the snapshot: the component re-renders only when that field changes, not on every
 * `unsaved` count (which changes with each keystroke).
 */
export function useCollabField<K extends keyof CollabSnapshot>(session: CollabSession, key: K): CollabSnapshot[K] {
  return useSyncExternalStore(session.subscribe, () => session.getSnapshot()[key]);
}

/** symbol, title, language, revisionLabel from the Y.Map `meta` (written by the server). */
export function useTextMeta(session: CollabSession): Partial<TextMeta> {
  const [meta, setMeta] = useState<Partial<TextMeta>>({});
  useEffect(() => {
    const map = session.doc.getMap<string>(Y_META);
    const read = () => setMeta(Object.fromEntries(map.entries()) as Partial<TextMeta>);
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [session]);
  return meta;
}

export interface PresentUser {
  clientId: number;
  /** The participant id the server stamped (empty from servers that did not). */
  id: string;
  name: string;
  role: string;
  color: string;
  self: boolean;
}

function samePresence(a: PresentUser[], b: PresentUser[]): boolean {
  return (
    a.length === b.length &&
    a.every((u, i) => u.clientId === b[i].clientId && u.id === b[i].id && u.name === b[i].name && u.role === b[i].role && u.color === b[i].color && u.self === b[i].self)
  );
}

/** Who is here, as the server stamped them (it overwrites awareness `user`). */
export function usePresence(session: CollabSession): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([]);
  useEffect(() => {
    const awareness = session.provider.awareness;
    const read = () => {
      const list: PresentUser[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: { id?: unknown; name?: unknown; role?: unknown; color?: unknown } }).user;
        if (!user) return;
        list.push({
          clientId,
          id: typeof user.id === 'string' ? user.id : '',
          name: String(user.name ?? '—'),
          role: String(user.role ?? ''),
          color: typeof user.color === 'string' ? user.color : '#999',
          self: clientId === awareness.clientID,
        });
      });
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
      // Awareness changes with every caret move; the list only when someone comes, goes or changes.
      setUsers((prev) => (samePresence(prev, list) ? prev : list));
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [session]);
  return users;
}
