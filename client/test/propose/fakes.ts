import { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { schema } from '@accord/shared';
import { applyCommand, type Actor, type BracketState, type Command } from '@accord/shared/brackets/index';

/** The delegation typing in these tests. */
export const KENYA: Actor = { role: 'delegation', id: 'kenya', delegation: 'Kenya' };
import type { CommandAnswer } from '../../src/collab/command-channel';
import { Outbox, type Clock, type KeyValueStore } from '../../src/brackets/propose/outbox';
import { ProposeController, type DraftHost, type ToastAction } from '../../src/brackets/propose/propose-controller';
import { proposeDraftPlugin } from '../../src/editor/extensions/propose-draft';

/** A clock that moves only when told. */
export class FakeClock implements Clock {
  private t = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown): void => void this.timers.delete(h as number);
  now = (): number => this.t;
  /** Runs every timer due within `ms`, letting answers (promises) settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      const due = [...this.timers].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
    await settle();
  }
}

export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

export class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

/** OP1 "Urges States to sign the Convention;" OP2 "Requests the Secretary-General to report;" */
export function twoParagraphs(): PMNode {
  return schema.node('doc', null, [
    schema.node('operative', { id: 'op1', level: 0 }, [schema.text('Urges States to sign the Convention;')]),
    schema.node('operative', { id: 'op2', level: 0 }, [schema.text('Requests the Secretary-General to report;')]),
  ]);
}

/** Position in the document just after `text` (first occurrence). */
export function after(doc: PMNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return;
    const i = node.text!.indexOf(text);
    if (i >= 0) found = pos + i + text.length;
  });
  if (found < 0) throw new Error(`no "${text}"`);
  return found;
}

/** The document range of `text`. */
export function rangeOf(doc: PMNode, text: string): { from: number; to: number } {
  const to = after(doc, text);
  return { from: to - text.length, to };
}

/**
 * The server as the client sees it: applies commands with the shared rules as Kenya, answers a
 * repeated commandId with its first answer, and pushes the new text to the editor (as y-sync does:
 * one replacement of the whole document). It can be down, or lose answers.
 */
export class FakeServer {
  state: BracketState;
  up = true;
  /** Apply the command but never answer (the connection drops before the answer). */
  loseAnswers = false;
  readonly received: Array<{ command: Command; commandId?: string }> = [];
  private answers = new Map<string, CommandAnswer>();
  private n = 0;
  hosts: FakeHost[] = [];

  constructor(doc: PMNode) {
    this.state = { doc, proposals: {}, paragraphs: {}, decisions: [] };
  }

  connected = (): boolean => this.up;

  command = async (command: Command, commandId?: string): Promise<CommandAnswer> => {
    await Promise.resolve();
    if (!this.up) return { ok: false, error: { code: 'offline', message: 'Cannot reach the Accord server.' } };
    this.received.push({ command, commandId });
    const first = commandId ? this.answers.get(commandId) : undefined;
    if (first) return first;
    const r = applyCommand(this.state, command, KENYA, 0, () => `id${++this.n}`);
    let answer: CommandAnswer;
    if (r.ok) {
      this.state = { ...this.state, doc: r.doc, proposals: { ...this.state.proposals, ...r.proposals }, paragraphs: { ...this.state.paragraphs, ...r.paragraphs } };
      for (const h of this.hosts) h.replaceDoc(r.doc);
      answer = { ok: true, result: r.result };
    } else answer = { ok: false, error: r.error };
    if (commandId) this.answers.set(commandId, answer);
    if (this.loseAnswers) return { ok: false, error: { code: 'disconnected', message: 'The connection dropped before the server answered.' } };
    return answer;
  };

  open(kind?: string) {
    return Object.values(this.state.proposals).filter((p) => p.status === 'open' && (!kind || p.kind === kind));
  }
}

export class FakeHost implements DraftHost {
  state: EditorState;
  constructor(doc: PMNode) {
    this.state = EditorState.create({ schema, doc, plugins: [proposeDraftPlugin()] });
  }
  dispatch = (tr: Parameters<DraftHost['dispatch']>[0]) => {
    this.state = this.state.apply(tr);
  };
  replaceDoc(doc: PMNode) {
    this.dispatch(this.state.tr.replaceWith(0, this.state.doc.content.size, doc.content));
  }
}

export class FakeInput {
  value = '';
  focused = false;
  setValue = (v: string) => void (this.value = v);
  focus = () => void (this.focused = true);
  blur = () => void (this.focused = false);
}

/** A controller wired to fakes: Kenya in propose mode. */
export function harness(opts: { store?: MemoryStore; server?: FakeServer } = {}) {
  const doc = opts.server?.state.doc ?? twoParagraphs();
  const server = opts.server ?? new FakeServer(doc);
  const host = new FakeHost(server.state.doc);
  server.hosts.push(host);
  const clock = new FakeClock();
  const store = opts.store ?? new MemoryStore();
  let ids = 0;
  const outbox = new Outbox(server, store, 'accord.outbox.s1.kenya', clock, () => `cmd${++ids}`);
  const toasts: Array<{ message: string; action?: ToastAction }> = [];
  const input = new FakeInput();
  const controller = new ProposeController({
    host,
    input,
    outbox,
    clock,
    records: () => ({ proposals: server.state.proposals, paragraphs: server.state.paragraphs }),
    me: () => KENYA,
    onBehalfOf: () => '',
    connected: server.connected,
    notify: (message, action) => toasts.push({ message, action }),
  });
  /** Types `text` key by key, as the input reports it. */
  const type = (text: string) => {
    for (const ch of text) {
      input.value += ch;
      controller.input(input.value);
    }
  };
  /** One input event carrying all of `text` (an insertText, a paste). */
  const insertText = (text: string) => {
    input.value += text;
    controller.input(input.value);
  };
  return { server, host, clock, store, outbox, toasts, input, controller, type, insertText };
}
