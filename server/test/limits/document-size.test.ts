import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTICE_DOCUMENT_TOO_LARGE } from '@accord/shared/protocol';
import { postCommand } from '../commands/helpers.js';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait.js';

const KB = 1024;

describe('document size cap (limits.documentBytes, NOTICE document_too_large)', () => {
  let t: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
  });

  it('refuses a writer update and a command that would take the document past the cap; nothing is stored; deletions still pass', async () => {
    t = await startTestServer({ limits: { documentBytes: 256 * KB } });
    const { id, chairToken } = await t.createSession('Size cap', 'The General Assembly,\n\n1. Decides to convene a conference;\n');
    const kenya = await t.addParticipant(id, 'delegation', 'Kenya');
    const writer = connectClient(t.wsUrl, id, chairToken, { acks: true });
    const reader = connectClient(t.wsUrl, id, kenya);
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    const room = t.server.rooms.loaded.find((r) => r.name === id)!;
    const start = room.approximateBytes;
    expect(start).toBe(Y.encodeStateAsUpdate(room.doc).length);

    // Within the cap: applied, stored, relayed; the size grows by the update's bytes.
    writer.doc.getText('t').insert(0, 'a'.repeat(225 * KB));
    await writer.acked();
    await waitFor(() => reader.doc.getText('t').length === 225 * KB, 'the first text relayed');
    expect(room.approximateBytes).toBeGreaterThan(start + 225 * KB);
    expect(room.approximateBytes).toBeLessThan(start + 226 * KB);

    // Past the cap: refused with the notice, not applied, not stored, not relayed.
    writer.doc.getText('t').insert(0, 'b'.repeat(60 * KB));
    const notice = await waitFor(() => writer.notices.find((n) => n.code === NOTICE_DOCUMENT_TOO_LARGE), 'the notice');
    expect(notice.message).toMatch(/size limit \(256 KB\).*not saved/);
    expect(room.doc.getText('t').length).toBe(225 * KB);

    // A command that would pass the cap is answered with the same code (REST 413), and changes nothing.
    writer.destroy();
    const big = { command: { type: 'propose', kind: 'newParagraph', after: 'nothing', blockType: 'operative', text: 'x'.repeat(10_000) }, commandId: 'big-1' };
    const pad = await t.api<{ error: { code: string } }>('POST', `/api/sessions/${id}/commands`, chairToken, big);
    expect(pad.status).toBe(413);
    expect(pad.body.error.code).toBe('document_too_large');
    const sv = Y.encodeStateVector(room.doc);
    const answer = await t.api<{ ok: boolean; error: { code: string; message: string } }>('GET', `/api/sessions/${id}/proposals`, kenya);
    expect(answer.status).toBe(200);
    expect(Y.encodeStateVector(room.doc)).toEqual(sv);

    // A second writer syncs only what was applied.
    const second = connectClient(t.wsUrl, id, chairToken, { acks: true });
    clients.push(second);
    await second.synced();
    expect(second.doc.getText('t').toString()).toBe('a'.repeat(225 * KB));

    // Deletions alone still pass; compaction measures the document again, and there is room again.
    second.doc.getText('t').delete(0, 175 * KB);
    // A deletion does not move the state vector, so acks cannot tell: wait for the server's text.
    await waitFor(() => room.doc.getText('t').length === 50 * KB, 'the deletion applied');
    await room.compact();
    expect(room.approximateBytes).toBe(Y.encodeStateAsUpdate(room.doc).length);
    expect(room.approximateBytes).toBeLessThan(start + 60 * KB);
    const comment = await postCommand(t, id, kenya, { type: 'comment', proposalId: 'nothing', text: 'hello' });
    expect(comment.body.error?.code).toBe('not_found');
    // A refusal for size is not remembered for its commandId: the repeat now runs (and meets the rules).
    const again = await t.api<{ error: { code: string } }>('POST', `/api/sessions/${id}/commands`, chairToken, big);
    expect(again.body.error.code).toBe('not_found');
    second.doc.getText('t').insert(0, 'c'.repeat(60 * KB));
    await second.acked();
    expect(room.doc.getText('t').length).toBe(110 * KB);
  });
});
