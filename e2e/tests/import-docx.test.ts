import { writeFileSync } from 'node:fs';
import { AlignmentType, Document, InsertedTextRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, NegotiationRoom } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

const room = new NegotiationRoom();
beforeAll(() => room.start());
afterAll(() => room.stop());

/** A Word draft with automatically numbered OPs and a tracked insertion by Canada. */
async function wordDraft(path: string): Promise<void> {
  const op = (children: (TextRun | InsertedTextRun)[]) => new Paragraph({ numbering: { reference: 'ops', level: 0 }, children });
  const doc = new Document({
    numbering: { config: [{ reference: 'ops', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph('Word draft on cooperation'),
          new Paragraph('The General Assembly,'),
          new Paragraph({ children: [new TextRun({ text: 'Recalling', italics: true }), new TextRun(' its earlier resolutions,')] }),
          op([new TextRun('Welcomes the report of the Committee;')]),
          op([new TextRun('Urges States to '), new InsertedTextRun({ text: 'swiftly ', id: 1, author: 'Canada', date: '2026-12-01T10:00:00Z' }), new TextRun('ratify the Convention.')]),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

describe('importing a Word file from the create form', () => {
  it('opens the editor with the paragraphs of the .docx, numbered, and the tracked change as a proposal', async () => {
    const file = artifact('word-draft.docx');
    await wordDraft(file);
    const page = await room.page();
    await page.goto(`${room.accord.url}/?key=${encodeURIComponent(room.accord.adminKey)}`);
    await page.locator('.create-form input[type="file"]').setInputFiles(file);
    await expect.poll(() => page.getByTestId('docx-name').textContent()).toContain('word-draft.docx');
    await page.getByRole('button', { name: 'Create and open as chair' }).click();
    // Warnings (if any) are listed in the form first; the chair then opens the text.
    const open = page.getByRole('button', { name: 'Open as chair' });
    await Promise.race([open.waitFor().then(() => open.click()), page.locator('.ProseMirror .op').first().waitFor()]);
    await page.locator('.ProseMirror .op').first().waitFor();
    const text = await pollUntil(() => page.locator('.ProseMirror').innerText(), (t) => t.includes('ratify the Convention'), 'the imported text');
    expect(text).toContain('Word draft on cooperation');
    expect(text).toContain('Recalling its earlier resolutions,');
    expect(text).toContain('Welcomes the report of the Committee;');
    expect(await page.locator('.ProseMirror .op').count()).toBe(2);
    expect(await page.locator('.ProseMirror [data-role="insert"], .ProseMirror .bracket-insert').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('import-docx.png') });
  });
});
