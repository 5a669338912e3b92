import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NegotiationRoom, artifact, type ProposalRecord, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';
import { clickAfter, clickAfterAndType, selectText } from '../src/text-selection';

// Issue 8, reproductions 1–5: nothing a delegation types in propose mode is lost without a trace.
const room = new NegotiationRoom();
let session: SeedSession;

const delegation = async (name: string) => room.page((await room.invite(session, 'delegation', name)).link);
const mine = async (name: string) => (await room.proposals(session)).filter((p: ProposalRecord) => p.sponsors[0]?.name === name && p.status === 'open');
const unsentTag = (page: Page) => page.locator('.tag-outbox');
const connected = (page: Page) => pollUntil(() => page.locator('.connection-label').innerText(), (t) => t === 'connected', 'the page connected');

beforeAll(async () => {
  await room.start();
  session = (await room.seeds())[0];
});

afterAll(() => room.stop());

describe('propose mode never loses what was typed', () => {
  it('[repro 1] Escape right after typing sends nothing, and the toast’s Restore brings the text back', async () => {
    const page = await delegation('Chile');
    await clickAfter(page, '注意到拟订一项关于', '表示赞扬');
    await page.keyboard.type('XYZ');
    await page.keyboard.press('Escape');
    const toast = page.locator('.toast', { hasText: 'XYZ' });
    await toast.waitFor();
    expect(await toast.innerText()).toMatch(/set aside, not sent/);
    await toast.getByRole('button', { name: 'Restore' }).click();
    await pollUntil(() => page.locator('.ProseMirror .propose-draft').innerText().catch(() => ''), (t) => t.includes('XYZ'), 'the draft back in place');
    await page.keyboard.press('Enter');
    await pollUntil(async () => (await mine('Chile')).map((p) => [p.kind, p.text]), (l) => l.length === 1 && l[0][0] === 'insert' && l[0][1] === 'XYZ', 'the restored insertion, sent once');
  });

  it('[repro 2] an alternative is sent after a pause, without Enter', async () => {
    const page = await delegation('Peru');
    await selectText(page, '促请所有国家和有权限', '尽快');
    await page.getByRole('menu', { name: 'Propose for the selection' }).getByRole('button', { name: 'Propose alternative' }).click();
    await page.locator('.propose-draft--alternative').waitFor();
    await page.keyboard.type('及时');
    await pollUntil(
      async () => (await mine('Peru')).filter((p) => p.kind === 'alternative').map((p) => p.text),
      (t) => t.includes('及时'),
      'the alternative sent after the pause',
    );
  });

  it('[repro 3] keys typed right after a click keep their first character, also as one insertText', async () => {
    const page = await delegation('Ghana');
    await clickAfterAndType(page, '还决定特设委员会应比照', '继续开展工作', { keys: 'abcdef' });
    await pollUntil(async () => (await mine('Ghana')).map((p) => p.text), (t) => t.length === 1 && t[0] === 'abcdef', '“abcdef” whole');
    await page.keyboard.press('Enter');
    await clickAfterAndType(page, '还请秘书长向联合国毒品', '提供必要资源', { insertText: 'ghijkl' });
    await pollUntil(async () => (await mine('Ghana')).map((p) => p.text).sort(), (t) => t.length === 2 && t[1] === 'ghijkl', '“ghijkl” whole, from one insertText');
  });

  it('[repro 4] typed while the server is down: shown as unsent, and proposed once when it is back', async () => {
    const page = await delegation('Nepal');
    await connected(page);
    await room.accord.stop();
    await pollUntil(() => page.locator('.connection-label').innerText(), (t) => t !== 'connected', 'the page sees the server gone');
    await clickAfter(page, '请公约缔约国会议', '技术发展情况');
    await page.keyboard.type('和趋势');
    await pollUntil(() => unsentTag(page).innerText().catch(() => ''), (t) => t === '1 proposal not sent yet', 'the unsent hint in the header');
    await page.screenshot({ path: artifact('propose-outbox-offline.png') });
    await room.accord.start();
    await pollUntil(async () => (await mine('Nepal')).map((p) => p.text), (t) => t.length === 1 && t[0] === '和趋势', 'the proposal arrived after the restart');
    await pollUntil(() => unsentTag(page).count(), (n) => n === 0, 'the unsent hint gone');
    await connected(page);
    expect((await mine('Nepal')).length).toBe(1);
  });

  it('[repro 4] a proposal typed offline survives a reload and is sent when the connection is back', async () => {
    // The page's WebSocket and its REST fallback for commands can be cut while the server stays up,
    // so that the page can reload (WebSocket routing applies from the next navigation on).
    const page = await room.page();
    let blocked = false;
    await page.route(/\/api\/sessions\/[^/]+\/commands/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.routeWebSocket(/\/collab\//, (ws) => {
      if (blocked) return ws.close();
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => ws.send(m));
    });
    await page.goto(room.accord.url + (await room.invite(session, 'delegation', 'Bhutan')).link);
    await page.locator('.ProseMirror .op').first().waitFor();
    await connected(page);
    blocked = true;
    await room.accord.restart();
    await clickAfter(page, '请秘书长根据', '指定');
    await page.keyboard.type('并授权');
    await pollUntil(
      async () => [await unsentTag(page).innerText().catch(() => ''), await page.locator('.connection-label').innerText(), JSON.stringify(await mine('Bhutan')), await page.locator('.toast').allInnerTexts()].join(' | '),
      (t) => t.startsWith('1 proposal not sent yet'),
      'the unsent hint before the reload',
    );
    await page.reload();
    // The text itself waits for the connection; the header already shows what is not sent.
    await unsentTag(page).waitFor();
    expect(await unsentTag(page).innerText()).toBe('1 proposal not sent yet');
    expect(await mine('Bhutan')).toEqual([]);
    blocked = false;
    await pollUntil(async () => (await mine('Bhutan')).map((p) => p.text), (t) => t.length === 1 && t[0] === '并授权', 'the proposal sent after the reload');
    await pollUntil(() => unsentTag(page).count(), (n) => n === 0, 'the unsent hint gone');
  });

  it('[repro 5] an agreed paragraph refuses the first keystroke and says why', async () => {
    const page = await delegation('Fiji');
    const OP6 = '又决定特设委员会将在公约';
    const op6 = page.locator('.ProseMirror .op', { hasText: OP6 }).first();
    const paragraphId = (await op6.getAttribute('data-id'))!;
    await room.accord.api('POST', `/api/sessions/${session.id}/commands`, session.chairToken, { command: { type: 'setParagraphStatus', paragraphId, status: 'agreed' } });
    await pollUntil(() => op6.getAttribute('class'), (c) => !!c?.includes('para-status-agreed'), 'OP6 agreed on the page');
    await clickAfter(page, OP6, '又决定');
    await page.keyboard.type('[XYZ]');
    const toast = page.locator('.toast', { hasText: 'OP6 is agreed' }).first();
    await toast.waitFor();
    expect(await toast.innerText()).toMatch(/^OP6 is agreed; the chair must reopen it first/);
    // Nothing drawn as a bracket, nothing proposed.
    expect(await page.locator('.ProseMirror .propose-draft').innerText().catch(() => '')).not.toContain('XYZ');
    expect(await mine('Fiji')).toEqual([]);
  });

  it('no page raised an uncaught exception along the way', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
