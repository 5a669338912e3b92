import { Router } from 'express';
import { currentBracketState, readRoom, roomRecords, type SilenceCommand } from '@accord/shared/brackets/index';
import { paragraphLabels } from '@accord/shared/numbering';
import { requireIdentity } from '../http/auth.js';
import { inRoom } from '../http/in-room.js';
import { answerCommand, type CommandRoutesContext } from './command-routes.js';

/** The body fields each silence command takes over REST (others are ignored). `silence.expire` is the server's own. */
const FIELDS: Record<Exclude<SilenceCommand['type'], 'silence.expire'>, readonly string[]> = {
  'silence.start': ['deadline', 'paragraphIds', 'note'],
  'silence.break': ['silenceId', 'statement', 'onBehalfOf'],
  'silence.lift': ['silenceId'],
};

/**
 * The silence procedure over REST (docs/api.md, "Silence procedure"): each POST is the command of
 * the same name, with the same rules, rate and answers as POST …/commands (shared/SPEC.md BR90–BR97).
 */
export function silenceRoutes(ctx: CommandRoutesContext): Router {
  const r = Router();

  r.get('/sessions/:id/silence', async (req, res) => {
    await requireIdentity(req, ctx.storage, ctx.adminKey, req.params.id);
    const view = await inRoom(ctx.rooms, req.params.id, (room) => {
      const { silences } = roomRecords({ room: readRoom(room.doc) });
      const ids = new Set(silences.flatMap((s) => s.paragraphIds ?? []));
      // Labels ("OP3") only when a paragraph is named: they are counted over the whole text.
      const all = ids.size ? paragraphLabels(currentBracketState(room.doc).doc) : new Map<string, { short: string }>();
      return {
        // Each with its deadline also as ISO 8601 (UTC), for readers that do not count milliseconds.
        silences: silences.map((s) => ({ ...s, deadlineIso: new Date(s.deadline).toISOString() })),
        open: silences.filter((s) => s.state === 'open').map((s) => s.id),
        labels: Object.fromEntries([...ids].map((id) => [id, all.get(id)?.short ?? null])),
        now: Date.now(),
      };
    });
    res.json(view);
  });

  const post = (path: string, type: keyof typeof FIELDS) =>
    r.post(path, async (req, res) => {
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const command: Record<string, unknown> = { type };
      for (const f of FIELDS[type]) if (body[f] !== undefined) command[f] = body[f];
      await answerCommand(ctx, req, res, command, body);
    });
  post('/sessions/:id/silence', 'silence.start');
  post('/sessions/:id/silence/break', 'silence.break');
  post('/sessions/:id/silence/lift', 'silence.lift');
  return r;
}
