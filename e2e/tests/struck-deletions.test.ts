import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccordProcess } from '../src/accord-process';
import { launchChromium } from '../src/browser';
import { pollUntil } from '../src/poll';
import { clickAfter, selectText } from '../src/text-selection';

interface ListedSession {
  id: string;
  seed: boolean;
  chairToken: string;
}

const accord = new AccordProcess();
let browser: Browser;
const contexts: BrowserContext[] = [];

async function open(link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(accord.url + link);
  await page.locator('.ProseMirror .op').first().waitFor();
  return page;
}

const OP1 = '注意到拟订';
/** OP 1 as shown: struck passages in ~~ ~~, annotations left out. */
const shown = (page: Page) =>
  page
    .locator('.ProseMirror > *', { hasText: OP1 })
    .first()
    .evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('sup').forEach((t) => t.remove());
      copy.querySelectorAll('.struck').forEach((s) => (s.textContent = `~~${s.textContent}~~`));
      return copy.textContent ?? '';
    });

beforeAll(async () => {
  await accord.start();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await accord.stop();
});

describe('the pen never deletes silently', () => {
  it('text the secretariat deletes or types over stays struck through for everyone until the next revision', async () => {
    const session = (await accord.api<ListedSession[]>('GET', '/api/sessions', accord.adminKey)).find((s) => s.seed)!;
    const invite = (role: string, delegation: string) =>
      accord.api<{ link: string }>('POST', `/api/sessions/${session.id}/participants`, session.chairToken, { role, delegation });
    const secretariat = await open((await invite('secretariat', 'Secretariat')).link);
    const kenya = await open((await invite('delegation', 'Kenya')).link);
    await secretariat.locator('.ProseMirror[contenteditable="true"]').waitFor();

    // Typing over a selection: the old words stay, struck, before the new ones.
    await selectText(secretariat, OP1, '表示赞扬');
    await secretariat.keyboard.type('致谢');
    // Backspace over someone else's text strikes it; over one's own fresh typing it just corrects.
    await clickAfter(secretariat, OP1, '采取行动');
    await secretariat.keyboard.press('Backspace');
    await secretariat.keyboard.press('Backspace');
    await secretariat.keyboard.type('XY');
    await secretariat.keyboard.press('Backspace');

    for (const page of [secretariat, kenya]) {
      await pollUntil(() => shown(page), (t) => t.includes('并对特设委员会的工作~~表示赞扬~~致谢') && t.includes('采取X~~行动~~，'), 'the struck passages');
    }
    // The text as it would print (REST) leaves struck passages out.
    const printed = await accord.api<{ blocks: { label: string | null; text: string }[] }>('GET', `/api/sessions/${session.id}/document`, session.chairToken);
    expect(printed.blocks.find((b) => b.label === '1')!.text).toMatch(/采取X，并对特设委员会的工作致谢；$/);

    // Issuing a revision drops what was struck.
    await accord.api('POST', `/api/sessions/${session.id}/revisions`, session.chairToken, { label: 'Rev.1' });
    await pollUntil(() => shown(kenya), (t) => !t.includes('~~') && t.includes('采取X，并对特设委员会的工作致谢'), 'the struck passages gone at Rev.1');
  });
});
