import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSeedSession } from '../src/fresh-session';
import { NegotiationRoom, shownText, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';
import { clickAfter } from '../src/text-selection';

// Seed 001 PP16 (issue 8, reproduction 12): the chair types after 国家立法 while the secretariat
// types after 最佳做法 a few words later, in the same paragraph.
// Found by words nobody types into.
const PP16 = '技术援助和国际合作的信息';
const RUNS = 3;

const room = new NegotiationRoom();

beforeAll(() => room.start());
afterAll(() => room.stop());

interface Writers {
  session: SeedSession;
  chair: Page;
  secretariat: Page;
  observer: Page;
}

/** A fresh copy of seed 001 with its chair, a secretariat and an observer, all showing the text. */
async function writers(run: string): Promise<Writers> {
  const session = await freshSeedSession(room, '001', `Concurrent writers ${run}`);
  const chair = await room.page(room.chairLink(session));
  const secretariat = await room.page((await room.invite(session, 'secretariat', 'Secretariat')).link);
  const observer = await room.page((await room.invite(session, 'observer', 'Observer')).link);
  for (const page of [chair, secretariat]) await page.locator('.ProseMirror[contenteditable="true"]').waitFor();
  return { session, chair, secretariat, observer };
}

/** Records every text the paragraph holding `marker` shows on `page` from now on. */
async function recordParagraph(page: Page, marker: string): Promise<void> {
  await page.locator('.ProseMirror > *', { hasText: marker }).first().waitFor();
  await page.evaluate((m) => {
    const seen: string[] = [];
    (window as unknown as { seenTexts: string[] }).seenTexts = seen;
    const editor = document.querySelector('.ProseMirror')!;
    const read = () => {
      const p = [...editor.children].find((el) => el.textContent?.includes(m));
      const text = p?.textContent ?? '';
      if (seen[seen.length - 1] !== text) seen.push(text);
    };
    read();
    new MutationObserver(read).observe(editor, { subtree: true, childList: true, characterData: true });
  }, marker);
}

const seenTexts = (page: Page) => page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);

async function expectEveryPage(w: Writers, expected: string, what: string): Promise<void> {
  for (const page of [w.observer, w.chair, w.secretariat]) {
    const text = await pollUntil(() => shownText(page, PP16), (t) => t.includes(expected), `${what} on ${page === w.observer ? 'the observer' : page === w.chair ? 'the chair' : 'the secretariat'}’s page`);
    expect(text).toContain(expected);
  }
}

describe('two writers typing in one paragraph (issue 8, reproduction 12)', () => {
  it(`keys typed by the chair and the secretariat at once each arrive whole and in place, ${RUNS} runs`, async () => {
    for (let run = 1; run <= RUNS; run++) {
      const w = await writers(`keys ${run}`);
      await clickAfter(w.chair, PP16, '国家立法');
      await clickAfter(w.secretariat, PP16, '最佳做法');
      await Promise.all([w.chair.keyboard.type('日期ab', { delay: 150 }), w.secretariat.keyboard.type('第十三届wxyz', { delay: 130 })]);
      await expectEveryPage(w, '交流关于国家立法日期ab、最佳做法第十三届wxyz、技术援助', `run ${run}: both words whole`);
    }
    expect(room.pageErrors).toEqual([]);
  });

  it(`a composition is seen by others only once committed, whole, while the other writer types; ${RUNS} runs`, async () => {
    for (let run = 1; run <= RUNS; run++) {
      const w = await writers(`ime ${run}`);
      await recordParagraph(w.observer, PP16);
      await clickAfter(w.chair, PP16, '国家立法');
      await clickAfter(w.secretariat, PP16, '最佳做法');
      const ime = await w.chair.context().newCDPSession(w.chair);
      const compose = async () => {
        for (const text of ['r', 'ri', '日', '日q', '日qi', '日期']) {
          await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
          // Typing speed, not a wait for a result.
          await new Promise((r) => setTimeout(r, 150));
        }
        await ime.send('Input.insertText', { text: '日期' });
      };
      await Promise.all([compose(), w.secretariat.keyboard.type('第十三届', { delay: 130 })]);
      await expectEveryPage(w, '交流关于国家立法日期、最佳做法第十三届、技术援助', `run ${run}: the composition and the keys whole`);
      // The observer's page has shown the final text, so everything sent has arrived: no pinyin in between.
      const seen = await seenTexts(w.observer);
      expect(seen.filter((t) => /[a-z]/.test(t))).toEqual([]);
      await ime.detach();
    }
    expect(room.pageErrors).toEqual([]);
  });
});
