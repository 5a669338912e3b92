import type { Request } from 'express';
import { identify } from '../auth/identify.js';
import { sameSecret } from '../auth/tokens.js';
import type { Identity } from '../extension.js';
import { isSessionId } from '../sessions/session-id.js';
import type { Storage } from '../storage/storage.js';
import { HttpError } from './errors.js';

export function bearer(req: Request): string | null {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m ? m[1] : null;
}

export function isAdmin(req: Request, adminKey: string): boolean {
  const token = bearer(req);
  return token !== null && sameSecret(token, adminKey);
}

/**
 * The caller's identity in session `id`: 400 for an id that cannot be one, 401 without a token,
 * 404 for a session that does not exist, 401 for a token that is not valid in it.
 */
export async function requireIdentity(req: Request, storage: Storage, adminKey: string, id: string): Promise<Identity> {
  if (!isSessionId(id)) throw new HttpError(400, 'bad-session-id', 'not a session id');
  const token = bearer(req);
  if (!token) throw new HttpError(401, 'unauthorized', 'missing Authorization: Bearer <token>');
  if (!(await storage.getSession(id))) throw new HttpError(404, 'no-session', 'no such session');
  const identity = await identify(storage, adminKey, id, token);
  if (!identity) throw new HttpError(401, 'unauthorized', 'invalid token for this session');
  return identity;
}

export function requireChair(identity: Identity): void {
  if (identity.role !== 'chair') throw new HttpError(403, 'forbidden', 'only the chair may do this');
}
