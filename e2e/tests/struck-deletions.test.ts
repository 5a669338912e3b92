import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NegotiationRoom, shownText } from '../src/negotiation-room';
import { pollUntil } from '../src/poll';
import { clickAfter, selectText } from '../src/text-selection';

const room = new NegotiationRoom();
const OP1 = '注意到拟订';

beforeAll(() => room.start());
afterAll(() => room.stop());

describe('the pen never deletes silently', () => {
  it('text the secretariat deletes or types over stays struck through for everyone until the next revision', async () => {
    const session = (await room.seeds())[0];
    const secretariat = await room.page((await room.invite(session, 'secretariat', 'Secretariat')).link);
    const kenya = await room.page((await room.invite(session, 'delegation', 'Kenya')).link);
    await secretariat.locator('.ProseMirror[contenteditable="true"]').waitFor();

    // Typing over a selection: the old words stay, struck, before the new ones.
    await selectText(secretariat, OP1, '表示赞扬');
    await secretariat.keyboard.type('致谢');
    // Backspace over someone else's text strikes it; over one's own fresh typing it just corrects.
    await clickAfter(secretariat, OP1, '采取行动');
    await secretariat.keyboard.press('Backspace');
    await secretariat.keyboard.press('Backspace');
    await secretariat.keyboard.type('XY');
    await secretariat.keyboard.press('Backspace');

    for (const page of [secretariat, kenya]) {
      await pollUntil(() => shownText(page, OP1, true), (t) => t.includes('并对特设委员会的工作~~表示赞扬~~致谢') && t.includes('采取X~~行动~~，'), 'the struck passages');
    }
    // The text as it would print (REST) leaves struck passages out.
    const printed = await room.accord.api<{ blocks: { label: string | null; text: string }[] }>('GET', `/api/sessions/${session.id}/document`, session.chairToken);
    expect(printed.blocks.find((b) => b.label === '1')!.text).toMatch(/采取X，并对特设委员会的工作致谢；$/);

    // Issuing a revision drops what was struck.
    await room.accord.api('POST', `/api/sessions/${session.id}/revisions`, session.chairToken, { label: 'Rev.1' });
    await pollUntil(() => shownText(kenya, OP1, true), (t) => !t.includes('~~') && t.includes('采取X，并对特设委员会的工作致谢'), 'the struck passages gone at Rev.1');
  });
});
