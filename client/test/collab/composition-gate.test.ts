import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { gateWhileComposing, type CompositionGate } from '../../src/collab/composition-gate';

/** What the gate touches of a WebsocketProvider: its doc, the update sender and the message handlers. */
function fakeProvider(doc: Y.Doc): { provider: WebsocketProvider; sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  const provider = {
    doc,
    ws: null,
    messageHandlers: [() => undefined, () => undefined],
    _updateHandler: (update: Uint8Array, origin: unknown) => {
      if (origin !== provider) sent.push(update);
    },
  };
  doc.on('update', provider._updateHandler);
  return { provider: provider as unknown as WebsocketProvider, sent };
}

let gate: CompositionGate | null = null;
afterEach(() => {
  gate?.destroy();
  gate = null;
});

describe('a writer’s own changes during a composition (issue 8, reproduction 12)', () => {
  it('are sent at once when nobody composes', () => {
    const doc = new Y.Doc();
    const { provider, sent } = fakeProvider(doc);
    gate = gateWhileComposing(provider, () => false);
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    expect(sent).toHaveLength(2);
  });

  it('are held while composing and sent as one update once it ends: others never see the pinyin', () => {
    const doc = new Y.Doc();
    const { provider, sent } = fakeProvider(doc);
    let composing = true;
    gate = gateWhileComposing(provider, () => composing);
    const text = doc.getText('t');
    text.insert(0, '国家立法');
    for (const step of ['r', 'ri', '日', '日q', '日qi', '日期']) {
      // The input method replaces its composition with the next state of it.
      doc.transact(() => {
        const start = '国家立法'.length;
        text.delete(start, text.length - start);
        text.insert(start, step);
      });
    }
    expect(sent).toEqual([]);
    composing = false;
    gate.flush();
    expect(sent).toHaveLength(1);

    const other = new Y.Doc();
    const seen: string[] = [];
    other.getText('t').observe(() => seen.push(other.getText('t').toString()));
    Y.applyUpdate(other, sent[0]);
    expect(seen).toEqual(['国家立法日期']);
  });

  it('a change arriving after the composition ended but before flush goes out after the held ones, in one go', async () => {
    const doc = new Y.Doc();
    const { provider, sent } = fakeProvider(doc);
    let composing = true;
    gate = gateWhileComposing(provider, () => composing);
    doc.getText('t').insert(0, 'ri');
    composing = false;
    doc.getText('t').delete(0, 2);
    doc.getText('t').insert(0, '日');
    await Promise.resolve();
    const other = new Y.Doc();
    for (const u of sent) Y.applyUpdate(other, u);
    expect(other.getText('t').toString()).toBe('日');
    expect(sent).toHaveLength(1);
  });

  it('destroy() puts the provider’s sender back, unless the provider was destroyed (then nothing is sent any more)', () => {
    const doc = new Y.Doc();
    const { provider, sent } = fakeProvider(doc);
    const original = provider._updateHandler;
    gateWhileComposing(provider, () => false).destroy();
    expect(provider._updateHandler).toBe(original);
    doc.getText('t').insert(0, 'a');
    expect(sent).toHaveLength(1);

    const g = gateWhileComposing(provider, () => false);
    // What WebsocketProvider.destroy() does.
    doc.off('update', provider._updateHandler);
    g.destroy();
    doc.getText('t').insert(0, 'b');
    expect(sent).toHaveLength(1);
  });
});
