import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NegotiationRoom, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

/** Issue 8, reproductions 7 (competing proposals go stale) and 8 (compare hides an accepted deletion). */
interface Block {
  id: string;
  label: string | null;
  text: string;
}
interface CommandAnswer {
  ok: boolean;
  result?: { proposalId?: string };
}

const room = new NegotiationRoom();
const accord = room.accord;
const SEED_000 = readFileSync(new URL('../../seeds/000_85b9ad751e1b66bf.txt', import.meta.url), 'utf8');

/** A fresh session of seed 000 for one test, and OP3 (the paragraph with 尽快). */
async function freshSession(title: string): Promise<{ session: SeedSession; op3: Block }> {
  const made = await accord.api<{ session: SeedSession; chairToken: string }>('POST', '/api/sessions', accord.adminKey, { title, text: SEED_000 });
  const session = { ...made.session, chairToken: made.chairToken };
  const blocks = (await accord.api<{ blocks: Block[] }>('GET', `/api/sessions/${session.id}/document`, session.chairToken)).blocks;
  const op3 = blocks.find((b) => b.label === '3' && b.text.includes('尽快'))!;
  expect(op3).toBeTruthy();
  return { session, op3 };
}

const command = (session: SeedSession, token: string, cmd: unknown) =>
  accord.api<CommandAnswer>('POST', `/api/sessions/${session.id}/commands`, token, { command: cmd });

const openCount = async (page: Page) => Number(/(\d+) open/.exec(await page.locator('.tag-brackets').innerText())?.[1] ?? NaN);

beforeAll(() => room.start());
afterAll(() => room.stop());

describe('competing proposals and compare (issue 8)', () => {
  it('reproduction 7: B’s deletion of 尽快 is superseded when A’s replacement is accepted, not counted, and no ghost after Rev.1', async () => {
    const { session, op3 } = await freshSession('Superseded');
    const kenya = await room.invite(session, 'delegation', 'Kenya');
    const china = await room.invite(session, 'delegation', 'China');
    const from = op3.text.indexOf('尽快');
    const anchor = { paragraphId: op3.id, from, to: from + 2, text: '尽快' };
    const a = await command(session, kenya.token, { type: 'propose', kind: 'replace', anchor, text: '在可行的情况下尽早' });
    const b = await command(session, china.token, { type: 'propose', kind: 'delete', anchor });
    expect(a.ok && b.ok).toBe(true);
    const chinaId = b.result!.proposalId!;

    const delegation = await room.page(china.link);
    const before = await pollUntil(() => openCount(delegation), (n) => n >= 2, 'both brackets counted');
    const chinaBracket = delegation.locator(`.ProseMirror span[data-type="bracket"][data-id="${chinaId}"]`);
    await pollUntil(() => chinaBracket.count(), (n) => n > 0, 'China’s bracket in the text');
    await command(session, session.chairToken, { type: 'accept', proposalId: a.result!.proposalId });

    // China sees its deletion superseded: out of the count, off the text, listed with why.
    await pollUntil(() => openCount(delegation), (n) => n === before - 2, 'the open count without both brackets');
    expect(await chinaBracket.count()).toBe(0);
    await delegation.getByLabel('Filter by status').selectOption('superseded');
    const card = delegation.locator(`.proposal-card[data-proposal="${chinaId}"]`);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/superseded/i);
    expect(await card.locator('.proposal-superseded').innerText()).toContain("Chair's acceptance of Kenya");
    expect((await room.proposals(session)).find((p) => p.id === chinaId)?.status).toBe('superseded');

    // After Rev.1 nothing of it comes back: no open record without text, the count unchanged.
    await accord.api('POST', `/api/sessions/${session.id}/revisions`, session.chairToken, { label: 'Rev.1' });
    await pollUntil(() => delegation.locator('.header-title ~ .tag', { hasText: 'Rev.1' }).count(), (n) => n > 0, 'Rev.1 on the page');
    expect(await openCount(delegation)).toBe(before - 2);
    const state = await accord.api<{ proposals: { id: string; status: string }[]; counts: { total: number } }>('GET', `/api/sessions/${session.id}/proposals`, session.chairToken);
    expect(state.counts.total).toBe(before - 2);
    expect(state.proposals.find((p) => p.id === chinaId)?.status).toBe('superseded');
    // The decision log names what the acceptance superseded.
    await delegation.getByRole('tab', { name: /Decisions/ }).click();
    expect(await delegation.locator('.decision-superseded').first().innerText()).toContain('China');
  });

  it('reproduction 8: with “Hide formatting and whitespace changes”, an accepted deletion stays visible in compare', async () => {
    const { session, op3 } = await freshSession('Compare deletion');
    const kenya = await room.invite(session, 'delegation', 'Kenya');
    const from = op3.text.indexOf('尽快');
    const rev = await accord.api<{ id: string }>('POST', `/api/sessions/${session.id}/revisions`, session.chairToken, { label: 'Rev.1' });
    const del = await command(session, kenya.token, { type: 'propose', kind: 'delete', anchor: { paragraphId: op3.id, from, to: from + 2, text: '尽快' } });
    expect((await command(session, session.chairToken, { type: 'accept', proposalId: del.result!.proposalId })).ok).toBe(true);

    const chair = await room.page(room.chairLink(session));
    await chair.goto(`${accord.url}/s/${session.id}/compare?from=rev:${rev.id}&to=live&view=inline&hideFormatting=1`);
    const frame = chair.frameLocator('iframe.comparison-frame');
    await pollUntil(() => frame.locator('body').innerText().catch(() => ''), (t) => t.includes('Concordance'), 'the comparison');
    expect(await chair.getByLabel(/Hide formatting/).isChecked()).toBe(true);
    expect(await frame.locator('.diff del', { hasText: '尽快' }).count()).toBeGreaterThan(0);
  });
});
