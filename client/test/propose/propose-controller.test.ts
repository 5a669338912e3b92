import { describe, expect, it } from 'vitest';
import { PAUSE_MS } from '../../src/brackets/propose/propose-controller';
import { after, harness, rangeOf, settle } from './fakes';

/** The propose loop against a fake server and a fake clock: one test per transition. */
describe('propose controller', () => {
  it('typing at a point is proposed as an insertion after a pause, once', async () => {
    const h = harness();
    h.controller.start({ from: after(h.host.state.doc, 'sign'), to: after(h.host.state.doc, 'sign') });
    expect(h.input.focused).toBe(true);
    h.type(' and ratify');
    expect(h.controller.draft?.text).toBe(' and ratify');
    await h.clock.advance(PAUSE_MS - 1);
    expect(h.server.received).toHaveLength(0);
    await h.clock.advance(1);
    expect(h.server.open('insert').map((p) => p.text)).toEqual([' and ratify']);
    // The draft stays open inside the proposal, for typing on.
    expect(h.controller.draft?.continues?.proposalId).toBe(h.server.open()[0].id);
  });

  it('typing on after a pause-send edits the same proposal; Enter ends it', async () => {
    const h = harness();
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type(' and');
    await h.clock.advance(PAUSE_MS);
    h.type(' ratify');
    expect(h.controller.key('Enter')).toBe(true);
    await h.clock.advance(0);
    expect(h.server.open().map((p) => [p.kind, p.text])).toEqual([['insert', ' and ratify']]);
    expect(h.controller.draft).toBeNull();
  });

  it('a selection and typing is a replacement, sent after the pause', async () => {
    const h = harness();
    h.controller.start(rangeOf(h.host.state.doc, 'sign'));
    h.type('ratify');
    await h.clock.advance(PAUSE_MS);
    expect(h.server.open().map((p) => [p.kind, p.anchorText, p.text])).toEqual([['replace', 'sign', 'ratify']]);
  });

  it('[repro 1] Escape right after typing sends nothing but never drops the text: a toast restores it', async () => {
    const h = harness();
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type(' and ratify');
    await h.clock.advance(300);
    expect(h.controller.key('Escape')).toBe(true);
    expect(h.controller.draft).toBeNull();
    await h.clock.advance(PAUSE_MS * 3);
    expect(h.server.received).toHaveLength(0);
    const toast = h.toasts.at(-1)!;
    expect(toast.message).toContain('and ratify');
    expect(toast.action?.label).toBe('Restore');
    toast.action!.run();
    expect(h.controller.draft?.text).toBe(' and ratify');
    expect(h.input.value).toBe(' and ratify');
    h.controller.key('Enter');
    await h.clock.advance(0);
    expect(h.server.open('insert').map((p) => p.text)).toEqual([' and ratify']);
  });

  // An alternative over "sign" makes "sign" Alt 1 and the typed text Alt 2.
  it('[repro 2] an alternative is sent after the pause, and typing on edits it', async () => {
    const h = harness();
    h.controller.start(rangeOf(h.host.state.doc, 'sign'));
    h.controller.act('alternative');
    h.type('accede to');
    await h.clock.advance(PAUSE_MS);
    expect(h.server.open('alternative').map((p) => p.text).filter((t) => t !== 'sign')).toEqual(['accede to']);
    h.type(' and ratify');
    await h.clock.advance(PAUSE_MS);
    expect(h.server.open('alternative').map((p) => p.text).filter((t) => t !== 'sign')).toEqual(['accede to and ratify']);
  });

  it('[repro 2] an alternative is sent when the input loses the focus (a click elsewhere)', async () => {
    const h = harness();
    h.controller.start(rangeOf(h.host.state.doc, 'sign'));
    h.controller.act('alternative');
    h.type('accede to');
    h.controller.blur();
    await h.clock.advance(0);
    expect(h.server.open('alternative').map((p) => p.text).filter((t) => t !== 'sign')).toEqual(['accede to']);
    expect(h.controller.draft).toBeNull();
  });

  it('a new paragraph is sent after the pause', async () => {
    const h = harness();
    const end = after(h.host.state.doc, 'Convention;');
    h.controller.start({ from: end, to: end });
    expect(h.controller.key('Enter')).toBe(true);
    expect(h.controller.draft?.mode).toBe('newParagraph');
    h.type('Invites donors to contribute;');
    await h.clock.advance(PAUSE_MS);
    expect(h.server.open('newParagraph').map((p) => p.text)).toEqual(['Invites donors to contribute;']);
  });

  it('[repro 3] keys arriving as one insertText right after the click are all kept', async () => {
    const h = harness();
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.insertText('abcdef');
    // The browser's settled selection arrives after the keys: it must not reset the draft.
    h.controller.refine({ from: at, to: at });
    h.controller.refine({ from: at + 1, to: at + 1 });
    expect(h.controller.draft?.text).toBe('abcdef');
    await h.clock.advance(PAUSE_MS);
    expect(h.server.open('insert').map((p) => p.text)).toEqual(['abcdef']);
  });

  it('[repro 3] key by key right after the click: the first key is kept', async () => {
    const h = harness();
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type('a');
    h.controller.refine({ from: at, to: at });
    h.type('bcdef');
    await h.clock.advance(PAUSE_MS);
    expect(h.server.open('insert').map((p) => p.text)).toEqual(['abcdef']);
  });

  it('[repro 4] typed while offline: held in the outbox (shown, stored) and sent once when the connection returns', async () => {
    const h = harness();
    h.server.up = false;
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type(' and ratify');
    await h.clock.advance(PAUSE_MS * 2);
    expect(h.server.received).toHaveLength(0);
    expect(h.controller.draft?.unsent).toBe(true);
    expect(h.outbox.list().map((e) => e.text)).toEqual([' and ratify']);
    expect(h.store.getItem('accord.outbox.s1.kenya')).toContain(' and ratify');
    h.server.up = true;
    h.controller.connectionChanged(true);
    await h.clock.advance(0);
    expect(h.server.open('insert').map((p) => p.text)).toEqual([' and ratify']);
    expect(h.server.received).toHaveLength(1);
    expect(h.outbox.size).toBe(0);
    expect(h.store.getItem('accord.outbox.s1.kenya')).toBeNull();
  });

  it('[repro 4] Enter while offline queues the proposal and closes the draft, with a message', async () => {
    const h = harness();
    h.server.up = false;
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type(' and ratify');
    h.controller.key('Enter');
    await h.clock.advance(0);
    expect(h.controller.draft).toBeNull();
    expect(h.outbox.size).toBe(1);
    expect(h.toasts.at(-1)?.message).toMatch(/not sent yet/i);
    h.server.up = true;
    await h.outbox.pump();
    expect(h.server.open('insert').map((p) => p.text)).toEqual([' and ratify']);
  });

  it('[repro 5] an agreed paragraph refuses the first keystroke with its reason, and nothing is drawn or sent', async () => {
    const h = harness();
    h.server.state.paragraphs = { op1: { status: 'agreed' } };
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type('[XYZ]');
    expect(h.toasts.map((t) => t.message)).toEqual(['OP1 is agreed; the chair must reopen it first: nothing can be proposed in it until then.']);
    expect(h.controller.draft?.text).toBe('');
    expect(h.input.value).toBe('');
    await h.clock.advance(PAUSE_MS * 2);
    expect(h.server.received).toHaveLength(0);
  });

  it('[repro 5] agreed ad ref and deleted paragraphs refuse too; so does Delete on a selection', async () => {
    const h = harness();
    h.server.state.paragraphs = { op1: { status: 'adref' }, op2: { status: 'deleted' } };
    h.controller.start(rangeOf(h.host.state.doc, 'sign'));
    expect(h.controller.key('Delete')).toBe(true);
    expect(h.toasts.at(-1)?.message).toMatch(/^OP1 is agreed ad ref/);
    h.controller.start({ from: after(h.host.state.doc, 'report'), to: after(h.host.state.doc, 'report') });
    h.type('x');
    expect(h.toasts.at(-1)?.message).toMatch(/^OP2 is deleted/);
    await h.clock.advance(PAUSE_MS);
    expect(h.server.received).toHaveLength(0);
  });

  it('a permanent refusal keeps the draft and names its text', async () => {
    const h = harness();
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type(' now');
    // The chair agrees the paragraph while the draft is on its way (the client did not know yet).
    h.server.state.paragraphs = {};
    const realCommand = h.server.command;
    h.server.command = async (c, id) => {
      h.server.state = { ...h.server.state, paragraphs: { op1: { status: 'agreed' } } };
      return realCommand(c, id);
    };
    await h.clock.advance(PAUSE_MS);
    expect(h.controller.draft?.refused).toBe(true);
    expect(h.controller.draft?.text).toBe(' now');
    expect(h.toasts.at(-1)?.message).toContain('« now»');
    expect(h.outbox.size).toBe(0);
    // Leaving it does not drop it silently either.
    h.controller.blur();
    expect(h.toasts.at(-1)?.action?.label).toBe('Restore');
  });

  it('a lost answer leaves the command queued; the resend carries the same commandId and makes no second proposal', async () => {
    const h = harness();
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type(' and ratify');
    h.server.loseAnswers = true;
    h.controller.key('Enter');
    await h.clock.advance(0);
    expect(h.outbox.list().map((e) => e.commandId)).toEqual(['cmd1']);
    h.server.loseAnswers = false;
    h.controller.connectionChanged(true);
    await h.clock.advance(0);
    expect(h.server.received.map((r) => r.commandId)).toEqual(['cmd1', 'cmd1']);
    expect(h.server.open('insert')).toHaveLength(1);
    expect(h.outbox.size).toBe(0);
  });

  it('Backspace in one’s own insertion shortens it', async () => {
    const h = harness();
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type(' and ratify');
    await h.clock.advance(PAUSE_MS);
    h.controller.key('Backspace');
    h.controller.key('Backspace');
    await h.clock.advance(0);
    await settle();
    expect(h.server.open('insert').map((p) => p.text)).toEqual([' and rati']);
  });

  it('closing propose mode with typed text sends it through the outbox', async () => {
    const h = harness();
    const at = after(h.host.state.doc, 'sign');
    h.controller.start({ from: at, to: at });
    h.type(' soon');
    h.controller.destroy();
    await h.clock.advance(0);
    expect(h.server.open('insert').map((p) => p.text)).toEqual([' soon']);
  });
});
