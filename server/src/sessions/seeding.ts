import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage } from '../storage/storage.js';
import { createSession } from './sessions.js';

/** A seed's session id is derived from its file name: importing it twice is impossible. */
export function seedSessionId(fileName: string): string {
  return createHash('sha256').update('accord-seed:' + fileName).digest('hex').slice(0, 16);
}

/** Imports every `*.txt` of `seedDir` as a seed session, once per data directory. */
export async function seedSessions(storage: Storage, seedDir: string): Promise<number> {
  const files = (await readdir(seedDir)).filter((f) => f.endsWith('.txt')).sort();
  let created = 0;
  for (const file of files) {
    const id = seedSessionId(file);
    if (await storage.getSession(id)) continue;
    const text = await readFile(join(seedDir, file), 'utf8');
    const { warnings } = await createSession(storage, { id, text, seed: true });
    if (warnings.length) console.log(`Accord: seeded ${file} with ${warnings.length} import warning(s)`);
    created++;
  }
  return created;
}
