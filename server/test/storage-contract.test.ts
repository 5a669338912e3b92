import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryStorage } from '../src/storage/memory-storage.js';
import { createSqliteStorage } from '../src/storage/sqlite-storage.js';
import type { ParticipantRecord, SessionRecord, Storage } from '../src/storage/storage.js';
import { tempDir } from './helpers/test-server.js';

// One contract, every backend (automerge-repo's storage-adapter-tests in spirit).
const backends: { name: string; make(): { storage: Storage; reopen?: () => Storage; cleanup(): void } }[] = [
  { name: 'memory', make: () => ({ storage: createMemoryStorage(), cleanup() {} }) },
  {
    name: 'sqlite',
    make: () => {
      const dataDir = tempDir();
      return { storage: createSqliteStorage({ dataDir }), reopen: () => createSqliteStorage({ dataDir }), cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
];

const session = (id: string, seed = false): SessionRecord => ({ id, title: `T ${id}`, symbol: 'A/1', language: 'en', seed, createdAt: new Date().toISOString() });
const chair = (sessionId: string, token = `tok-${sessionId}`): ParticipantRecord => ({ id: `id-${token}`, token, sessionId, role: 'chair', delegation: 'Chair', color: '#000', createdAt: new Date().toISOString() });
const bytes = (...b: number[]) => new Uint8Array(b);

function textUpdate(text: string): Uint8Array {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(d);
}

for (const backend of backends) {
  describe(`storage contract: ${backend.name}`, () => {
    let h: ReturnType<typeof backend.make>;
    let s: Storage;
    beforeEach(() => {
      h = backend.make();
      s = h.storage;
    });
    afterEach(async () => {
      await s.close();
      h.cleanup();
    });

    it('loads nothing for an unknown document', async () => {
      expect(await s.loadUpdates('nope')).toEqual({ updates: [], lastSeq: 0 });
    });

    it('appends in order and returns increasing sequence numbers', async () => {
      expect(await s.appendUpdates('d', [bytes(1), bytes(2)])).toBe(2);
      expect(await s.appendUpdates('d', [bytes(3)])).toBe(3);
      expect(await s.appendUpdates('other', [bytes(9)])).toBe(1);
      const loaded = await s.loadUpdates('d');
      expect(loaded.updates.map((u) => [...u])).toEqual([[1], [2], [3]]);
      expect(loaded.lastSeq).toBe(3);
      expect(await s.listDocuments()).toEqual(['d', 'other']);
    });

    it('returns copies: mutating a loaded update does not change storage', async () => {
      const u = bytes(7, 7);
      await s.appendUpdates('d', [u]);
      u[0] = 0;
      (await s.loadUpdates('d')).updates[0][1] = 0;
      expect([...(await s.loadUpdates('d')).updates[0]]).toEqual([7, 7]);
    });

    it('compacts: a snapshot replaces rows up to seq and keeps later rows after it', async () => {
      const a = textUpdate('a');
      await s.appendUpdates('d', [a, textUpdate('b')]);
      const snapshot = Y.mergeUpdates((await s.loadUpdates('d')).updates);
      await s.appendUpdates('d', [textUpdate('c')]);
      await s.compact('d', snapshot, 2);
      const loaded = await s.loadUpdates('d');
      expect(loaded.updates.length).toBe(2);
      expect([...loaded.updates[0]]).toEqual([...snapshot]);
      expect(loaded.lastSeq).toBe(3);
      expect(await s.appendUpdates('d', [bytes(1)])).toBe(4);
      const doc = new Y.Doc();
      for (const u of loaded.updates) Y.applyUpdate(doc, u);
      expect(doc.getText('t').toString().split('').sort().join('')).toBe('abc');
    });

    it('creates a session, its chair and initial update together', async () => {
      await s.createSession(session('s1'), chair('s1'), bytes(5));
      expect(await s.getSession('s1')).toEqual(expect.objectContaining({ id: 's1', seed: false, symbol: 'A/1', title: 'T s1' }));
      expect(await s.getParticipant('tok-s1')).toEqual(expect.objectContaining({ sessionId: 's1', role: 'chair' }));
      expect((await s.loadUpdates('s1')).updates.map((u) => [...u])).toEqual([[5]]);
    });

    it('refuses a second session with the same id and leaves the first intact', async () => {
      await s.createSession(session('s1'), chair('s1'), bytes(5));
      await expect(s.createSession(session('s1'), chair('s1', 'other-token'), bytes(6))).rejects.toThrow();
      expect((await s.loadUpdates('s1')).updates.map((u) => [...u])).toEqual([[5]]);
      expect(await s.getParticipant('other-token')).toBeUndefined();
    });

    it('lists seed sessions first, then by creation', async () => {
      await s.createSession(session('a'), chair('a'));
      await s.createSession(session('b', true), chair('b'));
      await s.createSession(session('c'), chair('c'));
      expect((await s.listSessions()).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    });

    it('stores participants per session in creation order', async () => {
      await s.createSession(session('a'), chair('a'));
      await s.addParticipant({ ...chair('a', 'd1'), role: 'delegation', delegation: 'Kenya' });
      await s.addParticipant({ ...chair('a', 'o1'), role: 'observer', delegation: 'NGO' });
      expect((await s.listParticipants('a')).map((p) => p.token)).toEqual(['tok-a', 'd1', 'o1']);
      // Each keeps its stable participant id (what records are attributed to).
      expect((await s.listParticipants('a')).map((p) => p.id)).toEqual(['id-tok-a', 'id-d1', 'id-o1']);
      expect((await s.getParticipant('d1'))?.id).toBe('id-d1');
      expect(await s.listParticipants('zzz')).toEqual([]);
      await expect(s.addParticipant(chair('missing-session', 'x'))).rejects.toThrow();
    });

    it('keeps settings', async () => {
      expect(await s.getSetting('k')).toBeUndefined();
      await s.setSetting('k', 'v1');
      await s.setSetting('k', 'v2');
      expect(await s.getSetting('k')).toBe('v2');
    });

    it('keeps one summary per session, the latest written', async () => {
      expect(await s.listSessionSummaries()).toEqual([]);
      const summary = { sessionId: 'a', symbol: 'A/RES/1/1', title: 'T', language: 'en', revisionLabel: '', lastActivity: '2026-01-01T00:00:00.000Z', openBrackets: 3 };
      await s.saveSessionSummary(summary);
      await s.saveSessionSummary({ ...summary, sessionId: 'b', title: 'U' });
      await s.saveSessionSummary({ ...summary, revisionLabel: 'Rev.1', openBrackets: 0 });
      const listed = (await s.listSessionSummaries()).sort((x, y) => x.sessionId.localeCompare(y.sessionId));
      expect(listed).toEqual([{ ...summary, revisionLabel: 'Rev.1', openBrackets: 0 }, { ...summary, sessionId: 'b', title: 'U' }]);
    });

    it('keeps revisions beside the live document', async () => {
      await s.saveRevision({ id: 'r1', docName: 'd', label: 'Rev.1', createdAt: 'x', snapshot: bytes(1, 2) });
      await s.saveRevision({ id: 'r2', docName: 'd', label: 'Rev.2', createdAt: 'y', snapshot: bytes(3) });
      const revs = await s.listRevisions('d');
      expect(revs.map((r) => [r.label, [...r.snapshot]])).toEqual([['Rev.1', [1, 2]], ['Rev.2', [3]]]);
    });

    it('keeps revision details and versions, lists summaries without the heavy fields, finds one by id', async () => {
      await s.saveRevision({ id: 'r1', docName: 'd', label: 'Rev.1', createdAt: 'x', snapshot: bytes(1), info: '{"note":"n"}', version: '{"label":"Rev.1"}' });
      await s.saveRevision({ id: 'r2', docName: 'd', label: 'Rev.2', createdAt: 'y', snapshot: bytes(2) });
      await s.saveRevision({ id: 'r3', docName: 'other', label: 'Rev.1', createdAt: 'z', snapshot: bytes(3) });
      await expect(s.saveRevision({ id: 'r1', docName: 'd', label: 'again', createdAt: 'x', snapshot: bytes(1) })).rejects.toThrow();
      expect(await s.listRevisionSummaries('d')).toEqual([
        { id: 'r1', docName: 'd', label: 'Rev.1', createdAt: 'x', info: '{"note":"n"}' },
        { id: 'r2', docName: 'd', label: 'Rev.2', createdAt: 'y' },
      ]);
      const r1 = await s.getRevision('d', 'r1');
      expect(r1 && { ...r1, snapshot: [...r1.snapshot] }).toEqual({ id: 'r1', docName: 'd', label: 'Rev.1', createdAt: 'x', snapshot: [1], info: '{"note":"n"}', version: '{"label":"Rev.1"}' });
      expect(await s.getRevision('other', 'r1')).toBeUndefined();
      expect(await s.getRevision('d', 'nope')).toBeUndefined();
    });

    it('keeps history points per document in time order and deletes the ones asked for', async () => {
      const point = (id: string, at: string, docName = 'd') => ({ id, docName, at, reason: 'editing', state: bytes(id.length, 9) });
      await s.saveHistoryPoint(point('h2', '2026-01-02T00:00:00.000Z'));
      await s.saveHistoryPoint(point('h1', '2026-01-01T00:00:00.000Z'));
      await s.saveHistoryPoint(point('h3', '2026-01-02T00:00:00.000Z'));
      await s.saveHistoryPoint(point('x1', '2026-01-01T00:00:00.000Z', 'other'));
      await expect(s.saveHistoryPoint(point('h1', '2026-01-05T00:00:00.000Z'))).rejects.toThrow();
      expect((await s.listHistory('d')).map((p) => p.id)).toEqual(['h1', 'h2', 'h3']);
      expect((await s.listHistory('d'))[0]).toEqual({ id: 'h1', docName: 'd', at: '2026-01-01T00:00:00.000Z', reason: 'editing' });
      const h2 = await s.getHistoryPoint('d', 'h2');
      expect(h2 && [...h2.state]).toEqual([2, 9]);
      expect(await s.getHistoryPoint('other', 'h2')).toBeUndefined();
      await s.deleteHistoryPoints('d', ['h1', 'h3', 'x1', 'unknown']);
      expect((await s.listHistory('d')).map((p) => p.id)).toEqual(['h2']);
      expect((await s.listHistory('other')).map((p) => p.id)).toEqual(['x1']);
    });

    it('keeps a change point’s base, and rewrites dependants in the same call that deletes their base', async () => {
      await s.saveHistoryPoint({ id: 'c1', docName: 'd', at: '2026-01-01T00:00:00.000Z', reason: 'editing', state: bytes(1) });
      await s.saveHistoryPoint({ id: 'c2', docName: 'd', at: '2026-01-01T01:00:00.000Z', reason: 'editing', base: 'c1', state: bytes(2) });
      await s.saveHistoryPoint({ id: 'c3', docName: 'd', at: '2026-01-01T02:00:00.000Z', reason: 'editing', base: 'c2', state: bytes(3) });
      expect((await s.listHistory('d')).map((p) => p.base ?? null)).toEqual([null, 'c1', 'c2']);
      expect((await s.getHistoryPoint('d', 'c2'))?.base).toBe('c1');
      expect((await s.getHistoryPoint('d', 'c1'))?.base).toBeUndefined();
      // Drop c1 and c2: c3 becomes a checkpoint holding all three.
      await s.deleteHistoryPoints('d', ['c1', 'c2'], [{ id: 'c3', state: bytes(7, 7) }]);
      const c3 = await s.getHistoryPoint('d', 'c3');
      expect(c3 && { base: c3.base, state: [...c3.state] }).toEqual({ base: undefined, state: [7, 7] });
      expect(await s.listHistory('d')).toEqual([{ id: 'c3', docName: 'd', at: '2026-01-01T02:00:00.000Z', reason: 'editing' }]);
      await s.saveHistoryPoint({ id: 'c4', docName: 'd', at: '2026-01-01T03:00:00.000Z', reason: 'editing', base: 'c3', state: bytes(4) });
      await s.deleteHistoryPoints('d', [], [{ id: 'c4', base: 'c3', state: bytes(5) }]);
      expect((await s.getHistoryPoint('d', 'c4'))?.base).toBe('c3');
    });

    if (backend.name === 'sqlite') {
      it('is durable across reopen', async () => {
        await s.createSession(session('s1'), chair('s1'), bytes(5));
        await s.appendUpdates('s1', [bytes(6)]);
        await s.close();
        s = h.reopen!();
        expect((await s.loadUpdates('s1')).updates.map((u) => [...u])).toEqual([[5], [6]]);
        expect(await s.getSession('s1')).toBeDefined();
      });

      it('keeps session summaries across reopen', async () => {
        const summary = { sessionId: 's1', symbol: '', title: 'T', language: 'zh', revisionLabel: 'Rev.2', lastActivity: '2026-01-01T00:00:00.000Z', openBrackets: 7 };
        await s.saveSessionSummary(summary);
        await s.close();
        s = h.reopen!();
        expect(await s.listSessionSummaries()).toEqual([summary]);
      });

      it('keeps revisions and history across reopen', async () => {
        await s.saveRevision({ id: 'r1', docName: 'd', label: 'Rev.1', createdAt: 'x', snapshot: bytes(1), info: '{}', version: '{}' });
        await s.saveHistoryPoint({ id: 'h1', docName: 'd', at: 'a', reason: 'decision', state: bytes(4) });
        await s.close();
        s = h.reopen!();
        expect((await s.getRevision('d', 'r1'))?.version).toBe('{}');
        expect((await s.listHistory('d')).map((p) => p.reason)).toEqual(['decision']);
      });

      it('opens a database made before revisions had details (adds the columns, keeps the rows)', async () => {
        const dataDir = tempDir();
        const old = new Database(join(dataDir, 'accord.sqlite'));
        old.exec('CREATE TABLE revisions (id TEXT PRIMARY KEY, doc TEXT NOT NULL, label TEXT NOT NULL, created_at TEXT NOT NULL, snapshot BLOB NOT NULL, ord INTEGER NOT NULL)');
        old.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?, 1)').run('r0', 'd', 'Rev.0', 'x', Buffer.from([7]));
        old.close();
        const upgraded = createSqliteStorage({ dataDir });
        try {
          expect(await upgraded.getRevision('d', 'r0')).toEqual({ id: 'r0', docName: 'd', label: 'Rev.0', createdAt: 'x', snapshot: new Uint8Array([7]) });
          await upgraded.saveRevision({ id: 'r1', docName: 'd', label: 'Rev.1', createdAt: 'y', snapshot: bytes(1), info: '{}' });
          expect((await upgraded.listRevisionSummaries('d')).map((r) => r.id)).toEqual(['r0', 'r1']);
        } finally {
          await upgraded.close();
          rmSync(dataDir, { recursive: true, force: true });
        }
      });

      it('opens a database made before participants had ids: the first chair is `chair`, others get stable ids', async () => {
        const dataDir = tempDir();
        const old = new Database(join(dataDir, 'accord.sqlite'));
        old.exec('CREATE TABLE sessions (id TEXT PRIMARY KEY, title TEXT NOT NULL, symbol TEXT NOT NULL, language TEXT NOT NULL, seed INTEGER NOT NULL, created_at TEXT NOT NULL, ord INTEGER NOT NULL)');
        old.exec('CREATE TABLE participants (token TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), role TEXT NOT NULL, delegation TEXT NOT NULL, color TEXT NOT NULL, created_at TEXT NOT NULL, ord INTEGER NOT NULL)');
        old.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, 0, ?, 1)').run('s1', 'T', '', 'en', 'x');
        old.prepare('INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?, ?)').run('tok-chair', 's1', 'chair', 'Chair', '#000', 'x', 1);
        old.prepare('INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?, ?)').run('tok-kenya', 's1', 'delegation', 'Kenya', '#111', 'x', 2);
        old.close();
        const open = () => createSqliteStorage({ dataDir });
        let upgraded = open();
        try {
          const ids = (await upgraded.listParticipants('s1')).map((p) => p.id);
          expect(ids[0]).toBe('chair');
          expect(ids[1]).toMatch(/^p[0-9a-f]{15}$/);
          expect(ids[1]).not.toContain('tok-kenya');
          await upgraded.close();
          upgraded = open();
          expect((await upgraded.listParticipants('s1')).map((p) => p.id)).toEqual(ids);
        } finally {
          await upgraded.close();
          rmSync(dataDir, { recursive: true, force: true });
        }
      });
    }
  });
}
