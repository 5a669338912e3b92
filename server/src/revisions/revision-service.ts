import * as Y from 'yjs';
import { newId, Y_BODY, Y_META, Y_PARAGRAPHS, Y_PROPOSALS } from '@accord/shared';
import { closeAtRevision, openSilences, readRoom, silenceLockMessage, writeBody, Y_DECISIONS } from '@accord/shared/brackets/index';
import type { Renumbering, VersionSnapshot } from '@accord/shared/diff/index';
import type { FlaggedReference, ReferenceRewrite } from '@accord/shared/references/index';
import { renumberAtRevision, type RevisionPreview, type VersionText } from '@accord/shared/revisions/index';
import type { Room } from '../collab/room.js';
import type { Rooms } from '../collab/rooms.js';
import { HttpError } from '../http/errors.js';
import type { HistoryPointSummary, RevisionSummary, Storage } from '../storage/storage.js';
import { heavyWork } from '../work/heavy-work.js';
import { readStoredState, readTextState, versionOf, type VersionSource } from './frozen-text.js';
import type { HistoryRecorder } from './history-recorder.js';
import { historyPointUpdates } from './history-state.js';
import { replaceLiveText } from './replace-live-text.js';
import { SessionQueue } from './session-queue.js';
import type { VersionRef } from './version-ref.js';

/** A revision as the API lists it. */
export interface RevisionView {
  id: string;
  label: string;
  date: string;
  note: string;
  createdAt: string;
  by: string;
  renumbering: Renumbering[];
  /** Paragraph references the revision rewrote to the new numbers. */
  references: ReferenceRewrite[];
  /** References it left as written (target deleted, missing or unclear), as the chair was shown them. */
  flaggedReferences: FlaggedReference[];
}

export interface IssueInput {
  label: string;
  date?: string;
  note?: string;
  /** Who issues it (the chair's delegation name). */
  by: string;
}

type RevisionInfo = Omit<RevisionView, 'id' | 'label' | 'createdAt'>;


/** Why a version cannot be served: the route turns these into 404/400. */
export class VersionNotFound extends Error {}

function viewOf(r: RevisionSummary): RevisionView {
  const info: Partial<RevisionInfo> = r.info ? (JSON.parse(r.info) as Partial<RevisionInfo>) : {};
  return {
    id: r.id,
    label: r.label,
    date: info.date ?? r.createdAt.slice(0, 10),
    note: info.note ?? '',
    createdAt: r.createdAt,
    by: info.by ?? '',
    renumbering: info.renumbering ?? [],
    references: info.references ?? [],
    flaggedReferences: info.flaggedReferences ?? [],
  };
}

/** BR91: a revision or a restore rewrites the text, so it waits until no silence is open. */
function refuseUnderSilence(room: Room): void {
  const open = openSilences({ room: readRoom(room.doc) })[0];
  if (open) throw new HttpError(423, 'paragraph_locked', `${silenceLockMessage(open, open.paragraphIds ? 'Part of the text' : null)}: no revision or restore until then`);
}

const historyLabel = (p: { at: string }) => `History ${p.at.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Named revisions, restore and the versions compare reads. Every change to the live text goes
 * through room.change (stored, relayed, acknowledged like a client's edit); issuing and
 * restoring are serialised per session.
 */
export class RevisionService {
  private readonly queue = new SessionQueue();

  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    readonly history: HistoryRecorder,
    private readonly now: () => number = Date.now,
  ) {}

  async list(sessionId: string): Promise<RevisionView[]> {
    return (await this.storage.listRevisionSummaries(sessionId)).map(viewOf);
  }

  /** Newest first. */
  async historyPoints(sessionId: string): Promise<Array<Pick<HistoryPointSummary, 'id' | 'at' | 'reason'>>> {
    await this.history.flushed();
    return (await this.storage.listHistory(sessionId)).reverse().map(({ id, at, reason }) => ({ id, at, reason }));
  }

  async get(sessionId: string, id: string): Promise<RevisionView & { snapshot: VersionSnapshot }> {
    const r = await this.storage.getRevision(sessionId, id);
    if (!r) throw new VersionNotFound(`no revision ${id}`);
    const view = viewOf(r);
    const snapshot = r.version ? (JSON.parse(r.version) as VersionSnapshot) : versionOf(readStoredState(r.snapshot), r.label, view.renumbering);
    return { ...view, snapshot };
  }

  /** A version for comparison, with when it was taken (the live text: now); read by snapshotOf. */
  async versionSource(sessionId: string, ref: VersionRef): Promise<VersionSource> {
    if (ref.kind === 'rev') {
      const r = await this.get(sessionId, ref.id);
      return { label: r.label, at: r.createdAt, snapshot: r.snapshot };
    }
    if (ref.kind === 'history') {
      const p = await this.storage.getHistoryPoint(sessionId, ref.id);
      if (!p) throw new VersionNotFound(`no history point ${ref.id}`);
      return { label: historyLabel(p), at: p.at, updates: [...(await historyPointUpdates(this.storage, p))] };
    }
    return this.withRoom(sessionId, (room) => ({ label: 'Live text', at: new Date(this.now()).toISOString(), updates: [Y.encodeStateAsUpdate(room.doc)] }));
  }

  /** One version with its meta (symbol, title, language): what the print view lays out. */
  async text(sessionId: string, ref: VersionRef): Promise<VersionText> {
    if (ref.kind === 'rev') {
      const r = await this.storage.getRevision(sessionId, ref.id);
      if (!r) throw new VersionNotFound(`no revision ${ref.id}`);
      const view = viewOf(r);
      const s = readStoredState(r.snapshot);
      const snapshot = r.version ? (JSON.parse(r.version) as VersionSnapshot) : versionOf(s, r.label, view.renumbering);
      return { label: r.label, date: view.date, at: r.createdAt, meta: { ...s.meta, revisionLabel: r.label }, snapshot };
    }
    if (ref.kind === 'history') {
      const p = await this.storage.getHistoryPoint(sessionId, ref.id);
      if (!p) throw new VersionNotFound(`no history point ${ref.id}`);
      const s = readStoredState(await historyPointUpdates(this.storage, p));
      return { label: historyLabel(p), date: p.at.slice(0, 10), at: p.at, meta: s.meta, snapshot: versionOf(s, historyLabel(p)) };
    }
    const at = new Date(this.now()).toISOString();
    return this.withRoom(sessionId, (room) => {
      const s = readTextState(room.doc);
      return { label: 'Live text', date: at.slice(0, 10), at, meta: s.meta, snapshot: versionOf(s, 'Live text') };
    });
  }

  /**
   * A version as Y.Doc state, whatever its kind (exports read meta, proposals and statuses from it):
   * a revision's frozen state, a history point's checkpoint and changes, or the live text now.
   */
  async versionState(sessionId: string, ref: VersionRef): Promise<{ label: string; at: string; updates: Uint8Array[] }> {
    if (ref.kind === 'rev') {
      const r = await this.storage.getRevision(sessionId, ref.id);
      if (!r) throw new VersionNotFound(`no revision ${ref.id}`);
      return { label: r.label, at: r.createdAt, updates: [r.snapshot] };
    }
    const source = await this.versionSource(sessionId, ref);
    if (!('updates' in source)) throw new Error('unreachable: only revisions are snapshots');
    return source;
  }

  /** The live text's Y.Doc state: its proposal records, decision log and direct edits. */
  liveState(sessionId: string): Promise<Uint8Array> {
    return this.withRoom(sessionId, (room) => Y.encodeStateAsUpdate(room.doc));
  }

  /**
   * Both sides of a comparison. A revision's renumbering ("5 bis → 6") describes how labels
   * changed when it was issued, so it applies only when `from` is older than `to`; comparing
   * backwards (Rev.2 → Rev.1) shows each side's own labels.
   */
  async comparePair(sessionId: string, from: VersionRef, to: VersionRef): Promise<[VersionSource, VersionSource]> {
    const [a, b] = await Promise.all([this.versionSource(sessionId, from), this.versionSource(sessionId, to)]);
    if ('snapshot' in b && b.snapshot.renumbering && !(a.at < b.at)) {
      const { renumbering: _dropped, ...rest } = b.snapshot;
      return [a, { ...b, snapshot: rest }];
    }
    return [a, b];
  }

  /**
   * What issuing a revision now would do (the same renumberAtRevision as `issue`, on the live text,
   * nothing written): label changes, references rewritten, references flagged for the chair. It
   * reads the whole text, so a large one is read in the worker (work/heavy-tasks.ts).
   */
  async preview(sessionId: string): Promise<RevisionPreview> {
    const state = await this.withRoom(sessionId, (room) => Y.encodeStateAsUpdate(room.doc));
    return heavyWork.run('revisionPreview', { state }, state.length);
  }

  /**
   * Issues a revision: renumbers the live text (bis/ter → clean numbers, struck text and deleted
   * paragraphs dropped, paragraph references rewritten to the new numbers, revisionLabel set) in one
   * change, then freezes it. A history point of the text as it was comes first, so the
   * pre-revision text (with its struck passages) stays comparable.
   */
  issue(sessionId: string, input: IssueInput): Promise<RevisionView> {
    return this.queue.run(sessionId, () =>
      this.withRoom(sessionId, async (room) => {
        refuseUnderSilence(room);
        await this.history.record(sessionId, room.doc, 'before-revision');
        const live = readTextState(room.doc);
        const cleanup = renumberAtRevision(live.doc, (id) => live.paragraphs[id]?.status);
        const paragraphs = { ...live.paragraphs };
        for (const id of cleanup.removed) delete paragraphs[id];
        const at = this.now();
        // BR34: proposals whose text the revision drops are closed, recorded in the decision log.
        const closed = closeAtRevision(live.proposals, cleanup.doc, { id: newId('d'), at, by: input.by, label: input.label });
        const proposals = { ...live.proposals };
        for (const p of closed.proposals) proposals[p.id] = p;
        const renumbered = room.change((ydoc) => {
          if (cleanup.doc !== live.doc) writeBody(ydoc, ydoc.getXmlFragment(Y_BODY), live.doc, cleanup.doc);
          const states = ydoc.getMap(Y_PARAGRAPHS);
          for (const id of cleanup.removed) states.delete(id);
          const records = ydoc.getMap(Y_PROPOSALS);
          for (const p of closed.proposals) records.set(p.id, p);
          ydoc.getArray(Y_DECISIONS).push([closed.entry]);
          ydoc.getMap(Y_META).set('revisionLabel', input.label);
        });
        const createdAt = new Date(at).toISOString();
        const info: RevisionInfo = {
          date: input.date ?? createdAt.slice(0, 10),
          note: input.note ?? '',
          by: input.by,
          renumbering: cleanup.renumbering,
          references: cleanup.references,
          flaggedReferences: cleanup.flagged,
        };
        const frozen = versionOf({ ...live, doc: cleanup.doc, paragraphs, proposals, meta: { ...live.meta, revisionLabel: input.label } }, input.label, cleanup.renumbering);
        const record = {
          id: newId('r'),
          docName: sessionId,
          label: input.label,
          createdAt,
          snapshot: Y.encodeStateAsUpdate(room.doc),
          info: JSON.stringify(info),
          version: JSON.stringify(frozen),
        };
        await this.storage.saveRevision(record);
        await renumbered;
        return viewOf(record);
      }),
    );
  }

  /**
   * Restores the live text to a stored version: first a history point of the live text, then one
   * change that makes body, meta, proposals and paragraph statuses equal to the stored ones.
   */
  restore(sessionId: string, ref: VersionRef): Promise<{ restored: string; historyPoint: Pick<HistoryPointSummary, 'id' | 'at' | 'reason'> }> {
    return this.queue.run(sessionId, async () => {
      let state: Uint8Array | Uint8Array[];
      if (ref.kind === 'rev') {
        const r = await this.storage.getRevision(sessionId, ref.id);
        if (!r) throw new VersionNotFound(`no revision ${ref.id}`);
        state = r.snapshot;
      } else if (ref.kind === 'history') {
        const p = await this.storage.getHistoryPoint(sessionId, ref.id);
        if (!p) throw new VersionNotFound(`no history point ${ref.id}`);
        state = await historyPointUpdates(this.storage, p);
      } else throw new VersionNotFound('the live text cannot be restored onto itself');
      const target = readStoredState(state);
      return this.withRoom(sessionId, async (room) => {
        refuseUnderSilence(room);
        const point = await this.history.record(sessionId, room.doc, 'before-restore');
        await room.change((ydoc) => replaceLiveText(ydoc, target));
        const { id, at, reason } = point!;
        return { restored: ref.kind === 'rev' ? `rev:${ref.id}` : `history:${ref.id}`, historyPoint: { id, at, reason } };
      });
    });
  }

  private async withRoom<T>(sessionId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.rooms.acquire(sessionId);
    try {
      return await fn(room);
    } finally {
      this.rooms.release(room);
    }
  }
}
