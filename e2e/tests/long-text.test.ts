import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { NegotiationRoom, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

/** A text long enough for the editor's long-text mode (client/src/editor/extensions/long-text.ts). */
const PARAGRAPHS = 700;
const TEXT = ['Draft treaty', ...Array.from({ length: PARAGRAPHS }, (_, i) => `${i + 1}. Decides to keep paragraph ${i + 1} of this long draft under review;`)].join('\n\n');

const room = new NegotiationRoom();

beforeAll(() => room.start());
afterAll(() => room.stop());

/** Where the caret's paragraph is, against the window (a caret in an empty paragraph has no rectangle of its own). */
const caretBox = (page: Page) =>
  page.evaluate(() => {
    const node = window.getSelection()!.focusNode!;
    const r = (node instanceof Element ? node : node.parentElement!).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });

describe('a treaty-length text', () => {
  it('keeps the caret in view while typing new paragraphs past the bottom of the window', async () => {
    const made = await room.accord.api<{ session: SeedSession; chairToken: string }>('POST', '/api/sessions', room.accord.adminKey, { title: 'Long draft', text: TEXT });
    const session = { ...made.session, chairToken: made.chairToken };
    const page = await room.page(room.chairLink(session));
    await pollUntil(() => page.locator('.ProseMirror[data-long]').count(), (n) => n === 1, 'the long-text mode');

    const paragraphs = page.locator('.ProseMirror p');
    // The whole text first: a click while the document is still arriving lands in a paragraph that then moves.
    await pollUntil(() => paragraphs.count(), (n) => n === PARAGRAPHS + 1, 'every paragraph of the text');

    // The last paragraph still on screen, then more new paragraphs than the window holds.
    const visible = await page.locator('.ProseMirror p.op').evaluateAll((ps) => ps.findIndex((p) => p.getBoundingClientRect().bottom > window.innerHeight) - 1);
    const clicked = page.locator('.ProseMirror p.op').nth(visible);
    await clicked.click();
    await page.keyboard.press('End');
    await pollUntil(() => clicked.evaluate((p) => p.contains(window.getSelection()!.focusNode)), (inside) => inside, 'the caret in the clicked paragraph');
    // Enter is the editor's own (the browser reveals a caret after typed text by itself, not after this).
    for (let i = 0; i < 40; i++) await page.keyboard.press('Enter');
    await pollUntil(() => paragraphs.count(), (n) => n === PARAGRAPHS + 41, 'the 40 new paragraphs');
    await pollUntil(() => caretBox(page), (b) => b.top >= 0 && b.bottom <= b.height, 'the caret inside the window');
    await page.keyboard.type('still in view', { delay: 10 });
    await pollUntil(() => page.locator('.ProseMirror p', { hasText: 'still in view' }).count(), (n) => n === 1, 'the typed words');
  });
});
