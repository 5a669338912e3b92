import { Router, type Request } from 'express';
import { newId, Y_GROUPS } from '@accord/shared';
import type { Group } from '@accord/shared/brackets/index';
import type { Room } from '../collab/room.js';
import type { Rooms } from '../collab/rooms.js';
import { requireChair, requireIdentity } from '../http/auth.js';
import { HttpError } from '../http/errors.js';
import { inRoom } from '../http/in-room.js';
import { nameClash, nameKey } from '../sessions/sessions.js';
import type { ParticipantRecord, Storage } from '../storage/storage.js';

export interface GroupRoutesContext {
  storage: Storage;
  adminKey: string;
  rooms: Rooms;
}

const MAX_MEMBERS = 1000;

/** A group as the API shows it: its members with the names shown. */
export interface GroupView extends Group {
  memberNames: string[];
}

/**
 * Groups of delegations (G77 and China, EU…) the chair sets up: docs/api.md "Groups".
 *
 * They live in the session's Y.Doc (Y.Map `groups`), written only here, by the server, through
 * the room's commit path — the same place as proposals, for the same reasons: the rules in
 * shared/ read them from the bracket state (BR72) without I/O, every client sees a change live
 * (the propose bar offers a delegation its groups as soon as the chair assigns them), they are
 * stored durably before the answer, and writers' direct updates to them are refused
 * (collab/update-guard.ts).
 */
export function groupRoutes(ctx: GroupRoutesContext): Router {
  const { storage, adminKey, rooms } = ctx;
  const r = Router();

  const groupsIn = (room: Room): Record<string, Group> => room.doc.getMap<Group>(Y_GROUPS).toJSON() as Record<string, Group>;

  function view(g: Group, people: ParticipantRecord[]): GroupView {
    const names = new Map(people.map((p) => [p.id, p.delegation]));
    return { ...g, memberNames: g.members.map((m) => names.get(m) ?? m) };
  }

  function readName(body: Record<string, unknown>): string | undefined {
    if (body.name === undefined) return undefined;
    if (typeof body.name !== 'string' || !body.name.trim() || body.name.trim().length > 100) throw new HttpError(400, 'bad-input', 'name must be 1–100 characters');
    return body.name.trim();
  }

  /** Members are delegations of this session, by participant id (duplicates dropped). */
  function readMembers(body: Record<string, unknown>, people: ParticipantRecord[]): string[] | undefined {
    if (body.members === undefined) return undefined;
    if (!Array.isArray(body.members) || body.members.length > MAX_MEMBERS) throw new HttpError(400, 'bad-input', `members must be an array of at most ${MAX_MEMBERS} participant ids`);
    const delegations = new Set(people.filter((p) => p.role === 'delegation').map((p) => p.id));
    const out: string[] = [];
    for (const m of body.members) {
      if (typeof m !== 'string' || !delegations.has(m)) throw new HttpError(400, 'bad-input', `member ${JSON.stringify(m)} is not a delegation of this session`);
      if (!out.includes(m)) out.push(m);
    }
    return out;
  }

  function bodyOf(req: Request): Record<string, unknown> {
    const b: unknown = req.body;
    if (!b || typeof b !== 'object' || Array.isArray(b)) throw new HttpError(400, 'bad-input', 'expected a JSON object body');
    return b as Record<string, unknown>;
  }

  /** Group names are unique in the session (any case) and never a participant's name. */
  function checkName(name: string, groups: Record<string, Group>, people: ParticipantRecord[], self?: string): void {
    const key = nameKey(name);
    if (Object.values(groups).some((g) => g.id !== self && nameKey(g.name) === key)) throw new HttpError(409, 'name-taken', `there is already a group "${name}"`);
    const clash = nameClash(people, [], 'delegation', name);
    if (clash) throw new HttpError(409, 'name-taken', clash);
  }

  async function write(room: Room, g: Group | null, id: string): Promise<void> {
    await room.change((doc) => {
      const map = doc.getMap<Group>(Y_GROUPS);
      if (g) map.set(id, g);
      else map.delete(id);
    });
  }

  r.get('/sessions/:id/groups', async (req, res) => {
    await requireIdentity(req, storage, adminKey, req.params.id);
    const people = await storage.listParticipants(req.params.id);
    const groups = await inRoom(rooms, req.params.id, groupsIn);
    res.json(Object.values(groups).sort((a, b) => a.name.localeCompare(b.name)).map((g) => view(g, people)));
  });

  r.post('/sessions/:id/groups', async (req, res) => {
    requireChair(await requireIdentity(req, storage, adminKey, req.params.id));
    const body = bodyOf(req);
    const name = readName(body);
    if (!name) throw new HttpError(400, 'bad-input', 'name is required');
    const people = await storage.listParticipants(req.params.id);
    const members = readMembers(body, people) ?? [];
    const group = await inRoom(rooms, req.params.id, async (room) => {
      checkName(name, groupsIn(room), people);
      const g: Group = { id: newId('g'), name, members };
      await write(room, g, g.id);
      return g;
    });
    res.status(201).json(view(group, people));
  });

  r.put('/sessions/:id/groups/:gid', async (req, res) => {
    requireChair(await requireIdentity(req, storage, adminKey, req.params.id));
    const body = bodyOf(req);
    const name = readName(body);
    const people = await storage.listParticipants(req.params.id);
    const members = readMembers(body, people);
    const group = await inRoom(rooms, req.params.id, async (room) => {
      const groups = groupsIn(room);
      const old = Object.prototype.hasOwnProperty.call(groups, req.params.gid) ? groups[req.params.gid] : undefined;
      if (!old) throw new HttpError(404, 'no-group', 'no such group');
      if (name !== undefined) checkName(name, groups, people, old.id);
      const g: Group = { id: old.id, name: name ?? old.name, members: members ?? old.members };
      await write(room, g, g.id);
      return g;
    });
    res.json(view(group, people));
  });

  /** Deleting a group stops anyone speaking for it; what it said stays on the record under its name. */
  r.delete('/sessions/:id/groups/:gid', async (req, res) => {
    requireChair(await requireIdentity(req, storage, adminKey, req.params.id));
    await inRoom(rooms, req.params.id, async (room) => {
      if (!Object.prototype.hasOwnProperty.call(groupsIn(room), req.params.gid)) throw new HttpError(404, 'no-group', 'no such group');
      await write(room, null, req.params.gid);
    });
    res.status(204).end();
  });

  return r;
}

/** The names of a session's groups (participant names may not take them). */
export function groupNames(room: Room): string[] {
  return Object.values(room.doc.getMap<Group>(Y_GROUPS).toJSON() as Record<string, Group>).map((g) => g.name);
}
