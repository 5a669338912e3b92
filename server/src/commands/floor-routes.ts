import { Router } from 'express';
import { readRoom, roomRecords, type RoomCommand } from '@accord/shared/brackets/index';
import { requireIdentity } from '../http/auth.js';
import { HttpError } from '../http/errors.js';
import { inRoom } from '../http/in-room.js';
import { answerBodyCommand, labelsOf, type CommandRoutesContext } from './command-routes.js';

/** The body fields each room command takes over REST (others are ignored). */
const FIELDS: Record<RoomCommand['type'], readonly string[]> = {
  'floor.request': ['paragraphId', 'proposalId', 'onBehalfOf'],
  'floor.withdraw': [],
  'floor.give': ['participantId'],
  'floor.end': [],
  'floor.order': ['order'],
  'floor.remove': ['participantId'],
  'screen.hold': ['paragraphId'],
  'screen.release': [],
  'screen.follow': ['participantId'],
  'settings.carets': ['delegations'],
};

/**
 * The floor, the room screen and the caret setting over REST (docs/api.md, "The room"): each POST
 * is the command of the same name, with the same rules, rate and answers as POST …/commands.
 */
export function floorRoutes(ctx: CommandRoutesContext): Router {
  const r = Router();

  r.get('/sessions/:id/floor', async (req, res) => {
    await requireIdentity(req, ctx.storage, ctx.adminKey, req.params.id);
    const view = await inRoom(ctx.rooms, req.params.id, (room) => {
      const { floor, screen, settings } = roomRecords({ room: readRoom(room.doc) });
      const mentioned = [floor.speaking, ...floor.queue].map((x) => x?.paragraphId).concat(screen.held);
      const labels = labelsOf(room.doc, new Set(mentioned.filter((x): x is string => !!x)));
      return { speaking: floor.speaking, queue: floor.queue, screen, settings, labels };
    });
    res.json(view);
  });

  const post = (prefix: 'floor' | 'screen' | 'settings') =>
    r.post(`/sessions/:id/${prefix}/:action`, async (req, res) => {
      const type = `${prefix}.${req.params.action}` as RoomCommand['type'];
      if (!Object.hasOwn(FIELDS, type)) throw new HttpError(404, 'not-found', `no ${prefix} action ${req.params.action.slice(0, 40)}`);
      await answerBodyCommand(ctx, req, res, type, FIELDS[type]);
    });
  post('floor');
  post('screen');
  post('settings');
  return r;
}
