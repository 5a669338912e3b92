import { schema, newId, type TextMeta } from '@accord/shared';
import { CHAIR_COLOR, colorFor } from '../auth/colors.js';
import { newToken } from '../auth/tokens.js';
import type { Role } from '@accord/shared/protocol';
import type { ParticipantRecord, SessionRecord, Storage } from '../storage/storage.js';
import { initialUpdate } from './document-state.js';
import { newSessionId } from './session-id.js';
import { heavyWork } from '../work/heavy-work.js';

export interface NewSession {
  title?: string;
  text?: string;
  /** A Word file (.docx) to import instead of `text`. */
  docx?: Uint8Array;
  symbol?: string;
  language?: string;
  seed?: boolean;
  /** Fixed id (seeds: derived from the file name, so a second import is refused by the database). */
  id?: string;
}

export interface CreatedSession {
  session: SessionRecord;
  chair: ParticipantRecord;
  warnings: string[];
}

/** Creates a session, its chair and its initial document in one storage transaction. */
export async function createSession(storage: Storage, input: NewSession): Promise<CreatedSession> {
  let meta: TextMeta;
  let warnings: string[] = [];
  let update: Uint8Array;
  if (input.docx) {
    // mammoth and the import off the event loop too; tracked changes come back as proposals.
    ({ meta, warnings, update } = await heavyWork.run('importDocx', { docx: input.docx, title: input.title, symbol: input.symbol, language: input.language }, input.docx.length * 4));
  } else if (input.text !== undefined && input.text.trim() !== '') {
    // Importing a treaty-sized text takes seconds: off the event loop (work/heavy-work.ts).
    ({ meta, warnings, update } = await heavyWork.run('import', { text: input.text, title: input.title, symbol: input.symbol, language: input.language }, input.text.length));
  } else {
    const title = input.title ?? '';
    const doc = schema.node('doc', null, [schema.node('title', { id: newId() }, title ? [schema.text(title)] : [])]);
    meta = { symbol: input.symbol ?? '', title: title || 'Untitled text', language: input.language ?? 'en', revisionLabel: '' };
    update = initialUpdate(doc, meta);
  }
  const createdAt = new Date().toISOString();
  const session: SessionRecord = {
    id: input.id ?? newSessionId(),
    title: meta.title,
    symbol: meta.symbol,
    language: meta.language,
    seed: input.seed ?? false,
    createdAt,
  };
  const chair: ParticipantRecord = { id: CHAIR_ID, token: newToken(), sessionId: session.id, role: 'chair', delegation: 'Chair', color: CHAIR_COLOR, createdAt };
  await storage.createSession(session, chair, update);
  return { session, chair, warnings };
}

/** The participant id of the session's first chair, and of the admin key acting as chair. */
export const CHAIR_ID = 'chair';

/** Names that stand for a role: only a participant of that role may be called so. */
const ROLE_NAMES: Record<string, Role> = { chair: 'chair', secretariat: 'secretariat' };

export const nameKey = (name: string): string => name.trim().toLocaleLowerCase();

/**
 * Why `name` cannot be given to a new participant of `role` (null: it can). Names are unique in a
 * session across roles, compared trimmed and case-insensitively, and also against the session's
 * group names; "Chair" and "Secretariat" belong to those roles.
 */
export function nameClash(existing: ParticipantRecord[], groupNames: string[], role: Role, name: string): string | null {
  const key = nameKey(name);
  const taken = existing.find((p) => nameKey(p.delegation) === key);
  if (taken) return `"${taken.delegation}" is already a participant of this session (${taken.role})`;
  if (groupNames.some((g) => nameKey(g) === key)) return `"${name.trim()}" is the name of a group in this session`;
  const reserved = ROLE_NAMES[key];
  if (reserved && reserved !== role) return `"${name.trim()}" is reserved for the ${reserved}`;
  return null;
}

export async function addParticipant(storage: Storage, sessionId: string, role: Role, delegation: string): Promise<ParticipantRecord> {
  const existing = await storage.listParticipants(sessionId);
  const p: ParticipantRecord = {
    id: newId('u'),
    token: newToken(),
    sessionId,
    role,
    delegation,
    color: role === 'chair' ? CHAIR_COLOR : colorFor(existing.length - 1),
    createdAt: new Date().toISOString(),
  };
  await storage.addParticipant(p);
  return p;
}

export function sessionLink(sessionId: string, token: string): string {
  return `/s/${sessionId}?token=${encodeURIComponent(token)}`;
}
