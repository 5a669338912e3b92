import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccordServer } from './create-accord-server.js';

// The only place that reads the environment (createAccordServer takes plain options).
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const clientDist = resolve(repo, 'client/dist');

const server = createAccordServer({
  port: Number(env.PORT ?? 3000),
  host: env.HOST || '127.0.0.1',
  // `pnpm start` runs this in server/; a relative DATA_DIR means the directory the user typed it in.
  dataDir: env.DATA_DIR ? resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR) : resolve(repo, 'data'),
  adminKey: env.ACCORD_ADMIN_KEY || undefined,
  allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  clientDist: existsSync(clientDist) ? clientDist : undefined,
  seedDir: resolve(repo, 'seeds'),
  synchronous: env.ACCORD_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
  openSessionCreation: env.ACCORD_OPEN_SESSION_CREATION === '1',
});

const { port } = await server.start();
if (!existsSync(clientDist)) console.log(`Accord: no built client at ${clientDist} (run pnpm build); serving the API only`);
console.log(`Accord is ready: http://127.0.0.1:${port}/?key=${server.adminKey}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Accord: stop failed', err);
        process.exit(1);
      },
    );
  });
}
