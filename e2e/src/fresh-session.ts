import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NegotiationRoom, SeedSession } from './negotiation-room';

const seedsDir = resolve(fileURLToPath(import.meta.url), '../../../seeds');

/** A new session holding the text of seed `number` (e.g. "001"), so each test starts from a clean copy; `extra`: more fields of POST /api/sessions (symbol). */
export async function freshSeedSession(room: NegotiationRoom, number: string, title: string, extra: { symbol?: string } = {}): Promise<SeedSession> {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${number}_`));
  if (!file) throw new Error(`no seed ${number} in ${seedsDir}`);
  const text = readFileSync(join(seedsDir, file), 'utf8');
  const created = await room.accord.api<{ session: { id: string; title: string }; chairToken: string }>('POST', '/api/sessions', room.accord.adminKey, { title, text, ...extra });
  return { id: created.session.id, title: created.session.title, seed: false, chairToken: created.chairToken };
}
