import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait.js';
import { DRAFT } from '../revisions/helpers.js';
import { blocksByLabel, firstText, paragraphElement, type Block } from './helpers.js';

/**
 * Direct edits on the record (issue 8, reproduction 11): whatever client a writer uses — here a
 * stock y-websocket provider, with no Accord plugin to strike deletions — the server records who
 * deleted or typed over what, in which paragraph.
 */
interface EditView {
  id: string;
  by: string;
  role: string;
  paragraphId: string;
  paragraph: string | null;
  before: string;
  after: string;
  text: string;
}

let t: TestServer;
let session: string;
let chairToken: string;
let secretariatToken: string;
let op: Map<string, Block>;
const clients: TestClient[] = [];

async function writer(token: string): Promise<TestClient> {
  const c = connectClient(t.wsUrl, session, token, { acks: true });
  clients.push(c);
  await c.synced();
  return c;
}

const text = (c: TestClient, id: string): Y.XmlText => firstText(paragraphElement(c.doc, id));

const edits = async () => (await t.api<EditView[]>('GET', `/api/sessions/${session}/edits`, chairToken)).body;

beforeAll(async () => {
  t = await startTestServer();
  const s = await t.createSession('Direct edits', DRAFT);
  session = s.id;
  chairToken = s.chairToken;
  secretariatToken = await t.addParticipant(session, 'secretariat', 'Secretariat');
  op = await blocksByLabel(t, session, chairToken);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await t?.stop();
});

describe('the record of direct edits', () => {
  it('a stock provider with a chair token deleting a word: the deletion is in the log (who, paragraph, old text)', async () => {
    const chair = await writer(chairToken);
    const id = op.get('2')!.id;
    const y = text(chair, id);
    const at = y.toString().indexOf('all ');
    // Deleted key by key (backspace), as a person would: one entry, not four.
    for (let i = 3; i >= 0; i--) y.delete(at + i, 1);
    // A deletion does not move the state vector (SAVED cannot tell it); the record comes back to
    // the writer itself, which is the barrier.
    const record = chair.doc.getArray<{ before: string }>('edits');
    await waitFor(() => record.length === 1 && record.get(0).before === 'all ', 'the deletion on the record');
    const log = await edits();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ byId: 'chair', by: 'Chair', role: 'chair', paragraphId: id, paragraph: 'OP2', before: 'all ', after: '' });
    expect(log[0].text).toBe('Chair deleted ‘all ’ in OP2');
    // The record travels with the document to every client, like the decision log.
    const reader = await writer(secretariatToken);
    expect(reader.doc.getArray('edits').toArray()).toMatchObject([{ by: 'Chair', before: 'all ' }]);
  });

  it('a type-over is recorded as old → new; typing alone is not an entry', async () => {
    const sec = await writer(secretariatToken);
    const id = op.get('3')!.id;
    const y = text(sec, id);
    y.insert(y.length - 1, ' promptly');
    await sec.acked();
    expect((await edits()).filter((e) => e.paragraphId === id)).toEqual([]);
    // Select "Urges" and type "Calls upon" over it, key by key.
    const at = y.toString().indexOf('Urges');
    sec.doc.transact(() => y.delete(at, 'Urges'.length));
    for (const [i, ch] of [...'Calls upon'].entries()) {
      y.insert(at + i, ch);
      await sec.acked();
    }
    const mine = (await edits()).filter((e) => e.paragraphId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ by: 'Secretariat', role: 'secretariat', paragraph: 'OP3', before: 'Urges', after: 'Calls upon' });
    expect(mine[0].text).toBe('Secretariat replaced ‘Urges’ with ‘Calls upon’ in OP3');
  });

  it('text struck (as the editor strikes a direct deletion) is recorded as deleted', async () => {
    const chair = await writer(chairToken);
    const id = op.get('1')!.id;
    const y = text(chair, id);
    const at = y.toString().indexOf('annexed ');
    y.format(at, 'annexed '.length, { struck: { by: 'Chair', decision: null } });
    await chair.acked();
    await waitFor(async () => (await edits()).some((e) => e.paragraphId === id), 'the struck deletion on the record');
    expect((await edits()).filter((e) => e.paragraphId === id)).toMatchObject([{ by: 'Chair', before: 'annexed ', after: '' }]);
  });

  it('clients cannot write the record themselves', async () => {
    const chair = await writer(chairToken);
    chair.doc.getArray('edits').push([{ id: 'forged', by: 'Kenya', before: 'x', after: '' }]);
    await waitFor(() => chair.notices.length > 0, 'a notice for writing edits');
    expect(chair.notices[0]).toMatchObject({ code: 'update_rejected' });
    expect((await edits()).some((e) => e.id === 'forged')).toBe(false);
  });
});
