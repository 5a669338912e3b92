import type { HistoryPointRecord, ParticipantRecord, RevisionRecord, SessionRecord, SessionSummaryRecord, Storage } from './storage.js';

/** A backend in process memory (tests, ephemeral servers). Copies bytes in and out like a disk would. */
export function createMemoryStorage(): Storage {
  const docs = new Map<string, { seq: number; data: Uint8Array }[]>();
  const sessions: SessionRecord[] = [];
  const participants: ParticipantRecord[] = [];
  const settings = new Map<string, string>();
  const summaries = new Map<string, SessionSummaryRecord>();
  const revisions: RevisionRecord[] = [];
  let history: HistoryPointRecord[] = [];
  const rowsOf = (doc: string) => {
    let rows = docs.get(doc);
    if (!rows) docs.set(doc, (rows = []));
    return rows;
  };
  const append = (doc: string, updates: Uint8Array[]): number => {
    const rows = rowsOf(doc);
    let seq = rows.length ? rows[rows.length - 1].seq : 0;
    for (const u of updates) rows.push({ seq: ++seq, data: u.slice() });
    return seq;
  };

  return {
    async loadUpdates(doc) {
      const rows = docs.get(doc) ?? [];
      return { updates: rows.map((r) => r.data.slice()), lastSeq: rows.length ? rows[rows.length - 1].seq : 0 };
    },
    async appendUpdates(doc, updates) {
      return append(doc, updates);
    },
    async compact(doc, snapshot, upToSeq) {
      const rest = rowsOf(doc).filter((r) => r.seq > upToSeq);
      docs.set(doc, [{ seq: upToSeq, data: snapshot.slice() }, ...rest]);
    },
    async listDocuments() {
      return [...docs.keys()].filter((d) => docs.get(d)!.length > 0).sort();
    },
    async createSession(session, chair, initialUpdate) {
      if (sessions.some((s) => s.id === session.id)) throw new Error(`session ${session.id} exists`);
      if (participants.some((p) => p.token === chair.token)) throw new Error('token exists');
      sessions.push({ ...session });
      participants.push({ ...chair });
      if (initialUpdate) append(session.id, [initialUpdate]);
    },
    async getSession(id) {
      const s = sessions.find((x) => x.id === id);
      return s && { ...s };
    },
    async listSessions() {
      return [...sessions.filter((s) => s.seed), ...sessions.filter((s) => !s.seed)].map((s) => ({ ...s }));
    },
    async saveSessionSummary(summary) {
      summaries.set(summary.sessionId, { ...summary });
    },
    async listSessionSummaries() {
      return [...summaries.values()].map((x) => ({ ...x }));
    },
    async addParticipant(p) {
      if (!sessions.some((s) => s.id === p.sessionId)) throw new Error(`no session ${p.sessionId}`);
      if (participants.some((x) => x.token === p.token)) throw new Error('token exists');
      participants.push({ ...p });
    },
    async removeParticipant(token) {
      const i = participants.findIndex((x) => x.token === token);
      if (i >= 0) participants.splice(i, 1);
      return i >= 0;
    },
    async getParticipant(token) {
      const p = participants.find((x) => x.token === token);
      return p && { ...p };
    },
    async listParticipants(sessionId) {
      return participants.filter((p) => p.sessionId === sessionId).map((p) => ({ ...p }));
    },
    async getSetting(key) {
      return settings.get(key);
    },
    async setSetting(key, value) {
      settings.set(key, value);
    },
    async saveRevision(r) {
      if (revisions.some((x) => x.id === r.id)) throw new Error(`revision ${r.id} exists`);
      revisions.push({ ...r, snapshot: r.snapshot.slice() });
    },
    async listRevisions(docName) {
      return revisions.filter((r) => r.docName === docName).map((r) => ({ ...r, snapshot: r.snapshot.slice() }));
    },
    async listRevisionSummaries(docName) {
      return revisions.filter((r) => r.docName === docName).map(({ snapshot: _s, version: _v, ...rest }) => rest);
    },
    async getRevision(docName, id) {
      const r = revisions.find((x) => x.docName === docName && x.id === id);
      return r && { ...r, snapshot: r.snapshot.slice() };
    },
    async saveHistoryPoint(p) {
      if (history.some((x) => x.id === p.id)) throw new Error(`history point ${p.id} exists`);
      history.push({ ...p, state: p.state.slice() });
    },
    async listHistory(docName) {
      return history
        .filter((p) => p.docName === docName)
        .map(({ state: _s, ...rest }, i) => ({ rest, i }))
        .sort((x, y) => (x.rest.at < y.rest.at ? -1 : x.rest.at > y.rest.at ? 1 : x.i - y.i))
        .map((x) => x.rest);
    },
    async getHistoryPoint(docName, id) {
      const p = history.find((x) => x.docName === docName && x.id === id);
      return p && { ...p, state: p.state.slice() };
    },
    async deleteHistoryPoints(docName, ids, rewritten = []) {
      const drop = new Set(ids);
      const next = new Map(rewritten.map((r) => [r.id, r]));
      history = history
        .filter((p) => p.docName !== docName || !drop.has(p.id))
        .map((p) => {
          const r = p.docName === docName ? next.get(p.id) : undefined;
          if (!r) return p;
          const { base: _old, ...rest } = p;
          return { ...rest, ...(r.base !== undefined ? { base: r.base } : {}), state: r.state.slice() };
        });
    },
    async close() {},
  };
}
