import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSeedSession } from '../src/fresh-session';
import { artifact, NegotiationRoom, type SeedSession } from '../src/negotiation-room';

const room = new NegotiationRoom();
const SYMBOL = 'A/C.3/74/L.11/Rev.1';

beforeAll(() => room.start());
afterAll(() => room.stop());

/** Text without any whitespace: pdftotext breaks Chinese lines where the PDF does. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function openPrintView(page: Page, session: SeedSession): Promise<void> {
  await page.goto(`${room.accord.url}/s/${session.id}/print`);
  await page.locator('.un-document .un-op').first().waitFor();
}

/** A new session from `text` (imported like a pasted text). */
async function textSession(title: string, text: string, extra: Record<string, string> = {}): Promise<SeedSession> {
  const created = await room.accord.api<{ session: { id: string; title: string }; chairToken: string }>('POST', '/api/sessions', room.accord.adminKey, { title, text, ...extra });
  return { id: created.session.id, title: created.session.title, seed: false, chairToken: created.chairToken };
}

const ENGLISH = [
  'Third Committee',
  'Countering the use of information and communications technologies for criminal purposes',
  'The General Assembly,',
  'Noting that, while information and communications technologies have enormous potential for the development of States, they create new opportunities for perpetrators and may contribute to a rise in the levels and complexity of crime,',
  'Noting with concern the increasing rate and diversity of crimes committed in the digital world and their impact on the stability of critical infrastructure of States and enterprises and on the well-being of individuals,',
  'Deeply concerned by the use of information and communications technologies by criminals, including traffickers in persons,',
  'Recalling its resolution 65/230 of 21 December 2010, by which it endorsed the Salvador Declaration,',
  '1. Takes note of the report of the Secretary-General prepared pursuant to resolution 73/187;',
  '2. Decides to establish an open-ended ad hoc intergovernmental committee of experts, representative of all regions, to elaborate a comprehensive international convention;',
  '3. Requests the Secretary-General to allocate the necessary resources, in order to:',
  '(a) organize and support the work of the Ad Hoc Committee;',
  '(b) support the participation of developing countries in the work of the committee, including by covering travel costs and accommodation expenses;',
  '4. Invites donor countries to provide assistance to the United Nations.',
].join('\n\n');

describe('print view and house style', () => {
  it('seed 001 prints to a PDF in UN layout: OP1–OP6, the five footnotes, the symbol and page number on every page', async () => {
    const session = await freshSeedSession(room, '001', 'Print seed 001', { symbol: SYMBOL });
    const chair = await room.page(room.chairLink(session));
    // The editor links to the print view.
    const link = chair.getByRole('link', { name: 'Print / PDF' });
    expect(await link.getAttribute('href')).toBe(`/s/${session.id}/print`);
    await openPrintView(chair, session);
    expect(await chair.locator('.un-op.un-level-0 .un-num').allInnerTexts()).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);

    const pdf = await chair.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = artifact('print-seed-001.pdf');
    writeFileSync(file, pdf);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain(SYMBOL);
      expect(squeeze(p), `page ${i + 1}`).toContain(`${i + 1}/${pages.length}`);
    });
    const all = squeeze(pages.join('\n'));
    const ops = ['1.表示注意到根据第73/187号决议', '2.决定设立一个代表所有区域', '3.又决定特设委员会应于2020年8月', '4.请秘书长在联合国方案预算内', '5.邀请捐助国向联合国提供援助', '6.决定在第七十五届会议'];
    for (const op of ops) expect(all).toContain(op);
    // In order, and the footnotes after the last OP.
    expect(ops.map((op) => all.indexOf(op))).toEqual([...ops.map((op) => all.indexOf(op))].sort((a, b) => a - b));
    const footnotes = ['E/2013/30', '第70/174号决议，附件', 'A/65/201、A/68/98和A/70/174', 'E/2017/30', 'A/74/130'];
    for (const fn of footnotes) expect(all.lastIndexOf(fn)).toBeGreaterThan(all.indexOf(ops[5]));
    expect(all).toContain('大会，');
    expect(all).toContain('Distr.:Limited');
    expect(room.pageErrors).toEqual([]);
  });

  it('English: italic opening words in the print view and the editor; screenshots of both', async () => {
    const session = await textSession('Countering ICT crime (English)', ENGLISH, { symbol: SYMBOL, language: 'en' });
    const chair = await room.page(room.chairLink(session));
    await chair.locator('.ProseMirror .opening-words').first().waitFor();
    const editorItalics = await chair.locator('.ProseMirror .opening-words').allInnerTexts();
    expect(editorItalics).toEqual(['Noting', 'Noting with concern', 'Deeply concerned', 'Recalling', 'Takes note', 'Decides', 'Requests', 'Invites']);
    expect(await chair.locator('.ProseMirror .opening-words').first().evaluate((e) => getComputedStyle(e).fontStyle)).toBe('italic');
    await chair.screenshot({ path: artifact('editor-english-italics.png') });

    await openPrintView(chair, session);
    const printItalics = await chair.locator('.un-document .opening').allInnerTexts();
    expect(printItalics).toEqual(editorItalics);
    expect(await chair.locator('.un-document .opening').first().evaluate((e) => getComputedStyle(e).fontStyle)).toBe('italic');
    expect(await chair.locator('.un-op.un-level-1 .un-num').allInnerTexts()).toEqual(['(a)', '(b)']);
    // The sub-paragraph hangs: its second line starts where its text starts, not under "(b)".
    const hang = await chair.locator('.un-op.un-level-1').nth(1).evaluate((p) => {
      const num = p.querySelector('.un-num')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(p);
      const lines = [...range.getClientRects()].map((r) => Math.round(r.left));
      return { num: Math.round(num.left), textStart: Math.round(num.right), lineStarts: [...new Set(lines)] };
    });
    expect(Math.min(...hang.lineStarts)).toBe(hang.num);
    await chair.screenshot({ path: artifact('print-english.png'), fullPage: true });

    // A revision prints as it was issued: the version in the address, its label in the masthead.
    const rev = await room.accord.api<{ id: string }>('POST', `/api/sessions/${session.id}/revisions`, session.chairToken, { label: 'Rev.1', date: '5 December 2026' });
    await chair.goto(`${room.accord.url}/s/${session.id}/print?version=rev:${rev.id}`);
    await chair.locator('.un-distribution', { hasText: 'Rev.1' }).waitFor();
    expect(await chair.locator('.un-distribution').innerText()).toContain('5 December 2026');
    expect(room.pageErrors).toEqual([]);
  });

  it('Arabic: OP numbers on the right, in the editor and the print view', async () => {
    const session = await textSession('نص عربي', 'إن الجمعية العامة،\n\nإذ تشير إلى قرارها 65/230،\n\n1. تقرر إنشاء لجنة حكومية دولية مخصصة مفتوحة العضوية؛\n\n2. تطلب إلى الأمين العام أن يخصص الموارد اللازمة؛', { language: 'ar' });
    const chair = await room.page(room.chairLink(session));
    const op = chair.locator('.ProseMirror .op').first();
    const editor = await op.evaluate((p) => {
      const box = p.getBoundingClientRect();
      const before = getComputedStyle(p, '::before');
      return { width: box.width, left: parseFloat(before.left), right: parseFloat(before.right), content: before.content, direction: before.direction };
    });
    // "1." reads left to right (not ".1") and stands on the right, where the Arabic text starts.
    expect(editor.content).toBe('"1."');
    expect(editor.direction).toBe('ltr');
    expect(editor.right).toBe(0);
    expect(editor.left).toBeGreaterThan(editor.width / 2);
    await chair.screenshot({ path: artifact('editor-arabic.png') });
    await op.screenshot({ path: artifact('editor-arabic-op1.png') });
    await openPrintView(chair, session);
    const print = await chair.locator('.un-op').first().evaluate((p) => {
      const box = p.getBoundingClientRect();
      const num = p.querySelector('.un-num')!.getBoundingClientRect();
      return { center: box.left + box.width / 2, num: num.left };
    });
    expect(print.num).toBeGreaterThan(print.center);
    await chair.screenshot({ path: artifact('print-arabic.png') });
  });
});
