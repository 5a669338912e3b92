import path from 'node:path';
import { freePort, startChild } from './child.js';
import type { BenchServer, RoomRequest, RoomSetup, ServerFactory } from './types.js';

const here = path.dirname(new URL(import.meta.url).pathname);

export const relay: ServerFactory = {
  name: 'relay',
  label: 'bare WebSocket relay (floor)',
  unavailable: () => null,
  async start(): Promise<BenchServer> {
    const port = await freePort();
    const child = await startChild('relay', {
      cwd: path.resolve(here, '../..'),
      env: { PORT: String(port), HOST: '127.0.0.1' },
      args: ['--import', 'tsx', path.join(here, 'relay-server.ts')],
      port,
    });
    let n = 0;
    return {
      name: 'relay',
      pid: child.pid,
      async createRoom(req: RoomRequest): Promise<RoomSetup> {
        const room = `room-${++n}-${req.title.replace(/\W+/g, '-')}`;
        const url = `ws://127.0.0.1:${port}/collab/${room}`;
        return {
          seats: seatsFor(req, () => url),
          writerUrl: url,
          serverSync: false,
          provider: { serverUrl: `ws://127.0.0.1:${port}/collab`, room, params: {} },
        };
      },
      stop: () => child.stop(),
    };
  },
};

/** Seats in room order: the typists first, then the other delegations, then the observers. */
export function seatsFor(req: RoomRequest, url: (kind: 'typist' | 'delegation' | 'observer', i: number) => string) {
  const seats = [];
  for (let i = 0; i < req.typists; i++) seats.push({ url: url('typist', i), name: `Typist ${i + 1}`, typist: true });
  for (let i = 0; i < req.delegations - req.typists; i++) seats.push({ url: url('delegation', i), name: `Member State ${i + 1}`, typist: false });
  for (let i = 0; i < req.observers; i++) seats.push({ url: url('observer', i), name: `Observer ${i + 1}`, typist: false });
  return seats;
}
