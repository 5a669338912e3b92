// The clients of the load generator. Readers speak just enough of the y-websocket protocol to
// sync, publish a cursor and notice keystrokes (a byte scan, no Yjs); typists are real Y.Docs
// typing at a cursor the way an editor does, publishing their cursor after every keystroke.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import {
  EMPTY_STATE_VECTOR, EMPTY_UPDATE, MSG_QUERY_AWARENESS, MSG_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE,
  awarenessMessage, keyToken, nowMs, scanKeyIds, syncStep1, syncStep2, syncUpdate,
} from '../protocol.js';
import { MAX_TYPISTS, type WorkerSeat } from './messages.js';

export interface Sink {
  arrived(id: number, at: number, self: number): void;
  counted(bytes: number): void;
  error(e: string): void;
}

const COLORS = ['#30bced', '#6eeb83', '#ffbc42', '#ecd444', '#ee6352', '#9ac2c9', '#8acb88', '#1be7ff'];
const REMOTE = Symbol('remote');

export abstract class BenchClient {
  protected ws!: WebSocket;
  readonly awarenessId = (Math.random() * 0x7fffffff) >>> 0;
  protected awarenessClock = 0;
  synced = false;
  private onSynced: (() => void) | null = null;
  private renew: ReturnType<typeof setInterval> | null = null;

  constructor(readonly seat: WorkerSeat, protected sink: Sink, protected serverSync: boolean) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(this.seat.url, { perMessageDeflate: false });
      const timer = setTimeout(() => reject(new Error(`${this.seat.name}: no sync after 30 s`)), 30_000);
      this.onSynced = () => { clearTimeout(timer); resolve(); };
      this.ws.on('error', (e) => { this.sink.error(`${this.seat.name}: ${e.message}`); reject(e); });
      this.ws.on('unexpected-response', (_req, res) => reject(new Error(`${this.seat.name}: HTTP ${res.statusCode}`)));
      this.ws.on('close', (code, reason) => {
        if (!this.closing) this.sink.error(`${this.seat.name}: closed ${code} ${reason.toString()}`);
      });
      this.ws.on('open', () => this.opened());
      this.ws.on('message', (data: Buffer) => {
        this.sink.counted(data.length);
        this.received(data);
      });
    });
  }

  private closing = false;
  close(): void {
    this.closing = true;
    if (this.renew) clearInterval(this.renew);
    this.ws?.close();
  }

  protected markSynced(): void {
    if (this.synced) return;
    this.synced = true;
    this.onSynced?.();
  }

  send(m: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(m);
  }

  protected sendAwareness(): void {
    this.send(awarenessMessage(this.awarenessId, ++this.awarenessClock, this.awarenessState()));
  }

  /** Like the y-protocols Awareness: renew the local state every `ms` (15 s there). */
  startRenewing(ms: number): void {
    if (ms <= 0) return;
    setTimeout(() => {
      this.sendAwareness();
      this.renew = setInterval(() => this.sendAwareness(), ms);
    }, Math.random() * ms);
  }

  protected abstract awarenessState(): unknown;
  protected abstract opened(): void;
  protected abstract received(data: Buffer): void;

  protected user() {
    return { name: this.seat.name, color: COLORS[this.awarenessId % COLORS.length] };
  }
}

/** A delegation or observer following the text. */
export class Reader extends BenchClient {
  private cursorClock = Math.floor(Math.random() * 5000);

  protected awarenessState() {
    const pos = { type: null, tname: null, item: { client: 4242, clock: this.cursorClock }, assoc: 0 };
    return { user: this.user(), cursor: { anchor: pos, head: pos } };
  }

  protected opened(): void {
    if (this.serverSync) this.send(syncStep1(EMPTY_STATE_VECTOR));
    this.sendAwareness();
    if (!this.serverSync) this.markSynced();
  }

  protected received(data: Buffer): void {
    if (data[0] !== MSG_SYNC) {
      if (data[0] === MSG_QUERY_AWARENESS) this.sendAwareness();
      return;
    }
    const sub = data[1];
    if (sub === SYNC_STEP1) {
      if (this.serverSync) this.send(syncStep2(EMPTY_UPDATE));
      return;
    }
    if (sub === SYNC_UPDATE || sub === SYNC_STEP2) {
      const at = nowMs();
      scanKeyIds(data, 2, (id) => this.sink.arrived(id, at, -1));
      if (sub === SYNC_STEP2) this.markSynced();
    }
  }
}

/** A secretariat member typing at a cursor in one paragraph. */
export class Typist extends BenchClient {
  readonly doc = new Y.Doc();
  private text: Y.XmlText | null = null;
  private cursor: Y.RelativePosition | null = null;
  private seq = 0;
  lastSend = 0;
  readonly sends: Array<[number, number]> = [];

  constructor(seat: WorkerSeat, sink: Sink, serverSync: boolean, seed: Uint8Array) {
    super(seat, sink, serverSync);
    if (!serverSync) Y.applyUpdate(this.doc, seed, REMOTE);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.send(syncUpdate(update));
    });
  }

  protected awarenessState() {
    const rel = this.cursor ? Y.relativePositionToJSON(this.cursor) : null;
    return { user: this.user(), cursor: rel ? { anchor: rel, head: rel } : null };
  }

  protected opened(): void {
    if (this.serverSync) this.send(syncStep1(Y.encodeStateVector(this.doc)));
    else this.ready();
    this.sendAwareness();
  }

  protected received(data: Buffer): void {
    if (data[0] !== MSG_SYNC) {
      if (data[0] === MSG_QUERY_AWARENESS) this.sendAwareness();
      return;
    }
    const sub = data[1];
    if (sub !== SYNC_STEP1) {
      const at = nowMs();
      scanKeyIds(data, 2, (id) => this.sink.arrived(id, at, this.seat.typistIndex));
    }
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MSG_SYNC);
    const t = syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE);
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    if (t === SYNC_STEP2) this.ready();
  }

  private ready(): void {
    if (this.synced) return;
    const paragraphs = this.doc.getXmlFragment('body').toArray()
      .filter((el): el is Y.XmlElement => el instanceof Y.XmlElement && el.get(0) instanceof Y.XmlText);
    if (paragraphs.length === 0) {
      this.sink.error(`${this.seat.name}: no paragraph to type in`);
      return;
    }
    this.text = paragraphs[(paragraphs.length - 1 - 2 * this.seat.typistIndex + 10 * paragraphs.length) % paragraphs.length].get(0) as Y.XmlText;
    this.cursor = Y.createRelativePositionFromTypeIndex(this.text, Math.floor(this.text.length / 2));
    this.markSynced();
  }

  /** One keystroke: a Yjs insert at the cursor, then the moved cursor in awareness. */
  keystroke(): void {
    const text = this.text!;
    const abs = Y.createAbsolutePositionFromRelativePosition(this.cursor!, this.doc);
    const index = abs && abs.type === text ? abs.index : text.length;
    const id = this.seq++ * MAX_TYPISTS + this.seat.typistIndex;
    const token = keyToken(id);
    const at = nowMs();
    this.sends.push([id, at]);
    this.lastSend = at;
    text.insert(index, token);
    this.cursor = Y.createRelativePositionFromTypeIndex(text, index + token.length);
    this.sendAwareness();
  }
}
