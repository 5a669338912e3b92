import { describe, expect, it } from 'vitest';
import { Outbox, outboxKey, tokenTag } from '../../src/brackets/propose/outbox';
import { FakeClock, FakeServer, MemoryStore, after, twoParagraphs } from './fakes';

const insert = (doc = twoParagraphs()) => {
  const at = after(doc, 'sign') - 1;
  return { type: 'propose' as const, kind: 'insert' as const, anchor: { paragraphId: 'op1', from: at, to: at, text: '', before: 'Urges States to sign'.slice(-12) }, text: ' and ratify' };
};

describe('outbox', () => {
  it('is kept per session and participant, under a key that does not hold the token', () => {
    expect(outboxKey('s1', 'secret-token')).toBe(`accord.outbox.s1.${tokenTag('secret-token')}`);
    expect(outboxKey('s1', 'secret-token')).not.toContain('secret');
    expect(outboxKey('s1', 'a')).not.toBe(outboxKey('s1', 'b'));
  });

  it('survives a reload: a new outbox on the same storage shows the entries and sends them, with the same commandId, once', async () => {
    const store = new MemoryStore();
    const server = new FakeServer(twoParagraphs());
    server.up = false;
    const first = new Outbox(server, store, 'k', new FakeClock(), () => 'cmd-1');
    const delivery = await first.submit(insert(), ' and ratify', 'OP1');
    expect(delivery.status).toBe('queued');
    expect(first.size).toBe(1);

    // The page reloads: a fresh outbox reads the same storage.
    const second = new Outbox(server, store, 'k', new FakeClock(), () => 'cmd-other');
    expect(second.list().map((e) => [e.commandId, e.text, e.where])).toEqual([['cmd-1', ' and ratify', 'OP1']]);
    const settled: string[] = [];
    second.onSettled = (e, d) => settled.push(`${e.commandId}:${d.status}`);
    server.up = true;
    await second.pump();
    expect(server.received.map((r) => r.commandId)).toEqual(['cmd-1']);
    expect(server.open('insert')).toHaveLength(1);
    expect(second.size).toBe(0);
    expect(store.getItem('k')).toBeNull();
    expect(settled).toEqual(['cmd-1:sent']);
  });

  it('a draft held while offline becomes a queued entry after a reload', () => {
    const store = new MemoryStore();
    const server = new FakeServer(twoParagraphs());
    server.up = false;
    new Outbox(server, store, 'k').hold('draft-1', insert(), ' and ratify');
    expect(new Outbox(server, store, 'k').list().map((e) => e.held)).toEqual([undefined]);
  });

  it('a permanent refusal takes the entry out and reports it with its text; a transient failure keeps it and retries', async () => {
    const store = new MemoryStore();
    const server = new FakeServer(twoParagraphs());
    const clock = new FakeClock();
    let n = 0;
    const outbox = new Outbox(server, store, 'k', clock, () => `c${++n}`);
    const settled: string[] = [];
    outbox.onSettled = (e, d) => settled.push(`${e.text}:${d.status}`);
    server.state.paragraphs = { op1: { status: 'agreed' } };
    const refused = await outbox.submit(insert(), ' and ratify');
    expect(refused).toMatchObject({ status: 'refused', error: { code: 'paragraph_locked' } });
    expect(outbox.size).toBe(0);

    server.state.paragraphs = {};
    const realCommand = server.command;
    let limited = true;
    server.command = async (c, id) => (limited ? { ok: false, error: { code: 'rate_limited', message: 'slow down' } } : realCommand(c, id));
    expect((await outbox.submit(insert(), ' and ratify')).status).toBe('queued');
    expect(outbox.size).toBe(1);
    limited = false;
    await clock.advance(2_000);
    expect(outbox.size).toBe(0);
    expect(server.open('insert')).toHaveLength(1);
    expect(settled).toEqual([' and ratify:sent']);
  });

  it('sends in order, and nothing while disconnected', async () => {
    const server = new FakeServer(twoParagraphs());
    server.up = false;
    let n = 0;
    const outbox = new Outbox(server, new MemoryStore(), 'k', new FakeClock(), () => `c${++n}`);
    void outbox.submit(insert(), 'one');
    void outbox.submit({ ...insert(), text: ' two' }, 'two');
    await outbox.pump();
    expect(server.received).toHaveLength(0);
    server.up = true;
    await outbox.pump();
    expect(server.received.map((r) => r.commandId)).toEqual(['c1', 'c2']);
  });
});
