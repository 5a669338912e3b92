import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Y_COMMENTS } from '@accord/shared';
import type { CommentEntry } from '@accord/shared/brackets/index';
import { CommentStore } from '../../src/brackets/panel/comment-store';

const entry = (id: string, proposalId: string, at: number): CommentEntry => ({ id, proposalId, by: { id: 'eu', name: 'EU' }, at, text: id });

describe('[BR15] the panel’s comment store', () => {
  it('groups entries by proposal, oldest first; a new comment replaces only its proposal’s list', () => {
    const server = new Y.Doc();
    const map = server.getMap<CommentEntry>(Y_COMMENTS);
    map.set('c2', entry('c2', 'p1', 2));
    map.set('c1', entry('c1', 'p1', 1));
    map.set('c3', entry('c3', 'p2', 3));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const store = new CommentStore(client);
    expect(store.of('p1').map((c) => c.id)).toEqual(['c1', 'c2']);
    const p1 = store.of('p1');
    const p2 = store.of('p2');
    let calls = 0;
    store.subscribe(() => calls++);
    const before = Y.encodeStateVector(server);
    map.set('c4', entry('c4', 'p2', 4));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, before));
    expect(calls).toBe(1);
    expect(store.of('p1')).toBe(p1);
    expect(store.of('p2')).not.toBe(p2);
    expect(store.of('p2').map((c) => c.id)).toEqual(['c3', 'c4']);
    expect(store.of('nothing')).toEqual([]);
    store.destroy();
  });
});
