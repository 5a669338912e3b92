import { Router } from 'express';
import { readRoom, roomRecords, type SilenceCommand } from '@accord/shared/brackets/index';
import { requireIdentity } from '../http/auth.js';
import { inRoom } from '../http/in-room.js';
import { answerBodyCommand, labelsOf, type CommandRoutesContext } from './command-routes.js';

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
      return {
        // Each with its deadline also as ISO 8601 (UTC), for readers that do not count milliseconds.
        silences: silences.map((s) => ({ ...s, deadlineIso: new Date(s.deadline).toISOString() })),
        open: silences.filter((s) => s.state === 'open').map((s) => s.id),
        labels: labelsOf(room.doc, new Set(silences.flatMap((s) => s.paragraphIds ?? []))),
        now: Date.now(),
      };
    });
    res.json(view);
  });

  const post = (path: string, type: keyof typeof FIELDS) =>
    r.post(path, (req, res) => answerBodyCommand(ctx, req, res, type, FIELDS[type]));
  post('/sessions/:id/silence', 'silence.start');
  post('/sessions/:id/silence/break', 'silence.break');
  post('/sessions/:id/silence/lift', 'silence.lift');
  return r;
}
