import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NegotiationRoom, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

/**
 * Issue 8, reproduction 6: on a deletion proposal an opposition was shown inline as "China retain"
 * but in the chair's panel as "Delete: China". One rulebook (shared positionWording): both say
 * "retain". A fresh session for this test.
 */
const room = new NegotiationRoom();
let session: SeedSession;
let china: Page;
let chair: Page;

const TEXT = ['Draft resolution', '', 'The General Assembly,', '', '1. Decides to establish an open-ended ad hoc intergovernmental committee;', ''].join('\n');

beforeAll(async () => {
  await room.start();
  const created = await room.accord.api<{ session: { id: string; title: string }; chairToken: string }>('POST', '/api/sessions', room.accord.adminKey, { title: 'Wording', text: TEXT });
  session = { id: created.session.id, title: created.session.title, seed: false, chairToken: created.chairToken };
  const kenya = await room.invite(session, 'delegation', 'Kenya');
  const doc = await room.accord.api<{ blocks: { id: string; label: string | null; text: string }[] }>('GET', `/api/sessions/${session.id}/document`, session.chairToken);
  const op1 = doc.blocks.find((b) => b.label === '1')!;
  const from = op1.text.indexOf(' ad hoc');
  await room.accord.api('POST', `/api/sessions/${session.id}/commands`, kenya.token, {
    command: { type: 'propose', kind: 'delete', anchor: { paragraphId: op1.id, from, to: from + ' ad hoc'.length, text: ' ad hoc' } },
  });
  china = await room.page((await room.invite(session, 'delegation', 'China')).link);
  chair = await room.page(room.chairLink(session));
});

afterAll(() => room.stop());

describe('positions on a deletion are worded alike in the panel and in the text', () => {
  it('China opposes Kenya’s deletion: the chair’s card and the inline tag both say "retain"', async () => {
    const card = (page: Page) => page.locator('.bracket-panel .proposal-card', { hasText: 'deletion' });
    await card(china).getByRole('button', { name: 'Oppose' }).click();
    const opposers = await pollUntil(() => card(chair).locator('[data-position="opposers"]').innerText().catch(() => ''), (t) => t.includes('China'), 'China’s opposition on the chair’s card');
    expect(opposers).toBe('Retain: China');
    const tag = await pollUntil(() => chair.locator('.ProseMirror .bracket-tag').first().innerText().catch(() => ''), (t) => t.includes('China'), 'the inline tag');
    expect(tag).toBe('Kenya delete; China retain');
    expect(await card(chair).innerText()).not.toContain('Delete: China');
    expect(room.pageErrors).toEqual([]);
  });
});
