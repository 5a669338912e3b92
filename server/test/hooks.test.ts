import { afterEach, describe, expect, it } from 'vitest';
import type { Extension } from '../src/extension.js';
import { allAcked, connectClient } from './helpers/client.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

describe('extension hooks', () => {
  let t: TestServer;
  afterEach(() => t.stop());

  it('onLoadDocument, onChange, onStoreDocument, onDisconnect run in order with their payloads', async () => {
    const calls: string[] = [];
    const ext: Extension = {
      onLoadDocument: ({ sessionId }) => void calls.push(`load ${sessionId}`),
      onChange: ({ update }) => void calls.push(`change ${update.length > 0}`),
      onStoreDocument: ({ seq }) => void calls.push(`store ${seq > 0}`),
      onDisconnect: ({ identity, connectionCount }) => void calls.push(`disconnect ${identity.role} ${connectionCount}`),
    };
    t = await startTestServer({ extensions: [ext, { onChange: () => { throw new Error('a broken hook is logged, not fatal'); } }] });
    const { id, chairToken } = await t.createSession('Hooks');
    const c = connectClient(t.wsUrl, id, chairToken, { acks: true });
    await c.synced();
    c.doc.getText('t').insert(0, 'x');
    await waitFor(() => allAcked(c), 'ack');
    c.destroy();
    await waitFor(() => calls.some((x) => x.startsWith('disconnect')), 'disconnect');
    expect(calls).toEqual([`load ${id}`, 'change true', 'store true', 'disconnect chair 0']);
  });
});
