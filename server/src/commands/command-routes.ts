import { Router, type Request, type Response } from 'express';
import type * as Y from 'yjs';
import { bracketCounts, currentBracketState, proposalComments, type ErrorCode } from '@accord/shared/brackets/index';
import { paragraphLabels } from '@accord/shared/numbering';
import { editSentence, Y_EDITS, type DirectEdit } from '@accord/shared/edits';
import type { Rooms } from '../collab/rooms.js';
import { bearer, requireIdentity } from '../http/auth.js';
import { RATE_LIMITED } from '../limits/command-limiter.js';
import type { FairShare } from '../limits/fair-share.js';
import { inRoom } from '../http/in-room.js';
import type { Storage } from '../storage/storage.js';
import { decisionLogView } from './decision-log.js';
import { commandIdOf, executeCommandOnce } from './execute-command.js';

export interface CommandRoutesContext {
  storage: Storage;
  adminKey: string;
  rooms: Rooms;
  fairShare: FairShare;
}

/** HTTP status of each command error code (docs/api.md). */
export const COMMAND_ERROR_STATUS: Record<ErrorCode | 'document_too_large', number> = {
  invalid: 400,
  not_permitted: 403,
  not_found: 404,
  proposal_not_open: 409,
  anchor_gone: 409,
  conflict: 409,
  paragraph_locked: 423,
  document_too_large: 413,
};

/** A request body without a command. */
const NO_COMMAND = Symbol('no command');

/**
 * Runs one command for a REST request and answers it (docs/api.md): the caller's identity, its
 * token's share of the command rate (the same bucket as its WebSocket commands; beyond it 429),
 * the commandId of `envelope` (a repeat gets the first answer), then the command in the room.
 */
export async function answerCommand(ctx: CommandRoutesContext, req: Request, res: Response, command: unknown, envelope: { commandId?: unknown }): Promise<void> {
  const me = await requireIdentity(req, ctx.storage, ctx.adminKey, String(req.params.id));
  const admission = ctx.fairShare.commands.admit(bearer(req) ?? '');
  if (!admission) {
    res.status(429).set('Retry-After', '1').json({ ok: false, error: RATE_LIMITED });
    return;
  }
  if (admission.wait > 0) await new Promise((r) => setTimeout(r, admission.wait));
  if (command === NO_COMMAND) {
    // Answered like any refused command, so that clients read one shape for every refusal.
    res.status(400).json({ ok: false, error: { code: 'invalid', message: 'expected {"command": {…}}' } });
    return;
  }
  const commandId = commandIdOf({ command, commandId: envelope.commandId });
  if (commandId === undefined) {
    res.status(400).json({ ok: false, error: { code: 'invalid', message: 'commandId is 1–64 characters of A–Z, a–z, 0–9, _ and -' } });
    return;
  }
  const answer = await inRoom(ctx.rooms, String(req.params.id), (room) => executeCommandOnce(room, me, command, commandId));
  if (answer.ok) res.json(answer);
  else res.status(COMMAND_ERROR_STATUS[answer.error.code] ?? 400).json(answer);
}

/**
 * A command whose fields are the request body's (`fields`; others are ignored), answered as
 * POST …/commands answers: the REST forms of the floor, the room screen and the silence procedure.
 */
export async function answerBodyCommand(ctx: CommandRoutesContext, req: Request, res: Response, type: string, fields: readonly string[]): Promise<void> {
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const command: Record<string, unknown> = { type };
  for (const f of fields) if (body[f] !== undefined) command[f] = body[f];
  await answerCommand(ctx, req, res, command, body);
}

/** The labels ("OP3") of the paragraphs a view names; counted over the whole text, so only when it names any. */
export function labelsOf(doc: Y.Doc, ids: ReadonlySet<string>): Record<string, string | null> {
  if (!ids.size) return {};
  const all = paragraphLabels(currentBracketState(doc).doc);
  return Object.fromEntries([...ids].map((id) => [id, all.get(id)?.short ?? null]));
}

/** Commands, the decision log and the bracket state over REST (docs/api.md, "Proposals and decisions"). */
export function commandRoutes(ctx: CommandRoutesContext): Router {
  const { storage, adminKey, rooms } = ctx;
  const r = Router();

  r.post('/sessions/:id/commands', async (req, res) => {
    const body: unknown = req.body;
    const envelope = body && typeof body === 'object' && 'command' in body ? (body as { command: unknown; commandId?: unknown }) : null;
    await answerCommand(ctx, req, res, envelope ? envelope.command : NO_COMMAND, envelope ?? {});
  });

  r.get('/sessions/:id/decisions', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    res.json(await inRoom(rooms, req.params.id, (room) => decisionLogView(currentBracketState(room.doc).decisions)));
  });

  // The record of writers' direct edits (deletions, type-overs), oldest first, each with the
  // paragraph's label now and the sentence the decision log shows.
  r.get('/sessions/:id/edits', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    const view = await inRoom(rooms, req.params.id, (room) => {
      const edits = room.doc.getArray<DirectEdit>(Y_EDITS).toArray();
      const labels = edits.length ? paragraphLabels(currentBracketState(room.doc).doc) : new Map();
      return edits.map((e) => {
        const paragraph = (labels.get(e.paragraphId) as { short?: string } | undefined)?.short ?? null;
        return { ...e, at: new Date(e.at).toISOString(), updatedAt: new Date(e.updatedAt).toISOString(), paragraph, text: editSentence(e, paragraph ?? 'a paragraph since removed') };
      });
    });
    res.json(view);
  });

  r.get('/sessions/:id/proposals', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    const view = await inRoom(rooms, req.params.id, (room) => {
      const state = currentBracketState(room.doc);
      const labels = paragraphLabels(state.doc);
      return {
        // Each proposal with all its comments (old in-record ones and entries, BR15), oldest first.
        proposals: Object.values(state.proposals)
          .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
          .map((p) => ({ ...p, comments: proposalComments(state, p.id) })),
        paragraphs: { ...state.paragraphs },
        counts: bracketCounts(state),
        labels: Object.fromEntries([...labels].map(([id, l]) => [id, l.short])),
      };
    });
    res.json(view);
  });

  return r;
}
