// The worker's entry when the server runs from its TypeScript sources (tsx: `pnpm dev`, tests):
// plain JavaScript, so Node starts it without a loader, then loads heavy-worker.ts through tsx.
// The built server starts dist/heavy-worker.js instead (heavy-work.ts, server/build.mjs).
import { tsImport } from 'tsx/esm/api';

await tsImport('./heavy-worker.ts', import.meta.url);
