import * as Y from 'yjs';
import { newId } from '@accord/shared';
import { changedSpan, Y_EDITS, type DirectEdit } from '@accord/shared/edits';

/** Keystrokes of one writer in one paragraph closer together than this extend one record entry. */
export const EDIT_WINDOW_MS = 10_000;

/** The text of a paragraph as readers see it: struck text (deleted, shown until the revision) left out. */
export function liveText(el: Y.XmlElement): string {
  if (el._item?.deleted) return '';
  let out = '';
  for (const child of el.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof op.insert !== 'string') continue;
      const attrs = op.attributes ?? {};
      if (Object.keys(attrs).some((k) => k === 'struck' || k.startsWith('struck--'))) continue;
      out += op.insert;
    }
  }
  return out;
}

/** The leftmost place the change from `a` to `b` can be said to start (common suffix taken first). */
function leftmostAt(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let s = 0;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  let p = 0;
  while (p < max - s && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

interface Writer {
  /** Who: the participant id, and the name the record shows. */
  byId: string;
  by: string;
  role: string;
}

/** One writer's run of edits in one paragraph: the entry it writes and the text before the run. */
interface Run {
  key: string;
  paragraphId: string;
  baseline: string;
  entryId: string | null;
  at: number;
  lastAt: number;
  /** Where the run's change is in the paragraph's text now: [from, to). */
  from: number;
  to: number;
}

/**
 * Direct edits on the record. The room calls `before` with the paragraphs a writer's update
 * touches (the update guard found them) and `after` once it is applied; the recorder compares
 * those paragraphs' live text and writes an entry to the server-only Y.Array `edits` — in the
 * same commit as the edit. Consecutive edits of one writer in one paragraph (each within
 * EDIT_WINDOW_MS of the last, nobody else editing it meanwhile) extend one entry, compared with
 * the text before the first. A run that only added text (typing) is not an entry. Cost: the
 * touched paragraphs only.
 */
export class EditRecorder {
  private readonly edits: Y.Array<DirectEdit>;
  /** Open runs by paragraph, and the paragraph each writer is in. */
  private readonly runs = new Map<string, Run>();
  private readonly current = new Map<string, string>();

  constructor(
    doc: Y.Doc,
    private readonly now: () => number = Date.now,
  ) {
    this.edits = doc.getArray<DirectEdit>(Y_EDITS);
  }

  /** The live text of each touched paragraph, read before the update is applied. */
  before(touched: Map<string, Y.XmlElement>): Map<string, string> {
    const texts = new Map<string, string>();
    for (const [id, el] of touched) texts.set(id, liveText(el));
    return texts;
  }

  /**
   * Records what the update did to the touched paragraphs; call inside a transaction that is
   * stored. True when it wrote to the record (the writer then needs the relay too).
   */
  after(writer: Writer, touched: Map<string, Y.XmlElement>, before: Map<string, string>): boolean {
    let wrote = false;
    const key = writer.byId;
    const now = this.now();
    for (const [paragraphId, el] of touched) {
      const was = before.get(paragraphId) ?? '';
      const is = liveText(el);
      const greedy = changedSpan(was, is);
      if (!greedy) continue;
      // Typing a letter next to the same letter could be either place: the step may sit anywhere
      // from `lo` to `greedy.at`; take the place nearest to the run.
      const lo = leftmostAt(was, is);
      let run = this.runs.get(paragraphId);
      // The same writer, still in this paragraph, soon after, at or next to the run's change.
      const continues =
        run &&
        run.key === key &&
        now - run.lastAt <= EDIT_WINDOW_MS &&
        this.current.get(key) === paragraphId &&
        lo <= run.to &&
        greedy.at + greedy.before.length >= run.from;
      const at = continues ? Math.max(lo, Math.min(greedy.at, run!.to)) : greedy.at;
      const step = { at, before: was.slice(at, at + greedy.before.length), after: is.slice(at, at + greedy.after.length) };
      if (!continues) {
        run = { key, paragraphId, baseline: was, entryId: null, at: now, lastAt: now, from: step.at, to: step.at };
        this.runs.set(paragraphId, run);
      }
      run = run!;
      this.current.set(key, paragraphId);
      run.lastAt = now;
      // The run's region, mapped through this step and widened to what it wrote.
      const end = step.at + step.before.length;
      const shift = step.after.length - step.before.length;
      const map = (pos: number) => (pos <= step.at ? pos : pos >= end ? pos + shift : step.at);
      if (continues) {
        run.from = Math.min(map(run.from), step.at);
        run.to = Math.max(map(run.to), step.at + step.after.length);
      } else run.to = step.at + step.after.length;
      const span = changedSpan(run.baseline, is);
      if (!span || span.before === '') {
        // Nothing of the text before the run is gone: typing, or a deletion taken back.
        if (run.entryId) this.remove(run.entryId);
        wrote ||= run.entryId !== null;
        run.entryId = null;
        continue;
      }
      const entry: DirectEdit = {
        id: run.entryId ?? newId('e'),
        at: run.at,
        updatedAt: now,
        byId: writer.byId,
        by: writer.by,
        role: writer.role,
        paragraphId,
        before: span.before,
        after: span.after,
      };
      if (run.entryId) this.replace(run.entryId, entry);
      else this.edits.push([entry]);
      run.entryId = entry.id;
      wrote = true;
    }
    return wrote;
  }

  /** The server changed the text itself (a command, a revision): runs start afresh from here. */
  interrupt(): void {
    this.runs.clear();
  }

  private indexOf(id: string): number {
    for (let i = this.edits.length - 1; i >= 0; i--) if (this.edits.get(i).id === id) return i;
    return -1;
  }

  private replace(id: string, entry: DirectEdit): void {
    const i = this.indexOf(id);
    if (i < 0) {
      this.edits.push([entry]);
      return;
    }
    this.edits.delete(i, 1);
    this.edits.insert(i, [entry]);
  }

  private remove(id: string): void {
    const i = this.indexOf(id);
    if (i >= 0) this.edits.delete(i, 1);
  }
}
