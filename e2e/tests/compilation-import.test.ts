import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, NegotiationRoom } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

/**
 * Issue 10: a compilation text pasted into the create form keeps its attributions as sponsors,
 * not as wording, and what the import did not understand is shown to the secretariat with its place.
 */
const room = new NegotiationRoom();

beforeAll(() => room.start());
afterAll(() => room.stop());

describe('pasting a compilation text into the create form', () => {
  it('shows the import warnings with their place, then the sponsors in the editor', async () => {
    const page = await room.page();
    await page.goto(`${room.accord.url}/?key=${encodeURIComponent(room.accord.adminKey)}`);
    await page.getByLabel('Title', { exact: true }).fill('Crime');
    const text = [
      'The General Assembly,',
      '[Deeply] concerned [G77: by the rise] [EU: about the rise and diversity] of crime,',
      '1. Decides [Note: to come] to act;',
    ].join('\n\n');
    await page.locator('textarea').fill(text);
    await page.getByRole('button', { name: 'Create and open as chair' }).click();

    const warnings = page.locator('.import-warnings');
    await warnings.waitFor();
    expect(await warnings.locator('li').allInnerTexts()).toEqual(['OP1, at character 9 ("[Note: to come] to act;"): "Note:" not read as sponsors']);
    await page.screenshot({ path: artifact('compilation-import-warnings.png') });
    await warnings.getByRole('button', { name: 'Open as chair' }).click();

    await page.locator('.ProseMirror .op').first().waitFor();
    const tags = await pollUntil(
      () => page.locator('.ProseMirror .bracket-tag').allInnerTexts(),
      (t) => t.includes('G77') && t.includes('EU'),
      'the sponsors’ tags in the editor',
    );
    expect(tags).toEqual(['G77', 'EU']);
    const pp = await page.locator('.ProseMirror p', { hasText: 'concerned' }).first().innerText();
    // The attributions are sponsors, not wording inside the brackets.
    expect(pp).not.toContain('G77:');
    expect(pp).not.toContain('EU:');
    await page.screenshot({ path: artifact('compilation-import-editor.png') });
    expect(room.pageErrors).toEqual([]);
  });
});
