import { Router, type Request } from 'express';
import { requireChair, requireIdentity } from '../http/auth.js';
import { HttpError } from '../http/errors.js';
import { heavyWork } from '../work/heavy-work.js';
import type { Storage } from '../storage/storage.js';
import { RevisionService, VersionNotFound } from './revision-service.js';
import { sourceSize } from './frozen-text.js';
import { parseVersionRef, type VersionRef } from './version-ref.js';

export interface RevisionRoutesContext {
  storage: Storage;
  adminKey: string;
  revisions: RevisionService;
}

function stringField(req: Request, key: string, max: number, required: boolean): string | undefined {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'bad-input', 'expected a JSON object body');
  const v = (body as Record<string, unknown>)[key];
  if (v === undefined || v === null || v === '') {
    if (required) throw new HttpError(400, 'bad-input', `${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw new HttpError(400, 'bad-input', `${key} must be a string`);
  const trimmed = v.trim();
  if (required && !trimmed) throw new HttpError(400, 'bad-input', `${key} is required`);
  if (trimmed.length > max) throw new HttpError(400, 'bad-input', `${key} is longer than ${max} characters`);
  return trimmed;
}

function refParam(value: unknown, name: string): VersionRef {
  const ref = parseVersionRef(value);
  if (!ref) throw new HttpError(400, 'bad-version', `${name} must be live, rev:<id> or history:<id>`);
  return ref;
}

async function notFoundAs404<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof VersionNotFound) throw new HttpError(404, 'no-version', err.message);
    throw err;
  }
}

const flag = (v: unknown) => v === '1' || v === 'true';

/** Revisions, history, restore and compare (docs/api.md, "Revisions and compare"). */
export function revisionRoutes(ctx: RevisionRoutesContext): Router {
  const { storage, adminKey, revisions } = ctx;
  const r = Router();

  r.get('/sessions/:id/revisions', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    res.json(await revisions.list(req.params.id));
  });

  r.post('/sessions/:id/revisions', async (req, res) => {
    const me = await requireIdentity(req, storage, adminKey, req.params.id);
    requireChair(me);
    const label = stringField(req, 'label', 200, true)!;
    const date = stringField(req, 'date', 100, false);
    const note = stringField(req, 'note', 4000, false);
    res.status(201).json(await revisions.issue(req.params.id, { label, date, note, by: me.delegation }));
  });

  // Before `/revisions/:rev`: what issuing would do now, for the chair's dialog.
  r.get('/sessions/:id/revisions/preview', async (req, res) => {
    const me = await requireIdentity(req, storage, adminKey, req.params.id);
    requireChair(me);
    res.json(await revisions.preview(req.params.id));
  });

  r.get('/sessions/:id/revisions/:rev', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    res.json(await notFoundAs404(revisions.get(req.params.id, req.params.rev)));
  });

  r.get('/sessions/:id/text', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    res.json(await notFoundAs404(revisions.text(req.params.id, refParam(req.query.version ?? 'live', 'version'))));
  });

  r.get('/sessions/:id/history', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    res.json(await revisions.historyPoints(req.params.id));
  });

  r.post('/sessions/:id/restore', async (req, res) => {
    const me = await requireIdentity(req, storage, adminKey, req.params.id);
    requireChair(me);
    const from = refParam(stringField(req, 'from', 200, true), 'from');
    if (from.kind === 'live') throw new HttpError(400, 'bad-version', 'from must be rev:<id> or history:<id>');
    res.json(await notFoundAs404(revisions.restore(req.params.id, from)));
  });

  r.get('/sessions/:id/compare', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    const from = refParam(req.query.from, 'from');
    const to = refParam(req.query.to ?? 'live', 'to');
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'html' && format !== 'docx') throw new HttpError(400, 'bad-format', 'format must be json, html or docx');
    const view = req.query.view ?? 'inline';
    if (view !== 'inline' && view !== 'side-by-side') throw new HttpError(400, 'bad-input', 'view must be inline or side-by-side');
    // One switch, as the issue asks: formatting-only and whitespace-only changes hidden together.
    const hide = flag(req.query.hideFormatting);
    const [a, b] = await notFoundAs404(revisions.comparePair(req.params.id, from, to));
    // Reading and comparing two treaty-sized versions takes hundreds of ms: in the worker (work/heavy-work.ts).
    const size = sourceSize(a) + sourceSize(b);
    const options = { ignoreFormatting: hide, ignoreWhitespace: hide };
    const name = `compare-${String(req.query.from)}-${String(req.query.to ?? 'live')}`.replace(/[^A-Za-z0-9_-]+/g, '_');
    if (format === 'docx') {
      // The later text with Word tracked changes, attributed from the live text's records.
      const records = await revisions.liveState(req.params.id);
      const file = await heavyWork.run('trackedDocx', { a, b, records }, size + records.length);
      res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').attachment(`${name}.docx`);
      return void res.send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
    }
    if (format === 'json') {
      if (flag(req.query.download)) res.attachment(`${name}.json`);
      return void res.type('application/json').send(await heavyWork.run('compare', { a, b, options }, size));
    }
    const session = await storage.getSession(req.params.id);
    const html = await heavyWork.run('compare', { a, b, options, html: { view, title: `${session?.title ?? ''}: ${a.label} → ${b.label}` } }, size);
    if (flag(req.query.download)) res.attachment(`${name}.html`);
    res.type('text/html; charset=utf-8').send(html);
  });

  return r;
}
