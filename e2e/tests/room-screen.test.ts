import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSeedSession } from '../src/fresh-session';
import { artifact, NegotiationRoom, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

/** Issue 11: the room screen follows the chair, hold and release, the floor, where people are. */
interface Block {
  id: string;
  label: string | null;
  text: string;
}

const room = new NegotiationRoom();

beforeAll(() => room.start());
afterAll(() => room.stop());

async function operative(session: SeedSession, n: string): Promise<Block> {
  const blocks = (await room.accord.api<{ blocks: Block[] }>('GET', `/api/sessions/${session.id}/document`, session.chairToken)).blocks;
  const block = blocks.find((b) => b.label === n);
  if (!block) throw new Error(`no OP${n}`);
  return block;
}

/** The room screen opened with an observer's link ("Room screen"), as a projector would. */
async function openScreen(session: SeedSession): Promise<Page> {
  const { token } = await room.invite(session, 'observer', 'Room screen');
  return room.page(`/s/${session.id}/screen?token=${token}`);
}

const current = (screen: Page) => screen.locator('.screen-current').first().getAttribute('data-id', { timeout: 1_000 }).catch(() => null);
const where = (screen: Page) => screen.getByTestId('screen-where').innerText();

async function screenOn(screen: Page, block: Block, what: string): Promise<void> {
  await pollUntil(() => current(screen), (id) => id === block.id, what);
}

/** Clicks into a paragraph's text as a person would. */
const clickIn = (page: Page, block: Block) => page.locator(`.ProseMirror [data-id="${block.id}"]`).click({ position: { x: 60, y: 8 } });

describe('the room screen, the floor and where people are (issue 11)', () => {
  it('follows the chair from OP1 to OP3, holds on OP3 while the chair moves, and follows again on release', async () => {
    const session = await freshSeedSession(room, '001', 'Room screen');
    const [op1, op3] = [await operative(session, '1'), await operative(session, '3')];
    const chair = await room.page(room.chairLink(session));
    const screen = await openScreen(session);

    await clickIn(chair, op1);
    await screenOn(screen, op1, 'the screen on OP1');
    expect(await where(screen)).toContain('OP1');
    await clickIn(chair, op3);
    await screenOn(screen, op3, 'the screen on OP3');
    expect(await where(screen)).toMatch(/OP3\s*open/);
    expect(await screen.getByTestId('screen-follow').innerText()).toContain('Following Chair');
    // The highlighted paragraph is in the middle of the screen.
    const box = (await screen.locator('.screen-current').boundingBox())!;
    const viewport = screen.viewportSize()!;
    await pollUntil(async () => (await screen.locator('.screen-current').boundingBox())!.y, (y) => Math.abs(y + box.height / 2 - viewport.height / 2) < viewport.height / 3, 'OP3 centred');
    await screen.screenshot({ path: artifact('room-screen-001.png') });

    await chair.getByRole('button', { name: 'Hold the screen on OP3' }).click();
    await pollUntil(() => screen.getByTestId('screen-follow').innerText(), (t) => t.includes('Held by the chair'), 'the screen held');
    await clickIn(chair, op1);
    await chair.getByRole('button', { name: 'Release the screen (held on OP3)' }).waitFor();
    expect(await current(screen)).toBe(op3.id);
    await chair.getByRole('button', { name: 'Release the screen (held on OP3)' }).click();
    // Released, it goes to where the chair is now.
    await screenOn(screen, op1, 'the screen back with the chair on OP1');
    expect(room.pageErrors).toEqual([]);
  });

  it("a delegation asks for the floor on OP3, the chair gives it, the screen and the delegation's page show it; its caret is on the chair's page", async () => {
    const session = await freshSeedSession(room, '001', 'The floor');
    const op3 = await operative(session, '3');
    const chair = await room.page(room.chairLink(session));
    const kenya = await room.page((await room.invite(session, 'delegation', 'Kenya')).link);
    const peru = await room.page((await room.invite(session, 'delegation', 'Peru')).link);
    const screen = await openScreen(session);

    await clickIn(kenya, op3);
    // Where people are: Kenya's caret, labelled, on the chair's page; not on another delegation's.
    await chair.locator('.collaboration-carets__label[data-name="Kenya"]').waitFor({ timeout: 15_000 });
    await clickIn(chair, op3);
    await peru.locator('.collaboration-carets__label[data-name="Chair"]').waitFor({ timeout: 15_000 });
    expect(await peru.locator('.collaboration-carets__label[data-name="Kenya"]').count()).toBe(0);

    await pollUntil(() => kenya.locator('.floor-ask select').inputValue(), (v) => v === 'paragraph', 'OP3 offered');
    await kenya.getByRole('button', { name: 'Ask for the floor' }).click();
    await kenya.getByText('You are number 1 on the list.').waitFor();
    const entry = chair.locator('.floor-queue li', { hasText: 'Kenya' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('OP3');
    await entry.getByRole('button', { name: 'Give the floor' }).click();

    for (const page of [screen, kenya, chair, peru]) {
      await pollUntil(() => page.getByTestId('speaking-line').innerText().catch(() => ''), (t) => t.replace(/\s+/g, ' ').includes('Speaking: Kenya on OP3'), 'Speaking: Kenya on OP3');
    }
    await kenya.getByText('You have the floor.').waitFor();
    await screen.screenshot({ path: artifact('room-screen-floor.png') });

    await chair.locator('.floor-speaking').getByRole('button', { name: 'End' }).click();
    await pollUntil(() => screen.getByTestId('speaking-line').count(), (n) => n === 0, 'the turn ended on the screen');
    const log = await room.accord.api<{ action: string; entry: { floor?: { action: string } } }[]>('GET', `/api/sessions/${session.id}/decisions`, session.chairToken);
    expect(log.filter((d) => d.action === 'floor').map((d) => d.entry.floor!.action)).toEqual(['request', 'give', 'end']);
    expect(room.pageErrors).toEqual([]);
  });

  it('shows the Chinese text (seed 000) in large type on the screen', async () => {
    const session = await freshSeedSession(room, '000', '屏幕');
    const op3 = await operative(session, '3');
    const chair = await room.page(room.chairLink(session));
    const screen = await openScreen(session);
    await clickIn(chair, op3);
    await screenOn(screen, op3, 'the screen on OP3 of seed 000');
    const size = await screen.locator('.screen-paper').evaluate((el) => getComputedStyle(el).fontSize);
    expect(parseFloat(size)).toBeGreaterThanOrEqual(26);
    await screen.getByRole('button', { name: 'Larger text' }).click();
    await pollUntil(() => screen.locator('.screen-paper').evaluate((el) => parseFloat(getComputedStyle(el).fontSize)), (s) => s > parseFloat(size), 'larger text');
    await screen.screenshot({ path: artifact('room-screen-000.png') });
    expect(room.pageErrors).toEqual([]);
  });
});
