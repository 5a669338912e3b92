import type { Storage } from '../../src/storage/storage.js';

/** Wraps a backend so tests can make writes fail and hold or fail loads. */
export interface FlakyStorage extends Storage {
  failAppends: boolean;
  appendAttempts: number;
  loadCalls: number;
  /** While set, loadUpdates waits for it. */
  loadGate: Promise<void> | null;
  failLoads: boolean;
}

export function flaky(inner: Storage): FlakyStorage {
  const s: FlakyStorage = {
    ...inner,
    failAppends: false,
    appendAttempts: 0,
    loadCalls: 0,
    loadGate: null,
    failLoads: false,
    async appendUpdates(doc, updates) {
      s.appendAttempts++;
      if (s.failAppends) throw new Error('disk full (test)');
      return inner.appendUpdates(doc, updates);
    },
    async loadUpdates(doc) {
      s.loadCalls++;
      if (s.loadGate) await s.loadGate;
      if (s.failLoads) throw new Error('disk unreadable (test)');
      return inner.loadUpdates(doc);
    },
  };
  return s;
}

export function gate(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}
