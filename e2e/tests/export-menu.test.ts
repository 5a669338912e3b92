import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSeedSession } from '../src/fresh-session';
import { artifact, NegotiationRoom } from '../src/negotiation-room';

const room = new NegotiationRoom();

beforeAll(() => room.start());
afterAll(() => room.stop());

describe('export from the editor menu in Chromium', () => {
  it('downloads seed 001 as Word (clean and compilation) and plain text, live and at a revision', async () => {
    const session = await freshSeedSession(room, '001', 'Export e2e');
    const rev = await room.accord.api<{ id: string }>('POST', `/api/sessions/${session.id}/revisions`, session.chairToken, { label: 'Rev.1' });
    const chair = await room.page(room.chairLink(session));
    await chair.locator('.ProseMirror[contenteditable="true"]').waitFor();
    await chair.getByRole('button', { name: 'Export' }).click();
    const panel = chair.getByRole('dialog', { name: 'Export the text' });
    await panel.waitFor();
    await chair.screenshot({ path: artifact('export-menu.png') });

    const download = async (label: string) => {
      const [d] = await Promise.all([chair.waitForEvent('download', { timeout: 20_000 }), panel.getByRole('button', { name: label, exact: true }).click()]);
      const path = artifact(d.suggestedFilename());
      await d.saveAs(path);
      return { name: d.suggestedFilename(), bytes: readFileSync(path) };
    };

    const clean = await download('Word (clean)');
    expect(clean.name).toBe(`${session.id}.docx`);
    expect(clean.bytes.length).toBeGreaterThan(1000);
    const zip = await JSZip.loadAsync(clean.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('第七十四届会议');
    expect(await zip.file('word/footnotes.xml')!.async('string')).toContain('A/74/130。');

    // The file opens in Accord's Word import again, with the same paragraphs and footnotes.
    const again = await room.accord.api<{ session: { id: string }; chairToken: string }>('POST', '/api/sessions', room.accord.adminKey, { title: 'Re-imported', docx: clean.bytes.toString('base64') });
    type Counts = { counts: { pp: number; op: number; footnotes: number } };
    const counts = async (id: string, token: string) => (await room.accord.api<Counts>('GET', `/api/sessions/${id}/document`, token)).counts;
    expect(await counts(again.session.id, again.chairToken)).toMatchObject(await counts(session.id, session.chairToken));

    const compilation = await download('Word (compilation with brackets)');
    expect((await JSZip.loadAsync(compilation.bytes)).file('word/document.xml')).toBeTruthy();

    const txt = await download('Plain text');
    expect(txt.name).toBe(`${session.id}.txt`);
    expect(txt.bytes.toString('utf8')).toContain('第三委员会');

    // The revision, chosen in the menu.
    await panel.getByLabel('Version').selectOption(`rev:${rev.id}`);
    const atRev = await download('Word (clean)');
    expect(atRev.name).toBe(`${session.id}-rev_${rev.id}.docx`);
    expect(await (await JSZip.loadAsync(atRev.bytes)).file('word/document.xml')!.async('string')).toContain('Rev.1');
    await expect(panel.getByRole('status').innerText()).resolves.toContain('Downloaded');
  });
});
