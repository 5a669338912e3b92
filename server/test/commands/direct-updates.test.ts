import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait.js';
import { DRAFT } from '../revisions/helpers.js';
import { blocksByLabel, firstText, paragraphElement, postCommand, type Block } from './helpers.js';

/**
 * Writers (chair, secretariat) edit the text directly through Yjs, but proposals, paragraph
 * statuses and the decision log change only through commands, and an agreed paragraph is locked.
 */
let t: TestServer;
let session: string;
let chairToken: string;
let secretariatToken: string;
let op: Map<string, Block>;
const clients: TestClient[] = [];

async function writer(tokenOf: string): Promise<TestClient> {
  const c = connectClient(t.wsUrl, session, tokenOf, { acks: true });
  clients.push(c);
  await c.synced();
  return c;
}

const liveText = async (label: string) => (await blocksByLabel(t, session, chairToken)).get(label)!.text;

beforeAll(async () => {
  t = await startTestServer();
  const s = await t.createSession('Direct updates', DRAFT);
  session = s.id;
  chairToken = s.chairToken;
  secretariatToken = await t.addParticipant(session, 'secretariat', 'Secretariat');
  op = await blocksByLabel(t, session, chairToken);
  const agreed = await postCommand(t, session, chairToken, { type: 'setParagraphStatus', paragraphId: op.get('5')!.id, status: 'agreed' });
  expect(agreed.body.ok).toBe(true);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await t?.stop();
});

describe('direct Yjs updates from writers', () => {
  it('refuse writes to proposals, paragraph statuses, the decision log and the groups, even from the chair', async () => {
    for (const [name, write] of [
      ['groups', (d: Y.Doc) => d.getMap('groups').set('forged', { id: 'forged', name: 'Forged', members: ['anyone'] })],
      ['proposals', (d: Y.Doc) => d.getMap('proposals').set('forged', { id: 'forged', status: 'accepted' })],
      ['paragraphs', (d: Y.Doc) => d.getMap('paragraphs').set(op.get('5')!.id, { status: 'open' })],
      ['decisions', (d: Y.Doc) => d.getArray('decisions').delete(0, 1)],
    ] as const) {
      const chair = await writer(chairToken);
      write(chair.doc);
      await waitFor(() => chair.notices.length > 0, `a notice for writing ${name}`);
      expect(chair.notices[0]).toMatchObject({ code: 'update_rejected' });
      const state = await t.api<{ proposals: { id: string }[]; paragraphs: Record<string, { status: string }> }>('GET', `/api/sessions/${session}/proposals`, chairToken);
      expect(state.body.proposals.some((p) => p.id === 'forged')).toBe(false);
      expect(state.body.paragraphs[op.get('5')!.id]).toEqual({ status: 'agreed' });
      const log = await t.api<unknown[]>('GET', `/api/sessions/${session}/decisions`, chairToken);
      expect(log.body).toHaveLength(1);
      expect((await t.api<unknown[]>('GET', `/api/sessions/${session}/groups`, chairToken)).body).toEqual([]);
    }
  });

  it('refuse typing in or deleting an agreed paragraph, and keep everything else flowing', async () => {
    const before = await liveText('5');
    const secretariat = await writer(secretariatToken);
    firstText(paragraphElement(secretariat.doc, op.get('5')!.id)).insert(0, 'Also ');
    await waitFor(() => secretariat.notices.length > 0, 'a notice for typing in OP 5');
    expect(secretariat.notices[0]).toMatchObject({ code: 'paragraph_locked' });
    expect(secretariat.notices[0].message).toBe('OP5 is agreed; the chair must reopen it before it can be edited');

    const chair = await writer(chairToken);
    const body = chair.doc.getXmlFragment('body');
    body.delete(body.toArray().indexOf(paragraphElement(chair.doc, op.get('5')!.id)), 1);
    await waitFor(() => chair.notices.length > 0, 'a notice for deleting OP 5');
    expect(chair.notices[0]).toMatchObject({ code: 'paragraph_locked' });

    // Someone else typing in an open paragraph is not held up by the refusals.
    const other = await writer(secretariatToken);
    firstText(paragraphElement(other.doc, op.get('4')!.id)).insert(0, 'Further ');
    await other.acked();
    expect(other.notices).toEqual([]);
    expect(await liveText('4')).toMatch(/^Further Requests/);
    expect(await liveText('5')).toBe(before);

    // Reopened, the paragraph takes direct edits again.
    expect((await postCommand(t, session, chairToken, { type: 'setParagraphStatus', paragraphId: op.get('5')!.id, status: 'open' })).body.ok).toBe(true);
    const again = await writer(secretariatToken);
    firstText(paragraphElement(again.doc, op.get('5')!.id)).insert(0, 'Also ');
    await again.acked();
    expect(await liveText('5')).toBe('Also ' + before);
  });

  it('name the status of the locked paragraph: agreed ad ref', async () => {
    expect((await postCommand(t, session, chairToken, { type: 'setParagraphStatus', paragraphId: op.get('6')!.id, status: 'adref' })).body.ok).toBe(true);
    const secretariat = await writer(secretariatToken);
    firstText(paragraphElement(secretariat.doc, op.get('6')!.id)).insert(0, 'Also ');
    await waitFor(() => secretariat.notices.length > 0, 'a notice for typing in OP 6');
    expect(secretariat.notices[0]).toMatchObject({
      code: 'paragraph_locked',
      paragraphId: op.get('6')!.id,
      message: 'OP6 is agreed ad ref; the chair must reopen it before it can be edited',
    });
  });
});
