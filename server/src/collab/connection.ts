import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { Identity } from '../extension.js';
import { canWriteText } from '@accord/shared/protocol';
import type { ConnectionQuota } from '../limits/fair-share.js';

/** One WebSocket in one room: its identity, what it asked for, and what it controls. */
export class Connection {
  readonly canWrite: boolean;
  /** Awareness client ids this connection introduced; it may only set state for these. */
  readonly awarenessIds = new Set<number>();
  /** NOTICE read-only is sent once per connection. */
  readOnlyNoticeSent = false;
  /** An update of this connection was refused (UpdateGuard); it must reload before writing again. */
  refused = false;

  constructor(
    readonly ws: WebSocket,
    readonly identity: Identity,
    /** acks=1: the client wants SAVED after its updates are committed. */
    readonly wantsAcks: boolean,
    /** Its share of the server: command and presence rates, limits (server/src/limits). */
    readonly quota: ConnectionQuota,
  ) {
    this.canWrite = canWriteText(identity.role);
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /**
   * A client that lets more than `sendBufferBytes` pile up unsent is not keeping up (or never
   * reads): it is cut off, and resyncs when it reconnects.
   */
  private overflowing(): boolean {
    if (this.ws.bufferedAmount <= this.quota.limits.sendBufferBytes) return false;
    this.ws.terminate();
    return true;
  }

  send(message: Uint8Array): void {
    if (!this.open || this.overflowing()) return;
    this.ws.send(message, (err) => {
      if (err) this.ws.terminate();
    });
  }

  /**
   * Sends a message already framed by binaryFrame (room-wide relays). Written straight to the
   * socket: ws keeps no queue of its own here (permessage-deflate is off), so frames stay in order
   * with those sent through ws.send.
   */
  sendFrame(frame: Buffer): void {
    if (!this.open || this.overflowing()) return;
    (this.ws as unknown as { _socket: Socket })._socket.write(frame);
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.CLOSED || this.ws.readyState === this.ws.CLOSING) return;
    this.ws.close(code, reason.slice(0, 120));
  }
}
