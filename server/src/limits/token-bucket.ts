/**
 * A token bucket that can also lend ahead: `reserve()` takes a token now if one is there, else
 * books one of the next `queue` tokens and says how long to wait for it; beyond that it refuses.
 * Successive reservations get non-decreasing delays, so queued work keeps its order.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly queue = 0,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.ratePerSecond) / 1000);
  }

  /** Milliseconds to wait before the work may run (0: now), or null when the queue is full. */
  peek(now = Date.now()): number | null {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    if (this.tokens - 1 < -this.queue) return null;
    return Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  /** Takes (or books) one token; see peek(). */
  reserve(now = Date.now()): number | null {
    const wait = this.peek(now);
    if (wait !== null) this.tokens -= 1;
    return wait;
  }

  /** Takes a token only if one is there now. */
  take(now = Date.now()): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
