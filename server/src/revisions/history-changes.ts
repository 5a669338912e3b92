import * as Y from 'yjs';

/**
 * History points as changes (issue 9): a point stores what changed since the point before it —
 * the structs added since that point's state vector, plus the deletions made since — instead of
 * the whole text. The room's Y.Doc garbage-collects deleted content (gc: true), so a bare
 * `Y.snapshot` against the live document could not rebuild an old point; a chain of changes
 * from a full checkpoint can, exactly: applying checkpoint + changes in order yields the same
 * structs and the same delete set as the document had when the point was taken.
 */

export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;
type DeleteRange = { clock: number; len: number };

/** What a point remembers of the document to describe the next point as a change. */
export interface PointState {
  vector: Uint8Array;
  ds: DeleteSet;
}

/** The delete set as Yjs writes it (V1), e.g. at the end of an update. */
export function encodeDeleteSet(ds: DeleteSet): Uint8Array {
  // A snapshot is `delete set` then `state vector`; an empty state vector is the single byte 0.
  const bytes = Y.encodeSnapshot(Y.createSnapshot(ds, new Map()));
  return bytes.subarray(0, bytes.length - 1);
}

/** Ranges deleted in `now` and not in `before` (both sorted and merged, as Yjs builds them). */
export function subtractDeleteSet(now: DeleteSet, before: DeleteSet): DeleteSet {
  const out = Y.createDeleteSet();
  for (const [client, ranges] of now.clients as Map<number, DeleteRange[]>) {
    const old = (before.clients as Map<number, DeleteRange[]>).get(client) ?? [];
    const kept: DeleteRange[] = [];
    let j = 0;
    for (const r of ranges) {
      let start = r.clock;
      const end = r.clock + r.len;
      while (j < old.length && old[j].clock + old[j].len <= start) j++;
      let k = j;
      while (start < end && k < old.length && old[k].clock < end) {
        if (old[k].clock > start) kept.push({ clock: start, len: old[k].clock - start });
        start = Math.max(start, old[k].clock + old[k].len);
        k++;
      }
      if (start < end) kept.push({ clock: start, len: end - start });
    }
    if (kept.length) (out.clients as Map<number, DeleteRange[]>).set(client, kept);
  }
  return out;
}

const endsWith = (a: Uint8Array, b: Uint8Array) => {
  if (b.length > a.length) return false;
  const off = a.length - b.length;
  for (let i = 0; i < b.length; i++) if (a[off + i] !== b[i]) return false;
  return true;
};

/** The document's state now, to describe the next point against. */
export function pointState(doc: Y.Doc): PointState {
  const s = Y.snapshot(doc);
  return { vector: Y.encodeStateVector(s.sv), ds: s.ds };
}

/** True when nothing was added or deleted since `before`. */
export function unchangedSince(now: PointState, before: PointState | null): boolean {
  if (!before || now.vector.length !== before.vector.length || !now.vector.every((x, i) => x === before.vector[i])) return false;
  return subtractDeleteSet(now.ds, before.ds).clients.size === 0;
}

/**
 * A Yjs update holding exactly what `doc` (whose state is `now`) has beyond `before`: the
 * structs past `before.vector` and the deletions not in `before.ds`. Applied on top of the
 * document at `before`, it gives the document at `now`.
 */
export function changeSince(doc: Y.Doc, now: PointState, before: PointState): Uint8Array {
  const withWholeDeleteSet = Y.encodeStateAsUpdate(doc, before.vector);
  const whole = encodeDeleteSet(now.ds);
  // An update is `structs` then `delete set`: swap the whole delete set for the new ranges. Should
  // a future Yjs write it differently, the whole set is kept — bigger, still exact.
  if (!endsWith(withWholeDeleteSet, whole)) return withWholeDeleteSet;
  const structs = withWholeDeleteSet.subarray(0, withWholeDeleteSet.length - whole.length);
  const fresh = encodeDeleteSet(subtractDeleteSet(now.ds, before.ds));
  const out = new Uint8Array(structs.length + fresh.length);
  out.set(structs, 0);
  out.set(fresh, structs.length);
  return out;
}
