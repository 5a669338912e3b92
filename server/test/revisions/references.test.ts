import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RevisionPreview } from '@accord/shared/revisions/index';
import type { RevisionView } from '../../src/revisions/revision-service.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { DRAFT } from './helpers.js';

const SEED_000 = readFileSync(new URL('../../../seeds/000_85b9ad751e1b66bf.txt', import.meta.url), 'utf8');

interface Block {
  id: string;
  type: string;
  label: string | null;
  text: string;
}

describe('paragraph references follow renumbering (REST)', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const t of servers.splice(0)) await t.server.stop();
  });

  /** OPs of the live text by label ("9", "2 bis"), read through REST as any client would. */
  async function ops(t: TestServer, id: string, token: string): Promise<Map<string, Block>> {
    const r = await t.api<{ blocks: Block[] }>('GET', `/api/sessions/${id}/document`, token);
    return new Map(r.body.blocks.filter((b) => b.type === 'operative').map((b) => [b.label!, b]));
  }

  async function command(t: TestServer, id: string, token: string, command: unknown): Promise<{ proposalId?: string }> {
    const r = await t.api<{ ok: boolean; result: { proposalId?: string } }>('POST', `/api/sessions/${id}/commands`, token, { command });
    expect(r.body.ok).toBe(true);
    return r.body.result;
  }

  it('seed 000: after a new paragraph after OP2 is accepted, the preview and the revision rewrite OP9’s "上文第 5 和第 6 段" in OP10', async () => {
    const t = await startTestServer();
    servers.push(t);
    const { id, chairToken } = await t.createSession('Cybercrime', SEED_000);
    const kenya = await t.addParticipant(id, 'delegation', 'Kenya');
    const before = await ops(t, id, chairToken);
    const { proposalId } = await command(t, id, kenya, { type: 'propose', kind: 'newParagraph', after: before.get('2')!.id, blockType: 'operative', text: '鼓励各国开展合作；' });
    await command(t, id, chairToken, { type: 'accept', proposalId });
    const op9 = before.get('9')!;
    const expected = { paragraphId: op9.id, labelFrom: 'OP9', labelTo: 'OP10', from: '上文第 5 和第 6 段', to: '上文第 6 和第 7 段' };

    expect((await t.api('GET', `/api/sessions/${id}/revisions/preview`, kenya)).status).toBe(403);
    const preview = await t.api<RevisionPreview>('GET', `/api/sessions/${id}/revisions/preview`, chairToken);
    expect(preview.status).toBe(200);
    expect(preview.body.references).toEqual([expected]);
    expect(preview.body.flagged).toEqual([]);
    expect(preview.body.renumbering).toContainEqual({ paragraphId: op9.id, from: '9', to: '10' });
    expect((await ops(t, id, chairToken)).get('9')!.text).toContain('上文第 5 和第 6 段'); // a preview writes nothing

    const issued = await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' });
    expect(issued.status).toBe(201);
    expect(issued.body.references).toEqual([expected]);
    expect(issued.body.flaggedReferences).toEqual([]);
    expect(issued.body.renumbering).toContainEqual({ paragraphId: op9.id, from: '9', to: '10' });

    const after = await ops(t, id, chairToken);
    expect(after.get('10')!.id).toBe(op9.id);
    expect(after.get('10')!.text).toContain('同时根据上文第 6 和第 7 段支持特设委员会的工作');
    const stored = await t.api<RevisionView & { snapshot: { doc: unknown } }>('GET', `/api/sessions/${id}/revisions/${issued.body.id}`, chairToken);
    expect(stored.body.references).toEqual([expected]);
    expect(JSON.stringify(stored.body.snapshot.doc)).toContain('上文第 6 和第 7 段');
  });

  it('a reference to a paragraph the revision deletes is flagged in the preview and the record, and left as written', async () => {
    const t = await startTestServer();
    servers.push(t);
    const text = `${DRAFT}\n7. Requests the Secretary-General to act on paragraphs 4 and 6 above.\n`;
    const { id, chairToken } = await t.createSession('Cooperation', text);
    const before = await ops(t, id, chairToken);
    await command(t, id, chairToken, { type: 'setParagraphStatus', paragraphId: before.get('4')!.id, status: 'deleted' });

    const preview = await t.api<RevisionPreview>('GET', `/api/sessions/${id}/revisions/preview`, chairToken);
    const flag = { paragraphId: before.get('7')!.id, label: 'OP7', text: 'paragraphs 4 and 6 above', reason: 'deleted', detail: 'OP4 is deleted by this revision' };
    expect(preview.body.flagged).toEqual([flag]);
    expect(preview.body.references).toEqual([]);

    const issued = await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' });
    expect(issued.body.flaggedReferences).toEqual([flag]);
    expect((await ops(t, id, chairToken)).get('6')!.text).toBe('Requests the Secretary-General to act on paragraphs 4 and 6 above.');
  });
});
