import type { Page } from 'playwright-core';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Screen boxes (one per line it spans) of the first occurrence of `text` in the paragraph containing `marker`. */
async function textBoxes(page: Page, marker: string, text: string): Promise<Box[]> {
  const paragraph = page.locator('.ProseMirror > *', { hasText: marker }).first();
  await paragraph.scrollIntoViewIfNeeded();
  const box = await paragraph.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(wanted);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + wanted.length);
      return [...r.getClientRects()].map((b) => ({ x: b.left, y: b.top, w: b.width, h: b.height }));
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in the paragraph with "${marker}"`);
  return box;
}

/** In propose mode a click or selection gives the focus to the proposal input: typing goes there. */
async function proposalInputFocused(page: Page): Promise<void> {
  if (await page.locator('.propose-input').count()) {
    await page.waitForFunction(() => document.activeElement?.classList.contains('propose-input'), null, { timeout: 5_000 });
  }
}

/** Selects `text` with the mouse, as a user would (across a line break too). */
export async function selectText(page: Page, marker: string, text: string): Promise<void> {
  const boxes = await textBoxes(page, marker, text);
  const first = boxes[0];
  const last = boxes[boxes.length - 1];
  await page.mouse.move(first.x + 1, first.y + first.h / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.w - 1, last.y + last.h / 2, { steps: 4 });
  await page.mouse.up();
  await proposalInputFocused(page);
}

/** Clicks just after `text`, putting the caret there. */
export async function clickAfter(page: Page, marker: string, text: string): Promise<void> {
  const boxes = await textBoxes(page, marker, text);
  const b = boxes[boxes.length - 1];
  await page.mouse.click(b.x + b.w - 1, b.y + b.h / 2);
  await proposalInputFocused(page);
}

/** Clicks just after `text` and returns at once, as a quick typist would start typing. */
export async function clickAfterAndType(page: Page, marker: string, text: string, typed: { keys?: string; insertText?: string }): Promise<void> {
  const boxes = await textBoxes(page, marker, text);
  const b = boxes[boxes.length - 1];
  await page.mouse.click(b.x + b.w - 1, b.y + b.h / 2);
  if (typed.keys) await page.keyboard.type(typed.keys);
  if (typed.insertText) await page.keyboard.insertText(typed.insertText);
}
