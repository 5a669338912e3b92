import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NegotiationRoom, artifact, shownText, type ProposalRecord, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';
import { clickAfter, selectText } from '../src/text-selection';

const room = new NegotiationRoom();
let session: SeedSession;
const proposals = () => room.proposals(session);
const kenyas = async () => (await proposals()).filter((p: ProposalRecord) => p.sponsors[0]?.name === 'Kenya' && p.status === 'open');

beforeAll(async () => {
  await room.start();
  session = (await room.seeds())[0];
});

afterAll(() => room.stop());

describe('propose mode feels like typing', () => {
  it('typing is proposed after a pause, and typing on extends the same proposal instead of adding a bracket', async () => {
    const kenya = await room.page((await room.invite(session, 'delegation', 'Kenya')).link);
    const eu = await room.page((await room.invite(session, 'delegation', 'EU')).link);
    const marker = '请公约缔约国会议';
    await clickAfter(kenya, marker, '技术发展情况');
    await kenya.keyboard.type('和趋势');
    // No Enter: the pause sends it, and the EU sees it.
    await pollUntil(async () => (await kenyas()).map((p) => p.text), (t) => t.length === 1 && t[0] === '和趋势', 'the insertion sent after a pause');
    await pollUntil(() => shownText(eu, marker), (t) => t.includes('技术发展情况和趋势'), 'the insertion on the EU’s page');

    // Kenya types on where the caret still is, then ends with Enter: one proposal, extended.
    await kenya.keyboard.type('以及影响');
    await kenya.keyboard.press('Enter');
    await pollUntil(async () => (await kenyas()).map((p) => p.text), (t) => t.length === 1 && t[0] === '和趋势以及影响', 'the same insertion extended');
    await pollUntil(() => shownText(eu, marker), (t) => t.includes('技术发展情况和趋势以及影响'), 'the extended insertion on the EU’s page');
    await kenya.screenshot({ path: artifact('propose-typing-on.png') });

    // Clicking back inside it later and typing edits that same proposal.
    await clickAfter(kenya, marker, '和趋势');
    await kenya.keyboard.type('、现状');
    await kenya.keyboard.press('Enter');
    await pollUntil(async () => (await kenyas()).map((p) => p.text), (t) => t.length === 1 && t[0] === '和趋势、现状以及影响', 'typed inside the insertion');
    expect((await kenyas()).length).toBe(1);

    // Backspace at the end of it shortens it, key by key, and typing on goes on from there.
    await clickAfter(kenya, marker, '以及影响');
    await kenya.keyboard.press('Backspace');
    await kenya.keyboard.press('Backspace');
    await pollUntil(async () => (await kenyas()).map((p) => p.text), (t) => t[0] === '和趋势、现状以及', 'the insertion shortened by two characters');
    await kenya.keyboard.type('后果');
    await kenya.keyboard.press('Enter');
    await pollUntil(async () => (await kenyas()).map((p) => p.text), (t) => t.length === 1 && t[0] === '和趋势、现状以及后果', 'typed on after the deletion');
    await pollUntil(() => shownText(eu, marker), (t) => t.includes('技术发展情况和趋势、现状以及后果'), 'the EU sees the edited insertion');

    // The arrow keys move the insertion point, as in an editor.
    await clickAfter(kenya, marker, '以及后果');
    await kenya.keyboard.press('ArrowLeft');
    await kenya.keyboard.press('ArrowLeft');
    await kenya.keyboard.type('的');
    await kenya.keyboard.press('Enter');
    await pollUntil(async () => (await kenyas()).map((p) => p.text), (t) => t.length === 1 && t[0] === '和趋势、现状以及的后果', 'typed two characters to the left');
  });

  it('selecting text offers the propose actions in a bubble over the selection', async () => {
    const eu = await room.page((await room.invite(session, 'delegation', 'EU')).link);
    const marker = '请秘书长根据';
    await selectText(eu, marker, '指定');
    const bubble = eu.getByRole('menu', { name: 'Propose for the selection' });
    await bubble.waitFor();
    for (const name of ['Propose replacement', 'Propose alternative', 'Bracket (reserve)', 'Propose deletion', 'New paragraph after', 'Delete paragraph']) {
      expect(await bubble.getByRole('button', { name }).isEnabled()).toBe(true);
    }
    // It sits over the selected words.
    const words = await eu.locator('.ProseMirror .propose-target').boundingBox();
    const box = await bubble.boundingBox();
    expect(words && box && Math.abs(box.y + box.height - words.y) < 40).toBe(true);
    await eu.screenshot({ path: artifact('propose-bubble.png') });
    await bubble.getByRole('button', { name: 'Propose deletion' }).click();
    await pollUntil(
      async () => (await proposals()).filter((p) => p.sponsors[0]?.name === 'EU').map((p) => [p.kind, p.anchorText]),
      (l) => l.length === 1 && l[0][0] === 'delete' && l[0][1] === '指定',
      'the EU’s deletion from the bubble',
    );
    expect(await bubble.count()).toBe(0);
  });

  it('Enter at the end of a paragraph proposes a new paragraph after it, numbered "bis"', async () => {
    const kenya = await room.page((await room.invite(session, 'delegation', 'Kenya')).link);
    await clickAfter(kenya, '又请秘书长编写', '第八十届会议；');
    await kenya.keyboard.press('Enter');
    await kenya.locator('.propose-draft--newParagraph').waitFor();
    await kenya.keyboard.type('请会员国提供自愿捐款；');
    await kenya.keyboard.press('Enter');
    const added = kenya.locator(".ProseMirror .op[data-label='OP10 bis']");
    await pollUntil(() => added.innerText().catch(() => ''), (t) => t.includes('请会员国提供自愿捐款'), 'OP10 bis with the proposed text');
    expect(await added.getAttribute('data-num')).toBe('10 bis.');
    const mine = (await kenyas()).filter((p) => p.kind === 'newParagraph');
    expect(mine.map((p) => p.text)).toEqual(['请会员国提供自愿捐款；']);
  });
});
