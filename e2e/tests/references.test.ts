import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, NegotiationRoom, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

interface Block {
  id: string;
  type: string;
  label: string | null;
  text: string;
}
interface CommandAnswer {
  ok: boolean;
  result?: { proposalId?: string };
}

/** OP1–OP6, then two OPs that refer to earlier paragraphs. */
const TEXT = [
  'Draft resolution on cooperation',
  '',
  'The General Assembly,',
  '',
  'Recalling its resolution 74/247 of 27 December 2019,',
  '',
  '1. Adopts the Convention annexed to the present resolution;',
  '2. Invites all States to sign the Convention;',
  '3. Urges Member States to ratify the Convention;',
  '4. Requests the Secretary-General to designate the secretariat;',
  '5. Decides to convene a conference of the parties;',
  '6. Decides to review the Convention after five years;',
  '7. Requests the Secretary-General to support the work described in paragraphs 2 and 3 above;',
  '8. Decides to consider the review described in paragraph 6 above at its next session.',
  '',
].join('\n');

const room = new NegotiationRoom();
const accord = room.accord;
const editorText = (page: Page) => page.locator('.ProseMirror').innerText();

beforeAll(() => room.start());
afterAll(() => room.stop());

describe('paragraph references follow renumbering, in Chromium', () => {
  it('the chair sees the flagged reference in the issue dialog, then the rewritten reference in the text', async () => {
    const created = await accord.api<{ session: { id: string; title: string }; chairToken: string }>('POST', '/api/sessions', accord.adminKey, { title: 'References', text: TEXT });
    const session: SeedSession = { id: created.session.id, title: created.session.title, seed: false, chairToken: created.chairToken };
    const base = `/api/sessions/${session.id}`;
    const ops = (await accord.api<{ blocks: Block[] }>('GET', `${base}/document`, session.chairToken)).blocks.filter((b) => b.type === 'operative');
    const op = (label: string) => ops.find((b) => b.label === label)!;

    // Kenya's new paragraph after OP1 is accepted (it is "1 bis" until the revision); OP6 is deleted.
    const kenya = await room.invite(session, 'delegation', 'Kenya');
    const command = (token: string, cmd: unknown) => accord.api<CommandAnswer>('POST', `${base}/commands`, token, { command: cmd });
    const added = await command(kenya.token, { type: 'propose', kind: 'newParagraph', after: op('1').id, blockType: 'operative', text: 'Encourages regional cooperation;' });
    expect((await command(session.chairToken, { type: 'accept', proposalId: added.result!.proposalId })).ok).toBe(true);
    expect((await command(session.chairToken, { type: 'setParagraphStatus', paragraphId: op('6').id, status: 'deleted' })).ok).toBe(true);

    const chair = await room.page(room.chairLink(session));
    await pollUntil(() => editorText(chair), (t) => t.includes('Encourages regional cooperation'), 'the accepted paragraph on the chair’s page');
    await chair.getByRole('button', { name: 'Issue revision…' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Issue revision' });
    const flags = dialog.locator('.reference-flags');
    await flags.waitFor();
    const row = await flags.locator('tbody tr').allInnerTexts();
    expect(row).toHaveLength(1);
    expect(row[0]).toContain('OP8');
    expect(row[0]).toContain('paragraph 6 above');
    expect(row[0]).toContain('OP6 is deleted by this revision');
    await dialog.locator('.reference-rewrites summary').click();
    expect(await dialog.locator('.reference-rewrites li').allInnerTexts()).toEqual(['OP7: “paragraphs 2 and 3 above” → “paragraphs 3 and 4 above”']);
    await chair.screenshot({ path: artifact('issue-revision-references.png') });

    await dialog.getByRole('button', { name: 'Issue revision' }).click();
    await chair.locator('.revision-list', { hasText: 'Rev.1' }).waitFor();
    const text = await pollUntil(() => editorText(chair), (t) => t.includes('paragraphs 3 and 4 above'), 'the rewritten reference in the text');
    expect(text).not.toContain('paragraphs 2 and 3 above');
    expect(text).toContain('described in paragraph 6 above'); // flagged: left as written

    // Kenya, who never touched it, reads the same rewritten reference.
    const delegation = await room.page(kenya.link);
    await pollUntil(() => editorText(delegation), (t) => t.includes('paragraphs 3 and 4 above'), 'the rewritten reference on Kenya’s page');
    expect(room.pageErrors).toEqual([]);
  });
});
