import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageAwareness, messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

type Handler = WebsocketProvider['messageHandlers'][number];

/**
 * IME safety (the y-prosemirror#81 class of bug: Chinese typed through an input method gets garbled
 * or duplicated while someone else edits the same paragraph).
 *
 * @tiptap/y-tiptap 3.0.9 does not look at `view.composing` at all: a remote update re-renders the
 * whole fragment through `_typeChanged`, and ProseMirror then redraws the paragraph the browser is
 * composing in, so the IME loses its anchor and commits its text twice or in the wrong place.
 * Deferring inside the binding is not an option either: the next local keystroke would diff the
 * ProseMirror document against a Y fragment that already holds the remote change and delete it.
 *
 * So we hold remote sync and awareness messages *before* they reach the Y.Doc while the editor is
 * composing, and apply them in arrival order right after the composition has ended and ProseMirror
 * has read the committed text. Yjs merges them with our own changes as with any concurrent edit.
 *
 * Our own changes during a composition are held too: y-tiptap writes every intermediate state of
 * the composition (the pinyin `r`, `ri`, `日q`…) into the Y.Doc, and others must not watch it being
 * typed (issue 8, reproduction 12). Once the composition has ended they go out as one update, so
 * others see the committed text appear at once.
 */
export interface CompositionGate {
  /** Sends our held changes and applies everything held back; call after compositionend once ProseMirror is done. */
  flush(): void;
  destroy(): void;
}

export function gateWhileComposing(provider: WebsocketProvider, isComposing: () => boolean): CompositionGate {
  const held: Array<{ type: number; bytes: Uint8Array; emitSynced: boolean }> = [];
  const originals = new Map<number, Handler>();

  const run = (type: number, bytes: Uint8Array, emitSynced: boolean) => {
    const original = originals.get(type);
    if (!original) return;
    const encoder = encoding.createEncoder();
    original(encoder, decoding.createDecoder(bytes), provider, emitSynced, type);
    // A sync step 1 from the server asks for an answer; readMessage would have sent it.
    if (encoding.length(encoder) > 1 && provider.ws?.readyState === WebSocket.OPEN) {
      provider.ws.send(encoding.toUint8Array(encoder));
    }
  };

  for (const type of [messageSync, messageAwareness]) {
    const original = provider.messageHandlers[type];
    originals.set(type, original);
    provider.messageHandlers[type] = (encoder, decoder, p, emitSynced, messageType) => {
      if (held.length === 0 && !isComposing()) {
        original(encoder, decoder, p, emitSynced, messageType);
        return;
      }
      held.push({ type, bytes: decoder.arr.slice(decoder.pos), emitSynced });
      // Not composing (any more) but older messages still wait: let them all in, in order, now,
      // rather than holding everyone's changes until some later composition ends.
      if (!isComposing()) queueMicrotask(flush);
    };
  }

  // The provider sends our changes from its `_updateHandler` (and its destroy() unhooks whatever that
  // property holds), so ours takes that place.
  const doc = provider.doc;
  const send = provider._updateHandler;
  const outgoing: Uint8Array[] = [];
  const holdOwn = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    if (outgoing.length === 0 && !isComposing()) {
      send(update, origin);
      return;
    }
    outgoing.push(update);
    if (!isComposing()) queueMicrotask(flush);
  };
  doc.off('update', send);
  provider._updateHandler = holdOwn;
  doc.on('update', holdOwn);

  function sendOwn(): void {
    if (outgoing.length === 0 || isComposing()) return;
    send(Y.mergeUpdates(outgoing.splice(0)), null);
  }

  function flush(): void {
    sendOwn();
    while (held.length > 0 && !isComposing()) {
      const next = held.shift()!;
      try {
        run(next.type, next.bytes, next.emitSynced);
      } catch (err) {
        // One bad message must not keep every later one waiting.
        console.error('Accord: applying a held message failed', err);
      }
    }
  }

  return {
    flush,
    destroy() {
      for (const [type, original] of originals) provider.messageHandlers[type] = original;
      held.length = 0;
      if (outgoing.length > 0) send(Y.mergeUpdates(outgoing.splice(0)), null);
      if (provider._updateHandler === holdOwn) {
        provider._updateHandler = send;
        // Unless provider.destroy() has unhooked it already (content-guard stops syncing that way).
        if (hooked(doc, holdOwn)) {
          doc.off('update', holdOwn);
          doc.on('update', send);
        }
      }
    },
  };
}

function hooked(doc: Y.Doc, handler: (...args: never[]) => void): boolean {
  return (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.has(handler) ?? false;
}
