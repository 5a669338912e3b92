import { schema, Y_BODY } from '@accord/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Command } from '@accord/shared/brackets/index';
import { CommandChannel, type CommandAnswer } from './command-channel';
import { findUnknownContent } from './content-guard';
import {
  MESSAGE_COMMAND_RESULT,
  MESSAGE_IDENTITY,
  MESSAGE_NOTICE,
  MESSAGE_SAVED,
  readIdentity,
  readNotice,
  readSaved,
  unsavedCount,
  type Identity,
  type Notice,
} from './accord-messages';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface CollabSnapshot {
  connection: ConnectionState;
  /** The first sync with the server has completed (the text shown is the server's). */
  synced: boolean;
  identity: Identity | null;
  /** Local operations not yet reported durable by a SAVED message. */
  unsaved: number;
  /** Whether any SAVED arrived yet (servers without acks never send one). */
  acked: boolean;
  /** Set when the text holds content this client cannot show; syncing has then stopped. */
  contentProblem: string | null;
}

/**
 * One open text: the Y.Doc, its WebSocket provider and the Accord messages on top of it. Views
 * subscribe to a plain snapshot (useSyncExternalStore); the editor binds to `doc` and `provider`.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly fragment: Y.XmlFragment;
  private snapshot: CollabSnapshot = { connection: 'connecting', synced: false, identity: null, unsaved: 0, acked: false, contentProblem: null };
  private saved: Map<number, number> | null = null;
  private everConnected = false;
  private listeners = new Set<() => void>();
  private noticeListeners = new Set<(n: Notice) => void>();
  private readonly commands: CommandChannel;

  constructor(sessionId: string, token: string) {
    this.fragment = this.doc.getXmlFragment(Y_BODY);
    // Registered before the editor binds, so it runs before y-tiptap would delete what it cannot map.
    this.fragment.observeDeep(this.checkContent);
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    this.provider = new WebsocketProvider(`${scheme}://${window.location.host}/collab`, sessionId, this.doc, {
      params: { token, acks: '1' },
      // Every change must go through the server (which stores it, checks the role and acks it);
      // a cross-tab BroadcastChannel would let tabs exchange updates the server never saw.
      disableBc: true,
    });
    this.commands = new CommandChannel(this.provider, sessionId, token);
    this.provider.messageHandlers[MESSAGE_COMMAND_RESULT] = (_enc, decoder) => this.commands.receive(decoder);
    this.provider.messageHandlers[MESSAGE_IDENTITY] = (_enc, decoder) => {
      this.set({ identity: readIdentity(decoder) });
    };
    this.provider.messageHandlers[MESSAGE_SAVED] = (_enc, decoder) => {
      this.saved = readSaved(decoder);
      this.set({ acked: true, unsaved: unsavedCount(this.doc, this.saved) });
    };
    this.provider.messageHandlers[MESSAGE_NOTICE] = (_enc, decoder) => {
      const notice = readNotice(decoder);
      for (const l of this.noticeListeners) l(notice);
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.everConnected = true;
      const connection: ConnectionState =
        status === 'connected' ? 'connected' : status === 'connecting' ? (this.everConnected ? 'reconnecting' : 'connecting') : 'offline';
      this.set({ connection });
    });
    this.provider.on('sync', (synced) => this.set({ synced: this.snapshot.synced || synced }));
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider) this.set({ unsaved: unsavedCount(this.doc, this.saved) });
    });
    window.addEventListener('offline', this.onBrowserOffline);
  }

  private checkContent = (events: Array<Y.YEvent<Y.XmlElement | Y.XmlText | Y.XmlFragment>>) => {
    if (this.snapshot.contentProblem) return;
    for (const event of events) {
      // A text: re-read its marks (one paragraph). A fragment or element: only what was added.
      const changed =
        event.target instanceof Y.XmlText
          ? [event.target]
          : [...event.changes.added].map((item) => (item.content as Y.ContentType).type).filter(Boolean);
      const problem = findUnknownContent(wrap(changed as Array<Y.XmlElement | Y.XmlText>), schema);
      if (problem) {
        // destroy() unhooks the provider from doc updates at once, so whatever the binding
        // "repairs" locally can never reach the server.
        this.provider.destroy();
        this.set({ contentProblem: problem, connection: 'offline' });
        return;
      }
    }
  };

  private onBrowserOffline = () => this.set({ connection: 'offline' });

  private set(patch: Partial<CollabSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    if ((Object.keys(patch) as Array<keyof CollabSnapshot>).every((k) => next[k] === this.snapshot[k])) return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  onNotice(listener: (n: Notice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** Proposals, positions and decisions: applied by the server, which answers once they are stored. */
  command(command: Command, commandId?: string): Promise<CommandAnswer> {
    return this.commands.send(command, commandId);
  }

  /** Stops talking to the server but keeps the document in memory (used on a content error). */
  disconnect(): void {
    this.provider.disconnect();
    this.set({ connection: 'offline' });
  }

  destroy(): void {
    window.removeEventListener('offline', this.onBrowserOffline);
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Lets findUnknownContent look at the changed elements and texts as if they were a fragment. */
function wrap(types: Array<Y.XmlElement | Y.XmlText>): Y.XmlFragment {
  return { toArray: () => types } as unknown as Y.XmlFragment;
}
