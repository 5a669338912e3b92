import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MESSAGE_COMMAND, MESSAGE_COMMAND_RESULT, readCommandResult, type CommandResultMessage } from '@accord/shared/protocol';
import type { TestServer } from '../helpers/test-server.js';

export interface CommandReply {
  status: number;
  body: { ok: boolean; result?: { proposalId?: string; decisionId?: string }; error?: { code: string; message: string } };
}

/** POST /api/sessions/:id/commands with the caller's token. */
export function postCommand(t: TestServer, sessionId: string, token: string, command: unknown): Promise<CommandReply> {
  return t.api('POST', `/api/sessions/${sessionId}/commands`, token, { command }) as Promise<CommandReply>;
}

export interface Block {
  id: string;
  type: string;
  label: string | null;
  text: string;
}

/**
 * The live document's blocks, by label ("3", "PP1", "(a)"); footnotes by "fn" and their marker
 * ("fn1"), since a footnote's label is its marker and footnote 1 would take OP1's place.
 */
export async function blocksByLabel(t: TestServer, sessionId: string, token: string): Promise<Map<string, Block>> {
  const r = await t.api<{ blocks: Block[] }>('GET', `/api/sessions/${sessionId}/document`, token);
  return new Map(r.body.blocks.filter((b) => b.label).map((b) => [b.type === 'footnote' ? `fn${b.label}` : b.label!, b]));
}

/** An anchor on the first occurrence of `text` in the block. */
export function anchorOn(block: Block, text: string) {
  const from = block.text.indexOf(text);
  if (from < 0) throw new Error(`"${text}" is not in ${block.label}: ${block.text}`);
  return { paragraphId: block.id, from, to: from + text.length, text };
}

/** A bare WebSocket speaking only COMMAND / COMMAND_RESULT (and ignoring the sync traffic). */
export class CommandSocket {
  private waiting = new Map<string, (r: CommandResultMessage) => void>();
  private next = 0;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== MESSAGE_COMMAND_RESULT) return;
      const r = readCommandResult(d);
      this.waiting.get(r.reqId)?.(r);
      this.waiting.delete(r.reqId);
    });
  }

  static open(t: TestServer, sessionId: string, token: string): Promise<CommandSocket> {
    const ws = new WebSocket(`${t.wsUrl}/${sessionId}?token=${encodeURIComponent(token)}`);
    return new Promise((ok, fail) => {
      ws.once('open', () => ok(new CommandSocket(ws)));
      ws.once('error', fail);
    });
  }

  /** Sends message 110 with the given JSON text (well-formed or not) and waits for the answer to `reqId`. */
  sendRaw(json: string, reqId: string): Promise<CommandResultMessage> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no answer to ${reqId}`)), 10_000);
      this.waiting.set(reqId, (r) => {
        clearTimeout(timer);
        ok(r);
      });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_COMMAND);
      encoding.writeVarString(e, json);
      this.ws.send(encoding.toUint8Array(e));
    });
  }

  send(command: unknown): Promise<CommandResultMessage> {
    const reqId = `r${this.next++}`;
    return this.sendRaw(JSON.stringify({ reqId, command }), reqId);
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws.close();
  }
}

/** The Y.XmlElement of a paragraph, by id, in a client's copy of the text. */
export function paragraphElement(doc: Y.Doc, id: string): Y.XmlElement {
  const el = doc
    .getXmlFragment('body')
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.getAttribute('id') === id);
  if (!(el instanceof Y.XmlElement)) throw new Error(`no paragraph ${id}`);
  return el;
}

/** The first run of text of a paragraph, where a writer types. */
export function firstText(el: Y.XmlElement): Y.XmlText {
  const text = el.toArray().find((n) => n instanceof Y.XmlText);
  if (!(text instanceof Y.XmlText)) throw new Error('no text');
  return text;
}
