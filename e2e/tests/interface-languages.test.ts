import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSeedSession } from '../src/fresh-session';
import { artifact, NegotiationRoom } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

/** Issue 11, "Six languages": the interface in each official language, Arabic mirrored; the text keeps its own language. */
type Tree = { [key: string]: string | Tree };
const localesDir = resolve(fileURLToPath(import.meta.url), '../../../client/src/i18n/locales');
const locale = (lang: string) => JSON.parse(readFileSync(`${localesDir}/${lang}.json`, 'utf8')) as Tree;
const word = (tree: Tree, key: string) => key.split('.').reduce<Tree | string>((n, k) => (n as Tree)[k], tree) as string;

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** A short Arabic draft: a right-to-left text, whatever the interface language. */
const ARABIC_TEXT = [
  'الجمعية العامة،',
  'إذ تشير إلى قراراتها السابقة بشأن هذه المسألة،',
  'وإذ تؤكد من جديد أهمية التعاون الدولي في هذا المجال،',
  '1. تقرر أن تواصل النظر في هذه المسألة في دورتها المقبلة؛',
  '2. تطلب إلى الأمين العام أن يقدم إليها تقريرا عن تنفيذ هذا القرار؛',
  '3. تقرر أن تبقي المسألة قيد نظرها.',
].join('\n\n');

const room = new NegotiationRoom();
beforeAll(() => room.start());
afterAll(() => room.stop());

const htmlAttrs = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

async function choose(page: Page, lang: string): Promise<void> {
  await page.getByTestId('language-switcher').selectOption(lang);
  await pollUntil(() => htmlAttrs(page), (a) => a.lang === lang, `the interface in ${lang}`);
}

describe('the interface in the six official languages (issue 11)', () => {
  it('switches the whole interface to each language, mirrors it in Arabic, and keeps the text in its own language', async () => {
    const session = await freshSeedSession(room, '001', 'Six languages');
    const chair = await room.page(room.chairLink(session));
    expect(await htmlAttrs(chair)).toEqual({ lang: 'en', dir: 'ltr' });

    for (const lang of LANGUAGES) {
      await choose(chair, lang);
      const words = locale(lang);
      expect(await htmlAttrs(chair)).toEqual({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
      // The chrome speaks the language: the view switch, the panel's tabs, the floor, the header's role.
      expect(await chair.locator('.view-switch button').first().textContent()).toBe(word(words, 'editor.compilation'));
      expect(await chair.locator('.panel-tabs button').first().textContent()).toContain(word(words, 'panel.brackets'));
      expect(await chair.locator('.floor-panel h3').textContent()).toContain(word(words, 'floor.speakers'));
      expect((await chair.locator('.header-me .tag-role').textContent())!.toLowerCase()).toBe(word(words, 'role.chair').toLowerCase());
      // The text is Chinese whatever the interface: its own language and direction.
      expect(await chair.locator('article.paper').evaluate((el) => [el.getAttribute('lang'), getComputedStyle(el).direction])).toEqual(['zh', 'ltr']);
      const sidebar = (await chair.locator('.sidebar').boundingBox())!;
      const paper = (await chair.locator('.paper-scroll').boundingBox())!;
      // Arabic mirrors the interface: the panels move to the left of the text.
      if (lang === 'ar') expect(sidebar.x).toBeLessThan(paper.x);
      else expect(sidebar.x).toBeGreaterThan(paper.x);
      await chair.screenshot({ path: artifact(`interface-${lang}.png`) });
    }

    // Chosen per person and remembered: a reload keeps Spanish; another person's page is still in English.
    await chair.reload();
    await chair.locator('.ProseMirror .op').first().waitFor();
    expect(await htmlAttrs(chair)).toEqual({ lang: 'es', dir: 'ltr' });
    const { link } = await room.invite(session, 'delegation', 'Kenya');
    const kenya = await room.page(link);
    expect(await htmlAttrs(kenya)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(room.pageErrors).toEqual([]);
  });

  it('puts the OP numbers and the gutter on the right of an Arabic text, under an English or an Arabic interface', async () => {
    const created = await room.accord.api<{ session: { id: string }; chairToken: string }>('POST', '/api/sessions', room.accord.adminKey, {
      title: 'مشروع قرار',
      text: ARABIC_TEXT,
      language: 'ar',
    });
    const chair = await room.page(`/s/${created.session.id}?token=${created.chairToken}`);
    for (const lang of ['en', 'ar']) {
      await choose(chair, lang);
      const paper = chair.locator('article.paper');
      expect(await paper.evaluate((el) => [el.getAttribute('lang'), getComputedStyle(el).direction])).toEqual(['ar', 'rtl']);
      const op = chair.locator('.ProseMirror .op[data-num]').first();
      // The number hangs at the right edge of the paragraph, where the right-to-left lines start.
      const num = await op.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const before = getComputedStyle(el, '::before');
        return { right: before.right, left: before.left, paddingRight: parseFloat(getComputedStyle(el).paddingRight), width: box.width };
      });
      expect(num.right).toBe('0px');
      expect(num.paddingRight).toBeGreaterThan(0);
      // The gutter label (OP1) is in the right margin: the paper's start padding is on the right.
      const pads = await paper.evaluate((el) => ({ left: parseFloat(getComputedStyle(el).paddingLeft), right: parseFloat(getComputedStyle(el).paddingRight) }));
      expect(pads.right).toBeGreaterThan(pads.left);
      const label = await chair.locator('.ProseMirror .block[data-label]').first().evaluate((el) => getComputedStyle(el, '::after').right);
      expect(label).not.toBe('auto');
      await chair.screenshot({ path: artifact(`arabic-text-${lang}-interface.png`) });
    }
    expect(room.pageErrors).toEqual([]);
  });
});
