import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, NegotiationRoom, shownText, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';
import { clickAfter, selectText } from '../src/text-selection';

const room = new NegotiationRoom();
let session: SeedSession;
let kenya: Page;
let eu: Page;
let chair: Page;
/** Uncaught exceptions in any page: the flows must run without them. */
const pageErrors = room.pageErrors;

const OP3 = '促请所有国家';
const OP4 = '决定在依照';
const OP5 = '还决定特设委员会应比照';

const paragraphText = shownText;
const proposals = () => room.proposals(session);

beforeAll(async () => {
  await room.start();
  session = (await room.seeds())[0];
  kenya = await room.page((await room.invite(session, 'delegation', 'Kenya')).link);
  eu = await room.page((await room.invite(session, 'delegation', 'EU')).link);
  chair = await room.page(room.chairLink(session));
});

afterAll(() => room.stop());

describe('brackets in Chromium: delegations propose, the chair decides', () => {
  it('Kenya proposes a replacement in OP 3, the EU supports it, the chair accepts and then undoes it', async () => {
    await selectText(kenya, OP3, '尽快');
    await kenya.keyboard.type('在可行的情况下尽早');
    await kenya.keyboard.press('Enter');

    // The EU sees it attributed to Kenya, in the text and in the panel, and supports it.
    await pollUntil(() => paragraphText(eu, OP3), (t) => t.includes('尽快在可行的情况下尽早'), 'the proposal in the EU’s text');
    const card = (page: Page) => page.locator('.bracket-panel .proposal-card', { hasText: '在可行的情况下尽早' });
    await card(eu).waitFor();
    expect(await card(eu).innerText()).toContain('Kenya');
    expect(await eu.locator('.ProseMirror .bracket-tag', { hasText: 'Kenya' }).count()).toBeGreaterThan(0);
    expect(await card(eu).getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await card(eu).getByRole('button', { name: 'Support' }).click();
    await card(eu).getByLabel('Comment').fill('可以接受，但请说明时限');
    await card(eu).getByLabel('Comment').press('Enter');
    await pollUntil(() => card(kenya).innerText(), (t) => t.includes('EU: 可以接受，但请说明时限'), 'the EU’s comment on Kenya’s page');
    await pollUntil(() => card(chair).innerText(), (t) => t.includes('Retain: EU'), 'the EU’s support on the chair’s page');
    // The EU narrows its panel to Kenya's brackets.
    await eu.getByLabel('Filter by delegation').selectOption('Kenya');
    expect(await eu.locator('.bracket-panel .proposal-card').count()).toBe(1);
    await eu.getByLabel('Filter by delegation').selectOption('');

    // A click on the card brings the bracket into view on the chair's page, selected.
    await card(chair).locator('.proposal-text').click();
    await pollUntil(() => chair.evaluate(() => window.getSelection()?.toString() ?? ''), (t) => t.includes('在可行的情况下尽早'), 'the proposal selected in the text');
    await pollUntil(
      () => chair.locator('.ProseMirror > *', { hasText: OP3 }).first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }),
      (v) => v,
      'OP3 scrolled into view',
    );
    await pollUntil(() => kenya.locator('.ProseMirror .bracket-tag', { hasText: 'EU retain' }).count(), (n) => n > 0, 'the EU retain in Kenya’s text');
    await chair.screenshot({ path: artifact('brackets-proposal.png') });

    // The chair accepts: the new text is agreed on every page, the old text struck through.
    await card(chair).getByRole('button', { name: 'Accept' }).click();
    for (const page of [kenya, eu, chair]) {
      await pollUntil(
        () => page.locator('.ProseMirror > *', { hasText: OP3 }).first().evaluate((el) => ({ brackets: el.querySelectorAll('.bracket').length, struck: el.querySelector('.struck')?.textContent ?? '' })),
        (s) => s.brackets === 0 && s.struck === '尽快',
        'the accepted text without brackets, the old text struck',
      );
      expect(await paragraphText(page, OP3)).toContain('尽快在可行的情况下尽早签署');
    }
    await chair.screenshot({ path: artifact('brackets-accepted.png') });

    // The chair undoes the decision from the log: the text before it is back everywhere.
    await chair.getByRole('tab', { name: /Decisions/ }).click();
    await chair.locator('.decision-log .decision', { hasText: 'accepted' }).getByRole('button', { name: 'Undo' }).click();
    for (const page of [kenya, eu, chair]) {
      await pollUntil(
        () => page.locator('.ProseMirror > *', { hasText: OP3 }).first().evaluate((el) => el.querySelectorAll('.struck').length),
        (n) => n === 0,
        'no struck text after the undo',
      );
      await pollUntil(() => page.locator('.ProseMirror > *', { hasText: OP3 }).first().locator('.bracket').count(), (n) => n === 2, 'the bracket open again');
    }
    expect((await proposals()).find((p) => p.text === '在可行的情况下尽早')?.status).toBe('open');
    await chair.getByRole('tab', { name: /Brackets/ }).click();

    // Open brackets: the panel's total matches the server's open proposals (pending ones included).
    const open = (await proposals()).filter((p) => p.status === 'open').length;
    for (const page of [kenya, eu, chair]) await pollUntil(() => page.locator('.bracket-panel .bracket-total').innerText(), (t) => t === String(open), 'the open bracket total');

    // From the panel, the chair records OP3 as agreed in informals, pending the United States.
    const op3Group = chair.locator('.bracket-panel .bracket-group', { hasText: '在可行的情况下尽早' });
    await op3Group.getByLabel('Paragraph status').selectOption('informals');
    await op3Group.getByLabel('Pending delegation').fill('US');
    await op3Group.getByLabel('Pending delegation').press('Tab');
    await pollUntil(
      () => eu.locator('.bracket-panel .bracket-group', { hasText: '在可行的情况下尽早' }).locator('.paragraph-status-tag').innerText().catch(() => ''),
      (t) => t === 'agreed in informals [pending US]',
      'the status on the EU’s panel',
    );
    expect(await eu.locator('.ProseMirror > *', { hasText: OP3 }).first().getAttribute('class')).toContain('para-status-informals');
    await eu.screenshot({ path: artifact('brackets-informals.png') });
  });

  it('a new paragraph proposed after OP 5 is labelled 5 bis, and the chair accepts it', async () => {
    await clickAfter(kenya, OP5, '行动；');
    await kenya.getByRole('button', { name: 'New paragraph after' }).click();
    await kenya.keyboard.type('鼓励各会员国支持发展中国家的能力建设；');
    await kenya.keyboard.press('Enter');
    const added = (page: Page) => page.locator(".ProseMirror .op[data-label='OP5 bis']");
    for (const page of [kenya, eu, chair]) {
      await pollUntil(() => added(page).innerText().catch(() => ''), (t) => t.includes('鼓励各会员国支持'), 'OP5 bis with the proposed text');
      expect(await added(page).getAttribute('data-num')).toBe('5 bis.');
    }
    // The chair sets up a group in the participants panel and assigns the EU to it; the EU's
    // propose bar offers it at once, and the EU opposes speaking for it.
    await chair.getByLabel('Group name').fill('EU member states');
    await chair.getByRole('button', { name: 'Create group' }).click();
    await chair.getByLabel('Add a member to EU member states').selectOption({ label: 'EU' });
    await pollUntil(() => chair.locator('.group-list li[data-group="EU member states"]').innerText(), (t) => t.includes('EU'), 'the EU listed as a member');
    await pollUntil(() => eu.getByLabel('Speaking for').locator('option').allInnerTexts().catch((): string[] => []), (o: string[]) => o.includes('EU member states'), 'the group offered to the EU');
    expect(await kenya.getByLabel('Speaking for').count()).toBe(0);
    await eu.getByLabel('Speaking for').selectOption('EU member states');
    await eu.locator('.bracket-panel .proposal-card', { hasText: '鼓励各会员国支持' }).getByRole('button', { name: 'Oppose' }).click();
    await eu.getByLabel('Speaking for').selectOption('');
    const card = chair.locator('.bracket-panel .proposal-card', { hasText: '鼓励各会员国支持' });
    await pollUntil(() => card.innerText(), (t) => t.includes('Delete: EU member states (EU)'), 'the group’s opposition on the chair’s page');
    expect(await card.innerText()).toContain('new paragraph');
    // The chair decides from the keyboard: select the card, then A.
    await card.locator('.proposal-text').click();
    const selected = () => chair.locator('.bracket-panel .proposal-card.selected .proposal-text').innerText();
    await chair.keyboard.press('k');
    expect(await selected()).not.toContain('鼓励各会员国支持');
    await chair.keyboard.press('j');
    expect(await selected()).toContain('鼓励各会员国支持');
    await chair.keyboard.press('a');
    await pollUntil(async () => (await proposals()).find((p) => p.kind === 'newParagraph')?.status, (s) => s === 'accepted', 'the new paragraph accepted');
    await pollUntil(() => added(eu).locator('.bracket').count(), (n) => n === 0, 'the new paragraph agreed on the EU’s page');
    expect(await added(eu).innerText()).toContain('鼓励各会员国支持发展中国家的能力建设；');
  });

  it('the chair fills the pending [日期] in OP 2 with a date; delegations read the log but cannot undo', async () => {
    const OP2 = '通过本决议所附';
    const pending = chair.locator('.bracket-panel .bracket-group', { hasText: 'OP2' }).locator('.proposal-card', { hasText: '日期' });
    await pending.getByLabel('Agreed text').fill('2025年12月31日');
    await pending.getByRole('button', { name: 'Accept' }).click();
    for (const page of [kenya, eu, chair]) {
      // BR24: the placeholder is struck (shown struck, left out of print), the date agreed after it.
      const op2 = page.locator('.ProseMirror > *', { hasText: OP2 }).first();
      await pollUntil(() => op2.evaluate((el) => ({ brackets: el.querySelectorAll('.bracket').length, struck: el.querySelector('.struck')?.textContent })), (s) => s.brackets === 0 && s.struck === '日期', 'the placeholder struck in OP2');
      expect(await paragraphText(page, OP2)).toContain('并直至日期2025年12月31日在纽约');
    }
    await eu.getByRole('tab', { name: /Decisions/ }).click();
    const entry = eu.locator('.decision-log .decision').first();
    expect(await entry.innerText()).toMatch(/Chair accepted Pending[\s\S]*OP2[\s\S]*日期[\s\S]*→[\s\S]*2025年12月31日/);
    expect(await eu.locator('.decision-log').getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await eu.screenshot({ path: artifact('brackets-decision-log.png') });
    await eu.getByRole('tab', { name: /Brackets/ }).click();
  });

  it('an agreed paragraph refuses a proposal with a clear message', async () => {
    await clickAfter(chair, OP4, '决定在依照');
    const status = chair.locator('.current-paragraph').getByLabel('Paragraph status');
    await pollUntil(() => chair.locator('.current-paragraph h3').innerText(), (t) => t.startsWith('OP4'), 'OP4 as the current paragraph');
    await status.selectOption('agreed');
    await pollUntil(() => kenya.locator('.ProseMirror .op', { hasText: OP4 }).first().getAttribute('class'), (c) => !!c?.includes('para-status-agreed'), 'OP4 agreed on Kenya’s page');

    const before = (await proposals()).length;
    await selectText(kenya, OP4, '决定在依照');
    await kenya.keyboard.type('决定根据');
    await kenya.keyboard.press('Enter');
    await kenya.locator('.toast', { hasText: 'agreed' }).waitFor();
    expect(await kenya.locator('.toast', { hasText: 'agreed' }).innerText()).toMatch(/^OP4 is agreed; the chair must reopen it first/);
    expect((await proposals()).length).toBe(before);
    await kenya.screenshot({ path: artifact('brackets-locked.png') });
  });

  it('a chair whose edit reaches the server after the paragraph was locked gets the stored text back, not its own', async () => {
    const OP6 = '又决定特设委员会将在公约';
    // A second chair window whose messages to the server can be held back, as on a slow network.
    const late = await room.page();
    let held: (string | Buffer)[] | null = null;
    let toServer: ((m: string | Buffer) => void) | null = null;
    await late.routeWebSocket(/\/collab/, (ws) => {
      const server = ws.connectToServer();
      toServer = (m) => server.send(m);
      ws.onMessage((m) => (held ? held.push(m) : server.send(m)));
      server.onMessage((m) => ws.send(m));
    });
    await late.goto(room.accord.url + room.chairLink(session));
    const op6 = late.locator('.ProseMirror > *', { hasText: OP6 }).first();
    await op6.waitFor();
    const paragraphId = (await op6.getAttribute('data-id'))!;
    const textOf = (page: Page) => page.locator(`.ProseMirror > [data-id='${paragraphId}']`).innerText();

    held = [];
    await clickAfter(late, OP6, '又决定');
    await late.keyboard.type('迟到的修改');
    await pollUntil(() => textOf(late), (t) => t.includes('又决定迟到的修改'), 'the edit on the late chair’s page');
    // Meanwhile the chair agrees OP6; the late window still receives everything.
    await room.accord.api('POST', `/api/sessions/${session.id}/commands`, session.chairToken, { command: { type: 'setParagraphStatus', paragraphId, status: 'agreed' } });
    await pollUntil(() => late.locator(`.ProseMirror > [data-id='${paragraphId}']`).getAttribute('class'), (c) => !!c?.includes('para-status-agreed'), 'OP6 agreed on the late chair’s page');

    // The held edit now arrives: the server refuses it and the page reloads the stored text.
    const release = held;
    held = null;
    expect(release.length).toBeGreaterThan(0);
    for (const m of release) toServer!(m);
    await pollUntil(() => textOf(late).catch(() => ''), (t) => t.includes(OP6) && !t.includes('迟到的修改'), 'the refused edit gone from the late chair’s page');
    expect(await late.locator('.toast', { hasText: 'not kept' }).innerText()).toMatch(/agreed; the chair must reopen it before it can be edited\. Your last change was not kept/);
    for (const page of [kenya, eu, chair]) expect(await textOf(page)).not.toContain('迟到的修改');
    await late.screenshot({ path: artifact('brackets-refused-edit.png') });
  });

  it('no page raised an uncaught exception along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
