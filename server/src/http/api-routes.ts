import { Router, type Request } from 'express';
import type { Rooms } from '../collab/rooms.js';
import { commandRoutes } from '../commands/command-routes.js';
import { floorRoutes } from '../commands/floor-routes.js';
import { silenceRoutes } from '../commands/silence-routes.js';
import { ROLES, type Role } from '@accord/shared/protocol';
import * as Y from 'yjs';
import { addParticipant, createSession, nameClash, sessionLink } from '../sessions/sessions.js';
import { groupNames, groupRoutes } from '../groups/group-routes.js';
import type { ParticipantRecord, SessionRecord, SessionSummaryRecord, Storage } from '../storage/storage.js';
import type { SessionSummaries } from '../sessions/session-summaries.js';
import { revisionRoutes } from '../revisions/revision-routes.js';
import { bearer, isAdmin, requireChair, requireIdentity } from './auth.js';
import { HttpError } from './errors.js';
import type { FairShare } from '../limits/fair-share.js';
import { CLOSE_POLICY_VIOLATION } from '../collab/protocol-error.js';
import { heavyWork } from '../work/heavy-work.js';
import { EXPORT_FORMATS, isExportFormat } from '../export/export-formats.js';
import { VersionNotFound, type RevisionService } from '../revisions/revision-service.js';
import { formatVersionRef, parseVersionRef } from '../revisions/version-ref.js';

export interface ApiContext {
  storage: Storage;
  adminKey: string;
  rooms: Rooms;
  /** POST /api/sessions without the organiser (admin) key (default false). */
  openSessionCreation: boolean;
  /** Revisions, history, restore, compare (server/src/revisions). */
  revisions: RevisionService;
  /** Limits and live connections (server/src/limits). */
  fairShare: FairShare;
  /** What the session list shows of each text, without reading documents. */
  summaries: SessionSummaries;
}

const MAX_TEXT = 10_000_000;
/** Base64 of a .docx: about 11 MB of file within the 16 MB JSON body limit (create-accord-server.ts). */
const MAX_DOCX_BASE64 = 15_000_000;

function optionalString(body: Record<string, unknown>, key: string, max: number): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new HttpError(400, 'bad-input', `${key} must be a string`);
  if (v.length > max) throw new HttpError(400, 'bad-input', `${key} is longer than ${max} characters`);
  return v;
}

function bodyOf(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new HttpError(400, 'bad-input', 'expected a JSON object body');
  return b as Record<string, unknown>;
}

const participantView = (p: ParticipantRecord) => ({ id: p.id, role: p.role, delegation: p.delegation, color: p.color, token: p.token, link: sessionLink(p.sessionId, p.token) });

/** REST API of docs/api.md (contract: docs/CONTRACTS.md). */
export function apiRoutes(ctx: ApiContext): Router {
  const { storage, adminKey, rooms } = ctx;
  const r = Router();

  r.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  /** A session as the list shows it to a viewer with `role` in it (summary: sessions/session-summaries.ts). */
  const listed = (s: SessionRecord, summary: SessionSummaryRecord | undefined, role: Role, organiser: boolean) => ({
    ...s,
    title: summary?.title || s.title,
    symbol: summary?.symbol || s.symbol,
    language: summary?.language || s.language,
    revisionLabel: summary?.revisionLabel ?? '',
    lastActivity: summary?.lastActivity ?? s.createdAt,
    openBrackets: summary?.openBrackets ?? null,
    role,
    organiser,
  });

  r.get('/sessions', async (req, res) => {
    const token = bearer(req);
    if (!token) throw new HttpError(401, 'unauthorized', 'missing Authorization: Bearer <token>');
    const chairOf = async (s: SessionRecord) => (await storage.listParticipants(s.id)).find((p) => p.role === 'chair');
    if (isAdmin(req, adminKey)) {
      const sessions = await storage.listSessions();
      const summaries = await ctx.summaries.of(sessions);
      const out = [];
      for (const s of sessions) {
        const chair = await chairOf(s);
        out.push({ ...listed(s, summaries.get(s.id), 'chair', true), chairToken: chair?.token ?? null, chairLink: chair ? sessionLink(s.id, chair.token) : null });
      }
      return void res.json(out);
    }
    // A participant token lists its own session only, with its own role there.
    const p = await storage.getParticipant(token);
    const session = p && (await storage.getSession(p.sessionId));
    if (!p || !session) throw new HttpError(401, 'unauthorized', 'invalid token');
    const entry = listed(session, (await ctx.summaries.of([session])).get(session.id), p.role, false);
    res.json([p.role === 'chair' ? { ...entry, chairToken: p.token, chairLink: sessionLink(session.id, p.token) } : entry]);
  });

  r.post('/sessions', async (req, res) => {
    // Importing a text is work for the server: only the organiser starts it, unless the operator
    // opened session creation to everyone (ACCORD_OPEN_SESSION_CREATION=1).
    const token = bearer(req);
    if (!isAdmin(req, adminKey)) {
      if (!ctx.openSessionCreation) throw new HttpError(401, 'unauthorized', 'creating sessions needs the organiser key');
      if (token && !(await storage.getParticipant(token))) throw new HttpError(401, 'unauthorized', 'invalid token');
    }
    const body = bodyOf(req);
    const title = optionalString(body, 'title', 500);
    const text = optionalString(body, 'text', MAX_TEXT);
    const docxBase64 = optionalString(body, 'docx', MAX_DOCX_BASE64);
    if (text?.trim() && docxBase64) throw new HttpError(400, 'bad-input', 'give either text or docx, not both');
    if (docxBase64 !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(docxBase64)) throw new HttpError(400, 'bad-input', 'docx must be the file in base64');
    const docx = docxBase64 ? new Uint8Array(Buffer.from(docxBase64, 'base64')) : undefined;
    if (!title?.trim() && !text?.trim() && !docx) throw new HttpError(400, 'bad-input', 'title (or text, or docx) is required');
    const { session, chair, warnings } = await createSession(storage, {
      title: title?.trim(),
      text,
      docx,
      symbol: optionalString(body, 'symbol', 200),
      language: optionalString(body, 'language', 35),
    }).catch((err: unknown) => {
      if (!docx) throw err;
      // Whatever mammoth or the zip reader could not read is the file's fault, not the server's.
      const reason = err instanceof Error ? err.message.replace(/^heavy work failed: /, '').split('\n')[0].replace(/^\w*Error: /, '') : String(err);
      throw new HttpError(400, 'bad-docx', `the Word file could not be read: ${reason}`);
    });
    res.status(201).json({ session, chairToken: chair.token, chairLink: sessionLink(session.id, chair.token), warnings });
  });

  r.get('/sessions/:id', async (req, res) => {
    const me = await requireIdentity(req, storage, adminKey, req.params.id);
    const session = await storage.getSession(req.params.id);
    res.json({ session, me: { role: me.role, id: me.participantId, delegation: me.delegation, color: me.color } });
  });

  /** Reads the live document (loading it if no one is connected) and converts it with `fn`. */
  async function withDocument<T>(id: string, fn: (room: Awaited<ReturnType<Rooms['acquire']>>) => T): Promise<T> {
    let room;
    try {
      room = await rooms.acquire(id);
    } catch {
      throw new HttpError(500, 'load-failed', 'the document could not be loaded');
    }
    try {
      return fn(room);
    } catch (err) {
      console.error(`Accord: reading ${id} failed`, err);
      throw new HttpError(500, 'schema-mismatch', 'the document does not fit the schema');
    } finally {
      rooms.release(room);
    }
  }

  /** Whole-text work runs in the worker (work/heavy-work.ts); a body the schema rejects fails there. */
  const schemaMismatch = (id: string) => (err: unknown): never => {
    console.error(`Accord: reading ${id} failed`, err);
    throw new HttpError(500, 'schema-mismatch', 'the document does not fit the schema');
  };

  r.get('/sessions/:id/document', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    const state = await withDocument(req.params.id, (room) => Y.encodeStateAsUpdate(room.doc));
    res.type('application/json').send(await heavyWork.run('document', { state }, state.length).catch(schemaMismatch(req.params.id)));
  });

  r.get('/sessions/:id/export', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    const format = req.query.format ?? 'txt';
    if (!isExportFormat(format)) throw new HttpError(400, 'bad-format', `supported formats: ${Object.keys(EXPORT_FORMATS).join(', ')}`);
    const ref = parseVersionRef(req.query.version ?? 'live');
    if (!ref) throw new HttpError(400, 'bad-version', 'version must be live, rev:<id> or history:<id>');
    let version;
    try {
      version = await ctx.revisions.versionState(req.params.id, ref);
    } catch (err) {
      if (err instanceof VersionNotFound) throw new HttpError(404, 'no-version', err.message);
      throw new HttpError(500, 'load-failed', 'the document could not be loaded');
    }
    const size = version.updates.reduce((n, u) => n + u.length, 0);
    const file = await heavyWork.run('export', { updates: version.updates, format, at: Date.parse(version.at), name: req.params.id }, size).catch(schemaMismatch(req.params.id));
    const { ext, contentType } = EXPORT_FORMATS[format];
    const suffix = ref.kind === 'live' ? '' : `-${formatVersionRef(ref).replace(/[^A-Za-z0-9_-]+/g, '_')}`;
    // attachment() sets a type from the extension: the table's type goes last.
    res.attachment(`${req.params.id}${suffix}.${ext}`).type(contentType).send(typeof file === 'string' ? file : Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  });

  r.post('/sessions/:id/participants', async (req, res) => {
    const me = await requireIdentity(req, storage, adminKey, req.params.id);
    requireChair(me);
    const body = bodyOf(req);
    const role = body.role;
    if (typeof role !== 'string' || !ROLES.includes(role as Role)) throw new HttpError(400, 'bad-input', `role must be one of ${ROLES.join(', ')}`);
    const delegation = optionalString(body, 'delegation', 100)?.trim();
    if (!delegation) throw new HttpError(400, 'bad-input', 'delegation is required');
    // Names are unique in a session across roles and groups (identity is the id; the name is what
    // people read, so two "Kenya"s would still mislead the room).
    const groups = await withDocument(req.params.id, groupNames);
    const clash = nameClash(await storage.listParticipants(req.params.id), groups, role as Role, delegation);
    if (clash) throw new HttpError(409, 'name-taken', clash);
    const p = await addParticipant(storage, req.params.id, role as Role, delegation);
    const view = participantView(p);
    res.status(201).json({ participant: { id: p.id, sessionId: p.sessionId, role: p.role, delegation: p.delegation, color: p.color }, token: view.token, link: view.link });
  });

  /**
   * Revokes a participant (`:pid` is its participant id; its token is accepted too) and closes its
   * live connections (1008); its reconnects are refused 401.
   */
  r.delete('/sessions/:id/participants/:pid', async (req, res) => {
    const me = await requireIdentity(req, storage, adminKey, req.params.id);
    requireChair(me);
    const p = (await storage.listParticipants(req.params.id)).find((x) => x.id === req.params.pid) ?? (await storage.getParticipant(req.params.pid));
    if (!p || p.sessionId !== req.params.id) throw new HttpError(404, 'no-participant', 'no such participant in this session');
    await storage.removeParticipant(p.token);
    const closed = ctx.fairShare.closeToken(p.token, CLOSE_POLICY_VIOLATION, 'access revoked');
    res.json({ revoked: true, closedConnections: closed });
  });

  r.get('/sessions/:id/participants', async (req, res) => {
    const me = await requireIdentity(req, storage, adminKey, req.params.id);
    requireChair(me);
    res.json((await storage.listParticipants(req.params.id)).map(participantView));
  });

  r.use(revisionRoutes({ storage, adminKey, revisions: ctx.revisions }));
  r.use(commandRoutes({ storage, adminKey, rooms, fairShare: ctx.fairShare }));
  r.use(floorRoutes({ storage, adminKey, rooms, fairShare: ctx.fairShare }));
  r.use(silenceRoutes({ storage, adminKey, rooms, fairShare: ctx.fairShare }));
  r.use(groupRoutes({ storage, adminKey, rooms }));

  r.use((_req, _res) => {
    throw new HttpError(404, 'not-found', 'no such API endpoint');
  });
  return r;
}
