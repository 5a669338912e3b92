import type { Room } from '../collab/room.js';
import type { Rooms } from '../collab/rooms.js';
import { HttpError } from './errors.js';

/** Runs `fn` on the session's loaded room (loading it if nobody is connected) for a REST request. */
export async function inRoom<T>(rooms: Rooms, id: string, fn: (room: Room) => Promise<T> | T): Promise<T> {
  let room: Room;
  try {
    room = await rooms.acquire(id);
  } catch {
    throw new HttpError(500, 'load-failed', 'the document could not be loaded');
  }
  try {
    return await fn(room);
  } finally {
    rooms.release(room);
  }
}
