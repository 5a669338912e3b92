import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccordProcess } from '../src/accord-process';
import { launchChromium } from '../src/browser';
import { pollUntil } from '../src/poll';

const artifacts = resolve(fileURLToPath(import.meta.url), '../../artifacts');
mkdirSync(artifacts, { recursive: true });
const englishDraft = readFileSync(resolve(fileURLToPath(import.meta.url), '../../../shared/test/fixtures/english-draft.txt'), 'utf8');

const CONVENTION = '联合国打击网络犯罪（使用信息和通信技术系统实施的犯罪）公约';
const SEED_001 = '打击为犯罪目的使用信息和通信技术行为';
const COUNTERING = 'Countering the use of information and communications technologies for criminal purposes';

const accord = new AccordProcess();
let browser: Browser;
const contexts: BrowserContext[] = [];
let kenyaLink = '';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  contexts.push(context);
  return context.newPage();
}

/** Each shown row's cells, in column order. */
const rows = (page: Page) =>
  page.locator('.session-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));

const rowCount = (page: Page, n: number, what: string) => pollUntil(() => rows(page), (r) => r.length === n, what);

beforeAll(async () => {
  await accord.start();
  const created = await accord.api<{ session: { id: string } }>('POST', '/api/sessions', accord.adminKey, { text: englishDraft });
  const seeds = (await accord.api<{ id: string; title: string }[]>('GET', '/api/sessions', accord.adminKey)).filter((s) => s.id !== created.session.id);
  const kenya = await accord.api<{ link: string }>('POST', `/api/sessions/${seeds[1]!.id}/participants`, accord.adminKey, { role: 'delegation', delegation: 'Kenya' });
  kenyaLink = accord.url + kenya.link;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await accord.stop();
});

describe('the session list', () => {
  let organiser: Page;

  it('shows each text’s symbol, title, language, revision, last activity, open brackets and the viewer’s role', async () => {
    organiser = await newPage();
    await organiser.goto(`${accord.url}/?key=${accord.adminKey}`);
    const [first, second, english] = await rowCount(organiser, 3, 'three texts listed');
    // Symbol, title, language, revision, last activity, open brackets, role.
    expect(first).toEqual(['—', CONVENTION, 'Chinese', 'Original', expect.stringMatching(/now|second|minute/), expect.stringMatching(/^[1-9]\d*$/), 'Chair']);
    expect(first![1]!.startsWith('[')).toBe(false);
    expect(second!.slice(0, 4)).toEqual(['—', SEED_001, 'Chinese', 'Original']);
    expect(second![6]).toBe('Chair');
    expect(english!.slice(0, 3)).toEqual(['A/C.3/74/L.11/Rev.1', COUNTERING, 'English']);
    expect(new URL(organiser.url()).search).toBe('');
    await organiser.screenshot({ path: resolve(artifacts, 'session-list.png'), fullPage: true });
  });

  it('searches symbols and titles, ignoring case and accents', async () => {
    const search = organiser.getByLabel('Search by symbol or title');
    await search.fill('网络犯罪');
    expect((await rowCount(organiser, 1, 'one Chinese match'))[0]![1]).toBe(CONVENTION);
    await search.fill('l.11');
    expect((await rowCount(organiser, 1, 'the symbol match'))[0]![0]).toBe('A/C.3/74/L.11/Rev.1');
    await search.fill('COUNTÉRING');
    expect((await rowCount(organiser, 1, 'an accent-blind match'))[0]![1]).toBe(COUNTERING);
    await search.fill('no such text');
    await rowCount(organiser, 0, 'no match');
    await organiser.getByText('No text matches “no such text”.').waitFor();
    await search.fill('');
    await rowCount(organiser, 3, 'all again');
  });

  it('a link with a wrong organiser key says so and keeps the stored key', async () => {
    await organiser.goto(`${accord.url}/?key=not-the-key`);
    await organiser.getByRole('alert').filter({ hasText: 'This link’s organiser key is not valid; your saved sign-in is kept.' }).waitFor();
    await rowCount(organiser, 3, 'the list, with the stored key');
    expect(new URL(organiser.url()).searchParams.has('key')).toBe(false);
    await organiser.screenshot({ path: resolve(artifacts, 'session-list-wrong-key.png') });
    expect(await organiser.evaluate(() => localStorage.getItem('accord.adminKey'))).toBe(accord.adminKey);
    await organiser.reload();
    await rowCount(organiser, 3, 'the list after a reload');
    expect(await organiser.getByRole('alert').count()).toBe(0);
  });

  it('a right key replaces a stale stored one', async () => {
    const page = await newPage();
    await page.goto(accord.url);
    await page.evaluate(() => localStorage.setItem('accord.adminKey', 'stale-key'));
    await page.goto(`${accord.url}/?key=${accord.adminKey}`);
    await rowCount(page, 3, 'the list with the new key');
    expect(await page.evaluate(() => localStorage.getItem('accord.adminKey'))).toBe(accord.adminKey);
  });

  it('reads in the interface language chosen, dates and language names too; Arabic mirrored', async () => {
    const page = await newPage();
    await page.goto(`${accord.url}/?key=${accord.adminKey}`);
    await rowCount(page, 3, 'the list');
    await page.getByTestId('language-switcher').selectOption('ar');
    await page.getByRole('columnheader', { name: 'الرمز' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const [first] = await rows(page);
    expect(first![2]).toBe('الصينية');
    expect(first![6]).toBe('الرئيس');
    await page.screenshot({ path: resolve(artifacts, 'session-list-ar.png') });
    await page.getByTestId('language-switcher').selectOption('zh');
    await page.getByRole('columnheader', { name: '文号' }).waitFor();
    expect((await rows(page))[0]![2]).toBe('中文');
  });

  it('a delegation lists only its own text, with its role', async () => {
    const page = await newPage();
    await page.goto(kenyaLink);
    await page.waitForURL(/\/s\//);
    await page.locator('.ProseMirror').waitFor();
    await page.goto(accord.url);
    const [only] = await rowCount(page, 1, 'Kenya’s one text');
    expect(only!.slice(0, 3)).toEqual(['—', SEED_001, 'Chinese']);
    expect(only![6]).toBe('Delegation Kenya');
  });
});
