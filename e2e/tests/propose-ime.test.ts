import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NegotiationRoom, shownText, type ProposalRecord, type SeedSession } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';
import { clickAfter, selectText } from '../src/text-selection';

const room = new NegotiationRoom();
let session: SeedSession;

const delegation = async (name: string) => room.page((await room.invite(session, 'delegation', name)).link);
const proposals = () => room.proposals(session);
const by = (list: ProposalRecord[], name: string) => list.filter((p) => p.sponsors[0]?.name === name);

beforeAll(async () => {
  await room.start();
  session = (await room.seeds())[0];
});

afterAll(() => room.stop());

describe('propose mode with an input method', () => {
  it('turns a pinyin composition into exactly one proposal while another delegation proposes in the same paragraph', async () => {
    const kenya = await delegation('Kenya');
    const eu = await delegation('EU');
    const marker = '请公约缔约国会议';
    await clickAfter(kenya, marker, '技术发展情况');
    const ime = await kenya.context().newCDPSession(kenya);
    for (const [i, text] of ['q', 'qi', 'qie', 'qie s', 'qie sh', 'qie shi'].entries()) {
      await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      if (i === 2) {
        // Mid-composition, the EU proposes deleting words earlier in the same paragraph.
        await selectText(eu, marker, '随时');
        await eu.keyboard.press('Delete');
        await pollUntil(async () => by(await proposals(), 'EU').length, (n) => n === 1, 'the EU’s deletion stored');
        await pollUntil(() => kenya.locator('.ProseMirror .bracket-tag', { hasText: 'EU delete' }).count(), (n) => n === 1, 'the EU’s deletion on Kenya’s page');
      }
    }
    // The composition is drawn in place while it lasts, and has not been sent.
    expect(await kenya.locator('.ProseMirror .propose-draft').innerText()).toContain('qie shi');
    expect(by(await proposals(), 'Kenya')).toEqual([]);
    await ime.send('Input.insertText', { text: '切实' });
    await kenya.keyboard.press('Enter');

    await pollUntil(async () => by(await proposals(), 'Kenya').length, (n) => n > 0, 'Kenya’s proposal stored');
    await new Promise((r) => setTimeout(r, 500));
    const all = await proposals();
    expect(by(all, 'Kenya').map((p) => [p.kind, p.text])).toEqual([['insert', '切实']]);
    expect(by(all, 'EU').map((p) => [p.kind, p.anchorText])).toEqual([['delete', '随时']]);
    // Both proposals sit where they were made, on both pages.
    for (const page of [kenya, eu]) {
      await pollUntil(
        () =>
          page
            .locator('.ProseMirror > *', { hasText: marker })
            .first()
            .evaluate((el) =>
              [...el.querySelectorAll('.bracket')].map((b) => {
                const copy = b.cloneNode(true) as HTMLElement;
                copy.querySelectorAll('.bracket-tag').forEach((t) => t.remove());
                return `${b.getAttribute('data-role')}:${copy.textContent}`;
              }),
            ),
        (brackets) => brackets.includes('delete:随时') && brackets.includes('insert:切实'),
        'both brackets in the paragraph',
      );
      expect(await shownText(page, marker)).toContain('技术发展情况切实');
    }
  });

  it('a composition after a pause-sent one extends that proposal: still one bracket, in order', async () => {
    const ghana = await delegation('Ghana');
    const marker = '又请秘书长编写';
    await clickAfter(ghana, marker, '活动的报告');
    const ime = await ghana.context().newCDPSession(ghana);
    for (const text of ['he', 'he ji', 'he jie', 'he jie g', 'he jie guo']) {
      await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await ime.send('Input.insertText', { text: '和结果' });
    // No Enter: the pause after the composition sends it.
    await pollUntil(async () => by(await proposals(), 'Ghana').map((p) => p.text), (t) => t.length === 1 && t[0] === '和结果', 'the composition sent after a pause');
    for (const text of ['p', 'pi', 'pin', 'ping', 'ping g', 'ping gu']) {
      await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    expect(await ghana.locator('.ProseMirror .propose-draft').innerText()).toContain('ping gu');
    await ime.send('Input.insertText', { text: '评估' });
    await ghana.keyboard.press('Enter');
    await pollUntil(async () => by(await proposals(), 'Ghana').map((p) => p.text), (t) => t.length === 1 && t[0] === '和结果评估', 'one proposal, extended');
    // The REST answer can come before Ghana's page has the server's update: wait for it there too.
    await pollUntil(() => shownText(ghana, marker), (t) => t.includes('活动的报告和结果评估'), 'the extended proposal on Ghana\'s page');
  });
});
