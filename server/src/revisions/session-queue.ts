/**
 * Runs tasks one at a time per session: two chairs issuing or restoring at once must not read the
 * same live text and both rewrite it. Tasks of different sessions run independently.
 */
export class SessionQueue {
  private tails = new Map<string, Promise<unknown>>();

  run<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(sessionId) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(sessionId, tail);
    void tail.then(() => {
      if (this.tails.get(sessionId) === tail) this.tails.delete(sessionId);
    });
    return next;
  }
}
