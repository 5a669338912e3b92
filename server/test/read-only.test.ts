import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allAcked, connectClient, type TestClient } from './helpers/client.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { waitFor } from './helpers/wait.js';

async function storedText(t: TestServer, id: string, name: string): Promise<string> {
  const doc = new Y.Doc();
  for (const u of (await t.server.storage.loadUpdates(id)).updates) Y.applyUpdate(doc, u);
  return doc.getText(name).toString();
}

describe('read-only roles (delegation, observer)', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  for (const role of ['observer', 'delegation'] as const) {
    it(`drops a ${role}'s updates: not applied, stored or relayed; one NOTICE`, async () => {
      const { id, chairToken } = await t.createSession(`Read-only ${role}`);
      const token = await t.addParticipant(id, role, role === 'observer' ? 'UNEP' : 'Kenya');
      const reader = connectClient(t.wsUrl, id, token);
      const chair = connectClient(t.wsUrl, id, chairToken, { acks: true });
      clients.push(reader, chair);
      await Promise.all([reader.synced(), chair.synced()]);
      expect(reader.identity).toMatchObject({ role, readOnly: true });
      // A handshake step 2 with nothing new is not an attempt to write: no notice yet.
      expect(reader.notices).toEqual([]);

      reader.doc.getText('t').insert(0, 'forged');
      reader.doc.getText('t').insert(0, 'again');
      await waitFor(() => reader.notices.length > 0, 'NOTICE');
      // A later write by the chair is a barrier: once it is stored and relayed, the reader's
      // earlier messages were processed.
      chair.doc.getText('c').insert(0, 'chair');
      await waitFor(() => allAcked(chair), 'chair SAVED');
      await waitFor(() => reader.doc.getText('c').toString() === 'chair', 'relay to reader');
      expect(reader.notices).toEqual([{ code: 'read-only', message: expect.any(String) }]);
      expect(chair.doc.getText('t').toString()).toBe('');
      expect(await storedText(t, id, 't')).toBe('');
      const room = t.server.rooms.loaded.find((r) => r.name === id)!;
      expect(room.doc.getText('t').toString()).toBe('');
    });
  }
});
