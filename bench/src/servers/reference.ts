// The reference: @y/websocket-server 0.1.1's own bin (in memory, no persistence, yjs 13).
import path from 'node:path';
import { createRequire } from 'node:module';
import { freePort, startChild } from './child.js';
import { seatsFor } from './relay.js';
import type { BenchServer, RoomRequest, RoomSetup, ServerFactory } from './types.js';

const require = createRequire(import.meta.url);

function binPath(): string {
  const pkg = require.resolve('@y/websocket-server/package.json');
  return path.join(path.dirname(pkg), 'src/server.js');
}

export const reference: ServerFactory = {
  name: 'reference',
  label: '@y/websocket-server 0.1.1 (in memory)',
  unavailable: () => null,
  async start(): Promise<BenchServer> {
    const port = await freePort();
    const bin = binPath();
    const child = await startChild('reference', {
      cwd: path.dirname(path.dirname(bin)),
      env: { PORT: String(port), HOST: '127.0.0.1', YPERSISTENCE: undefined },
      args: [bin],
      port,
    });
    let n = 0;
    return {
      name: 'reference',
      pid: child.pid,
      async createRoom(req: RoomRequest): Promise<RoomSetup> {
        const room = `room-${++n}-${req.title.replace(/\W+/g, '-')}`;
        const url = `ws://127.0.0.1:${port}/collab/${room}`;
        return {
          seats: seatsFor(req, () => url),
          writerUrl: url,
          serverSync: true,
          provider: { serverUrl: `ws://127.0.0.1:${port}/collab`, room, params: {} },
        };
      },
      stop: () => child.stop(),
    };
  },
};
