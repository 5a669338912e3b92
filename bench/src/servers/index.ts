import { accord, accordBefore, accordNormal } from './accord.js';
import { reference } from './reference.js';
import { relay } from './relay.js';
import type { ServerFactory } from './types.js';

export const allServers: ServerFactory[] = [accord, reference, relay, accordNormal, accordBefore];

export function selectServers(names: string[]): ServerFactory[] {
  return names.map((n) => {
    const s = allServers.find((f) => f.name === n);
    if (!s) throw new Error(`unknown server ${n} (known: ${allServers.map((f) => f.name).join(', ')})`);
    return s;
  });
}
