import type { Identity } from '../extension.js';
import type { Storage } from '../storage/storage.js';
import { CHAIR_ID } from '../sessions/sessions.js';
import { CHAIR_COLOR } from './colors.js';
import { looksLikeToken, sameSecret } from './tokens.js';

/** The admin key acts as chair on every session (docs/CONTRACTS.md). */
export function adminIdentity(sessionId: string): Identity {
  return { sessionId, role: 'chair', participantId: CHAIR_ID, delegation: 'Chair', color: CHAIR_COLOR, admin: true };
}

/**
 * Who `token` is in session `sessionId`: the admin, a participant of that session, or nobody
 * (a participant token of another session is nobody here).
 */
export async function identify(storage: Storage, adminKey: string, sessionId: string, token: string | null | undefined): Promise<Identity | undefined> {
  if (!token || token.length > 256) return undefined;
  if (sameSecret(token, adminKey)) return adminIdentity(sessionId);
  if (!looksLikeToken(token)) return undefined;
  const p = await storage.getParticipant(token);
  if (!p || p.sessionId !== sessionId) return undefined;
  return { sessionId, role: p.role, participantId: p.id, delegation: p.delegation, color: p.color, admin: false };
}
