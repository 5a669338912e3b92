import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccordProcess } from '../src/accord-process';
import { launchChromium } from '../src/browser';
import { pollUntil } from '../src/poll';

const artifacts = resolve(fileURLToPath(import.meta.url), '../../artifacts');
mkdirSync(artifacts, { recursive: true });

interface ListedSession {
  id: string;
  title: string;
  seed: boolean;
  language: string;
  chairToken: string;
}

const accord = new AccordProcess();
let browser: Browser;
let seeds: ListedSession[] = [];
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  return context.newPage();
}

/** The text of every block, one per line; other people's carets add no characters. */
const editorText = (page: Page) =>
  page.locator('.ProseMirror').evaluate((el) => [...el.children].map((block) => block.textContent ?? '').join('\n'));

async function waitForText(page: Page, fragment: string, what: string): Promise<void> {
  await pollUntil(() => editorText(page), (t) => t.includes(fragment), what);
}

/** Puts the caret at the end of the paragraph holding `marker` and types `text` as keystrokes. */
async function typeAtEndOf(page: Page, marker: string, text: string): Promise<void> {
  await page.locator('.ProseMirror p', { hasText: marker }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 20 });
}

beforeAll(async () => {
  await accord.start();
  browser = await launchChromium();
  seeds = (await accord.api<ListedSession[]>('GET', '/api/sessions', accord.adminKey)).filter((s) => s.seed);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await accord.stop();
});

describe('live co-drafting in Chromium', () => {
  it('shows both seed texts on the organiser page, opens one and invites a delegation from the UI', async () => {
    const chair = await newPage();
    await chair.goto(`${accord.url}/?key=${accord.adminKey}`);
    await chair.locator('.session-row').first().waitFor();
    const rows = await chair.locator('.session-row').allInnerTexts();
    expect(seeds).toHaveLength(2);
    for (const s of seeds) expect(rows.some((r) => r.includes(s.title))).toBe(true);

    const zh = seeds[0]!;
    await chair.locator('.session-row', { hasText: zh.title }).click();
    await chair.waitForURL(/\/s\//);
    await waitForText(chair, '回顾', 'the Chinese seed text in the editor');

    await chair.getByLabel('Role', { exact: true }).selectOption('delegation');
    await chair.getByLabel('Delegation', { exact: true }).fill('Kenya');
    await chair.getByRole('button', { name: 'Add' }).click();
    const link = await chair.locator('.added-link').getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/s\/.+\?token=/);

    const kenya = await newPage();
    await kenya.goto(link);
    await waitForText(kenya, '回顾', 'the text on the delegation page');
    // Presence is stamped by the server from the token: both pages list both people.
    await pollUntil(() => chair.locator('.presence-list').innerText(), (t) => t.includes('Kenya'), 'Kenya in the chair’s presence list');
    await pollUntil(() => kenya.locator('.presence-list').innerText(), (t) => /chair/i.test(t), 'the chair in Kenya’s presence list');

    // The chair types, the delegation sees it live.
    await typeAtEndOf(chair, '回顾', '（主席补充）');
    await waitForText(kenya, '（主席补充）', 'the chair’s typing on the delegation page');

    // A delegation never edits the text directly: its keystrokes wait in a proposal draft until sent.
    await typeAtEndOf(kenya, '回顾', 'KENYA-DIRECT');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await editorText(chair)).not.toContain('KENYA-DIRECT');

    await chair.locator('.ProseMirror').evaluate((el) => (el as HTMLElement).blur());
    await chair.locator('.paper-scroll').evaluate((el) => el.scrollTo(0, 0));
    await chair.screenshot({ path: join(artifacts, 'co-drafting-zh-seed.png'), fullPage: false });
  });

  it('keeps Chinese typed through an input method whole while someone else types in the same paragraph', async () => {
    const s = seeds[0]!;
    const secretariat = await accord.api<{ link: string }>('POST', `/api/sessions/${s.id}/participants`, s.chairToken, {
      role: 'secretariat',
      delegation: 'Secretariat',
    });
    const a = await newPage();
    const b = await newPage();
    await a.goto(`${accord.url}/s/${s.id}?token=${s.chairToken}`);
    await b.goto(accord.url + secretariat.link);
    for (const p of [a, b]) await p.locator('.ProseMirror[contenteditable="true"]').waitFor();

    const paragraph = '还回顾其';
    await a.locator('.ProseMirror p', { hasText: paragraph }).first().click();
    await a.keyboard.press('End');
    const ime = await a.context().newCDPSession(a);
    // Pinyin composition, step by step, while B types into the same paragraph between the steps.
    const steps = ['x', 'xi', 'xie', 'xie s', 'xie sh', 'xie sha', 'xie shan'];
    await b.locator('.ProseMirror p', { hasText: paragraph }).first().click();
    await b.keyboard.press('Home');
    for (const [i, text] of steps.entries()) {
      await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await b.keyboard.type(String(i), { delay: 10 });
    }
    await ime.send('Input.insertText', { text: '协商一致' });
    await b.keyboard.type('END', { delay: 10 });

    const paragraphText = (p: Page) =>
      p.locator('.ProseMirror p', { hasText: paragraph }).first().evaluate((el) => el.textContent ?? '');
    for (const p of [a, b]) {
      const t = await pollUntil(() => paragraphText(p), (x) => x.includes('协商一致') && x.includes('0123456END'), 'both inputs in the paragraph');
      expect(t.split('协商一致')).toHaveLength(2); // exactly once
      expect(t).not.toMatch(/[a-z]/); // no pinyin left behind
    }
    expect(await paragraphText(a)).toBe(await paragraphText(b));
  });

  it('keeps both people’s text when the server restarts, including edits typed while it was down', async () => {
    const other = seeds[1]!;
    const secretariat = await accord.api<{ link: string }>('POST', `/api/sessions/${other.id}/participants`, other.chairToken, {
      role: 'secretariat',
      delegation: 'Secretariat',
    });
    const chairLink = `/s/${other.id}?token=${other.chairToken}`;
    const a = await newPage();
    const b = await newPage();
    await a.goto(accord.url + chairLink);
    await b.goto(accord.url + secretariat.link);
    for (const p of [a, b]) await p.locator('.ProseMirror[contenteditable="true"]').waitFor();

    const first = (await a.locator('.ProseMirror p.op').first().innerText()).slice(0, 12);
    await typeAtEndOf(a, first, ' alpha-before');
    // Each keystroke commits React (the unsaved count): React must read the editor's selection
    // fields rather than count every character before the caret (extensions/react-commit-selection.ts).
    const counted = await a.locator('.ProseMirror').evaluate((el) => {
      const own = Object.getOwnPropertyDescriptor(el, 'selectionStart');
      if (!own) return false;
      const w = window as unknown as { __reads: number };
      w.__reads = 0;
      Object.defineProperty(el, 'selectionStart', { ...own, get: () => ++w.__reads && 0 });
      return true;
    });
    expect(counted).toBe(true);
    await a.keyboard.type('!', { delay: 20 });
    await pollUntil(() => a.evaluate(() => (window as unknown as { __reads: number }).__reads), (n) => n > 0, 'React reading the editor’s selection fields');
    await typeAtEndOf(b, first, ' beta-before');
    for (const p of [a, b]) {
      await waitForText(p, 'alpha-before', 'A’s text before the restart');
      await waitForText(p, 'beta-before', 'B’s text before the restart');
    }

    await accord.kill();
    await pollUntil(() => a.locator('.connection').innerText(), (t) => !/^connected/i.test(t.trim()), 'the offline indicator');
    await typeAtEndOf(a, first, ' alpha-offline');
    await typeAtEndOf(b, first, ' beta-offline');

    await accord.start();
    for (const p of [a, b]) {
      for (const s of ['alpha-before', 'beta-before', 'alpha-offline', 'beta-offline']) await waitForText(p, s, `${s} after reconnect`);
    }
    // The server has it durably: a fresh page (new context, no local state) sees all four.
    await pollUntil(
      () => accord.api<unknown>('GET', `/api/sessions/${other.id}/document`, other.chairToken).then((d) => JSON.stringify(d)),
      (t) => ['alpha-before', 'beta-before', 'alpha-offline', 'beta-offline'].every((s) => t.includes(s)),
      'all four edits stored on the server',
    );
    const c = await newPage();
    await c.goto(accord.url + chairLink);
    for (const s of ['alpha-before', 'beta-before', 'alpha-offline', 'beta-offline']) await waitForText(c, s, `${s} on a fresh page`);
  });
});
