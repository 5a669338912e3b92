// Compare two revisions of a treaty-sized text with shared/'s diff (once it exists).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench } from './types.js';

const sharedSrc = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/src');
const candidates = ['diff/index.ts', 'diff.ts'].map((p) => path.join(sharedSrc, p));

export const compareBench: Bench = {
  name: 'compare',
  title: 'Compare two revisions of a treaty-sized text',
  async unavailable() {
    return candidates.some((c) => fs.existsSync(c)) ? null : 'shared/src/diff does not exist yet';
  },
  async run() {
    const file = candidates.find((c) => fs.existsSync(c))!;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const missing = ['generateTreatyText', 'compareVersions'].filter((n) => typeof mod[n] !== 'function');
    if (missing.length) return { json: { skipped: `shared diff lacks ${missing.join(', ')}` }, text: `skipped: shared diff lacks ${missing.join(', ')}` };
    return { json: { skipped: 'not wired yet' }, text: 'not wired yet' };
  },
};
