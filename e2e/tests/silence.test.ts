import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSeedSession } from '../src/fresh-session';
import { artifact, NegotiationRoom, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

/** Issue 11: the silence procedure — set by the chair, broken by a delegation, adopted at its deadline across a restart. */
interface Block {
  id: string;
  label: string | null;
  type: string;
}
interface SilenceView {
  silences: { id: string; state: string }[];
  open: string[];
}

const room = new NegotiationRoom();

beforeAll(() => room.start());
afterAll(() => room.stop());

async function operative(session: SeedSession, n: string): Promise<Block> {
  const blocks = (await room.accord.api<{ blocks: Block[] }>('GET', `/api/sessions/${session.id}/document`, session.chairToken)).blocks;
  const block = blocks.find((b) => b.label === n && b.type === 'operative');
  if (!block) throw new Error(`no OP${n}`);
  return block;
}

const banners = (page: Page) => page.getByTestId('silence-banners').innerText({ timeout: 1_000 }).catch(() => '');
const silences = (session: SeedSession) => room.accord.api<SilenceView>('GET', `/api/sessions/${session.id}/silence`, session.chairToken);

describe('the silence procedure (issue 11)', () => {
  it('the chair puts OP1 under silence from the dialog; Kenya breaks it with a statement; the chair sees the break live', async () => {
    const session = await freshSeedSession(room, '001', 'Silence broken');
    const kenyaLink = (await room.invite(session, 'delegation', 'Kenya')).link;
    const chair = await room.page(room.chairLink(session));
    const kenya = await room.page(kenyaLink);
    const screen = await room.page(`/s/${session.id}/screen?token=${(await room.invite(session, 'observer', 'Room screen')).token}`);

    await chair.getByRole('button', { name: 'Put under silence…' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Put the text under silence' });
    await dialog.getByLabel('Chosen paragraphs').check();
    await dialog.getByLabel('OP1', { exact: true }).check();
    const tomorrow = new Date(Date.now() + 24 * 3_600_000).toISOString().slice(0, 10);
    await dialog.getByLabel('Date').fill(tomorrow);
    await dialog.getByLabel('Time', { exact: true }).fill('17:30');
    await expect(dialog.getByTestId('silence-preview').innerText()).resolves.toMatch(/^Deadline for you: .*5:30|17:30/);
    await dialog.getByRole('button', { name: 'Start the silence procedure' }).click();

    // Everyone reads it at once, the deadline in their own zone; the room screen says so too.
    await pollUntil(() => banners(kenya), (t) => t.includes('Under silence procedure until') && t.includes('OP1'), "Kenya's banner");
    await pollUntil(() => banners(chair), (t) => t.includes('Under silence procedure until'), "the chair's banner");
    await pollUntil(() => screen.getByTestId('screen-silence').innerText({ timeout: 1_000 }).catch(() => ''), (t) => t.includes('OP1'), 'the room screen line');
    await chair.screenshot({ path: artifact('silence-chair-open.png') });
    await kenya.screenshot({ path: artifact('silence-kenya-open.png') });

    // Kenya breaks silence with a written statement.
    await kenya.getByRole('button', { name: 'Break silence' }).click();
    await kenya.getByLabel('Your statement').fill('Kenya cannot join consensus on OP1 as it stands.');
    await kenya.getByRole('button', { name: 'Break silence with this statement' }).click();

    // The chair's page shows who broke it and what they said, live, and the log has it.
    const seen = await pollUntil(() => banners(chair), (t) => t.includes('Silence broken by Kenya'), "the break on the chair's page");
    expect(seen).toContain('Kenya cannot join consensus on OP1 as it stands.');
    await chair.getByRole('tab', { name: /Decisions/ }).click();
    expect(await chair.locator('.decision-silence').first().innerText()).toMatch(/Kenya broke silence: “Kenya cannot join consensus on OP1 as it stands\.”/);
    await pollUntil(() => screen.getByTestId('screen-silence').count(), (n) => n === 0, 'the room screen line gone');
    await chair.screenshot({ path: artifact('silence-chair-broken.png') });
    await kenya.screenshot({ path: artifact('silence-kenya-broken.png') });
    expect((await silences(session)).silences.map((s) => s.state)).toEqual(['broken']);
    expect(room.pageErrors).toEqual([]);
  });

  it('a silence with a short deadline, the server restarted in the middle, reads "adopted under silence procedure"', async () => {
    const session = await freshSeedSession(room, '001', 'Silence adopted');
    const op2 = await operative(session, '2');
    const kenyaLink = (await room.invite(session, 'delegation', 'Kenya')).link;
    const kenya = await room.page(kenyaLink);
    const deadline = Date.now() + 10_000;
    await room.accord.api('POST', `/api/sessions/${session.id}/silence`, session.chairToken, { deadline, paragraphIds: [op2.id] });
    await pollUntil(() => banners(kenya), (t) => t.includes('Under silence procedure until') && t.includes('OP2'), "Kenya's banner");

    await room.accord.restart();
    // The page reconnects by itself; at the deadline (or at start, had the restart outlasted it) OP2 is adopted.
    const paragraph = kenya.locator(`.ProseMirror [data-id="${op2.id}"]`);
    await pollUntil(() => paragraph.innerText(), (t) => t.includes('adopted under silence procedure'), 'OP2 adopted on the page', 40_000);
    expect(Date.now()).toBeGreaterThanOrEqual(deadline);
    await pollUntil(() => banners(kenya), (t) => t.includes('OP2 adopted under silence procedure at'), 'the adoption banner');
    expect((await silences(session)).silences.map((s) => s.state)).toEqual(['adopted']);
    await paragraph.scrollIntoViewIfNeeded();
    await kenya.screenshot({ path: artifact('silence-kenya-adopted.png') });
    expect(room.pageErrors).toEqual([]);
  });
});
