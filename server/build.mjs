/* global console */
// `pnpm build` / `pnpm start`: the server as plain JavaScript in server/dist (gitignored), so
// production runs `node dist/main.js`, not tsx. One esbuild bundle per entry: the server
// (src/main.ts) and the worker thread for whole-text work (src/work/heavy-worker.ts; heavy-work.ts
// finds it beside the bundle). @accord/shared's TypeScript sources are inlined; better-sqlite3 (a
// native addon) and ws's optional native helpers stay external, loaded from node_modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: here,
  entryPoints: { main: 'src/main.ts', 'heavy-worker': 'src/work/heavy-worker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  // CommonJS dependencies (express, ws) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __accordRequire } from 'node:module'; const require = __accordRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log(`Accord server built into ${outdir} in ${Date.now() - started} ms`);
