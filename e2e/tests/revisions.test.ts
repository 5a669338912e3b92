import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, NegotiationRoom } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';

interface Block {
  id: string;
  label: string | null;
  text: string;
}
interface CommandAnswer {
  ok: boolean;
  result?: { proposalId?: string };
}

const room = new NegotiationRoom();
const accord = room.accord;

const editorText = (page: Page) => page.locator('.ProseMirror').innerText();

/** The chair issues the revision the dialog suggests ("Rev.1", "Rev.2"…) and waits to see it listed. */
async function issueRevision(chair: Page, expected: string): Promise<void> {
  await chair.getByRole('button', { name: 'Issue revision…' }).click();
  const dialog = chair.getByRole('dialog', { name: 'Issue revision' });
  expect(await dialog.getByLabel('Label').inputValue()).toBe(expected);
  await dialog.getByLabel('Note').fill(`${expected} for the e2e test`);
  await dialog.getByRole('button', { name: 'Issue revision' }).click();
  await chair.locator('.revision-list', { hasText: expected }).waitFor();
}

/** The comparison is a sandboxed frame holding the shared renderer's page. */
const comparisonText = (frame: FrameLocator) => frame.locator('body').innerText();

beforeAll(() => room.start());
afterAll(() => room.stop());

describe('revisions and compare in Chromium', () => {
  it('issues Rev.1 and Rev.2 from the UI and compares them inline and side by side', async () => {
    const session = (await room.seeds())[0];
    const base = `/api/sessions/${session.id}`;
    const blocks = (await accord.api<{ blocks: Block[] }>('GET', `${base}/document`, session.chairToken)).blocks;
    const op3 = blocks.find((b) => b.label === '3' && b.text.includes('尽快'));
    const op5 = blocks.find((b) => b.label === '5');
    expect(op3 && op5).toBeTruthy();

    const chair = await room.page(room.chairLink(session));
    await chair.locator('.ProseMirror[contenteditable="true"]').waitFor();
    await issueRevision(chair, 'Rev.1');

    // Kenya's replacement in OP 3 and its new paragraph after OP 5, accepted by the chair.
    const kenya = await room.invite(session, 'delegation', 'Kenya');
    const command = (token: string, cmd: unknown) => accord.api<CommandAnswer>('POST', `${base}/commands`, token, { command: cmd });
    const from = op3!.text.indexOf('尽快');
    const replaced = await command(kenya.token, {
      type: 'propose',
      kind: 'replace',
      anchor: { paragraphId: op3!.id, from, to: from + 2, text: '尽快' },
      text: '在可行的情况下尽早',
    });
    const added = await command(kenya.token, {
      type: 'propose',
      kind: 'newParagraph',
      after: op5!.id,
      blockType: 'operative',
      text: '鼓励各会员国支持发展中国家的能力建设；',
    });
    await command(session.chairToken, { type: 'accept', proposalId: replaced.result!.proposalId });
    await command(session.chairToken, { type: 'accept', proposalId: added.result!.proposalId });
    await pollUntil(() => editorText(chair), (t) => t.includes('在可行的情况下尽早') && t.includes('鼓励各会员国'), 'the accepted text on the chair’s page');

    await issueRevision(chair, 'Rev.2');

    // Kenya compares the two revisions from its own page, through the panel.
    const delegation = await room.page(kenya.link);
    await delegation.getByRole('button', { name: 'Compare…' }).click();
    const picker = delegation.locator('.compare-picker');
    await picker.getByLabel('From').selectOption({ label: await optionLabel(delegation, 'Rev.1') });
    await picker.getByLabel('To').selectOption({ label: await optionLabel(delegation, 'Rev.2') });
    await picker.getByRole('button', { name: 'Compare' }).click();
    await delegation.waitForURL(/\/compare\?/);

    const frame = delegation.frameLocator('iframe.comparison-frame');
    const inline = await pollUntil(() => comparisonText(frame).catch(() => ''), (t) => t.includes('Concordance'), 'the inline comparison');
    expect(await frame.locator('.diff ins', { hasText: '在可行的情况下尽早' }).count()).toBeGreaterThan(0);
    expect(await frame.locator('.diff del', { hasText: '尽快' }).count()).toBeGreaterThan(0);
    // The bracket summary names the delegation whose proposals were accepted.
    const summary = await frame.locator('section.summary').innerText();
    expect(summary).toMatch(/accepted/i);
    expect(summary).toContain('Kenya');
    // Rev.2 gave the new paragraph (5 bis while negotiated) the clean number 6 and moved the old 6 to 7.
    const concordance = await frame.locator('section.concordance tr').allInnerTexts();
    expect(concordance).toContainEqual(expect.stringMatching(/^OP6\s+new\s+new\s+Kenya$/));
    expect(concordance).toContainEqual(expect.stringMatching(/^OP7\s+OP6\s+renumbered/));
    expect(inline).toContain('鼓励各会员国');
    expect(await frame.locator('section.summary tr', { hasText: 'replace' }).innerText()).toContain('尽快 → 在可行的情况下尽早');
    const showOp3 = () => frame.locator('section.summary a', { hasText: /^OP3$/ }).first().click();
    await showOp3();
    await delegation.screenshot({ path: artifact('compare-inline.png') });

    await delegation.getByRole('button', { name: 'Side by side' }).click();
    await pollUntil(() => frame.locator('table.sbs').count().catch(() => 0), (n) => n > 0, 'the side-by-side table');
    const row = frame.locator('table.sbs tr', { hasText: '在可行的情况下尽早' });
    expect(await row.locator('td').first().innerText()).toContain('尽快');
    expect(await frame.locator('table.sbs tr.st-added', { hasText: '鼓励各会员国' }).count()).toBe(1);
    await showOp3();
    await delegation.screenshot({ path: artifact('compare-side-by-side.png') });

    // The address is shareable: another participant opening it sees the same comparison.
    const shared = delegation.url();
    expect(shared).toContain('view=side-by-side');
    const observer = await room.invite(session, 'observer', 'UNODC');
    const other = await room.page(observer.link);
    await other.goto(shared);
    const otherFrame = other.frameLocator('iframe.comparison-frame');
    await pollUntil(() => otherFrame.locator('table.sbs tr', { hasText: '在可行的情况下尽早' }).count().catch(() => 0), (n) => n > 0, 'the shared comparison');
  });
});

/** The picker shows revisions as "Rev.1 (23 November 2026)". */
async function optionLabel(page: Page, label: string): Promise<string> {
  const labels = await page.locator('.compare-picker select').first().locator('option').allInnerTexts();
  const found = labels.find((l) => l.startsWith(label + ' ') || l === label);
  if (!found) throw new Error(`no version "${label}" among ${JSON.stringify(labels)}`);
  return found;
}
