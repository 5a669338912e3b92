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

/** Waits until the highlighted paragraph has come to rest near the middle of the screen. */
async function centred(screen: Page): Promise<void> {
  const middle = screen.viewportSize()!.height / 2;
  await pollUntil(
    async () => {
      const a = (await screen.locator('.screen-current').boundingBox())!;
      await new Promise((r) => setTimeout(r, 150));
      const b = (await screen.locator('.screen-current').boundingBox())!;
      return { moving: a.y !== b.y, off: Math.abs(b.y + b.height / 2 - middle) };
    },
    (v) => !v.moving && v.off < middle / 2,
    'the paragraph centred',
  );
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
    // The highlighted paragraph comes to the middle of the screen.
    await centred(screen);
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
    await screenOn(screen, op3, 'the screen with the chair on OP3');
    await centred(screen);
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
    await centred(screen);
    await screen.screenshot({ path: artifact('room-screen-000.png') });
    expect(room.pageErrors).toEqual([]);
  });

  it('works for a right-to-left text: the highlighted paragraph, its number and label on the right', async () => {
    const text = ['مشروع قرار', '', 'إن الجمعية العامة،', '', 'إذ تشير إلى قرارها 74/247،', '', '1. تقرر إنشاء لجنة مخصصة [مفتوحة العضوية]؛', '', '2. تطلب إلى الأمين العام تقديم الدعم اللازم؛', '', '3. تقرر أن تعقد اللجنة دورة تنظيمية في نيويورك؛'].join('\n');
    const made = await room.accord.api<{ session: { id: string; title: string }; chairToken: string }>('POST', '/api/sessions', room.accord.adminKey, { title: 'مشروع قرار', text, language: 'ar' });
    const session: SeedSession = { id: made.session.id, title: made.session.title, seed: false, chairToken: made.chairToken };
    const op2 = await operative(session, '2');
    const chair = await room.page(room.chairLink(session));
    const screen = await openScreen(session);
    await clickIn(chair, op2);
    await screenOn(screen, op2, 'the screen on OP2 of the Arabic text');
    expect(await screen.locator('.screen-paper').getAttribute('dir')).toBe('rtl');
    const paper = (await screen.locator('.screen-paper').boundingBox())!;
    const number = await screen.locator('.screen-current').evaluate((el) => {
      const before = getComputedStyle(el, '::before');
      return { left: parseFloat(before.left), right: parseFloat(before.right) };
    });
    expect(number.right).toBeLessThan(paper.width / 2);
    await centred(screen);
    await screen.screenshot({ path: artifact('room-screen-ar.png') });
    expect(room.pageErrors).toEqual([]);
  });
});
