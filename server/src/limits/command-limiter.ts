import type { Limits } from './limits.js';
import { TokenBucket } from './token-bucket.js';

/** The answer to a command beyond its share (REST: 429). */
export const RATE_LIMITED = { code: 'rate_limited', message: 'too many commands: slow down and retry' } as const;

/** What the limiter says about one command: run it after `wait` ms, or refuse it. */
export type Admission = { wait: number } | null;

/**
 * Command rate limits: one bucket per token (shared by its REST calls and all its connections)
 * and one per connection (the caller keeps it, see `connectionBucket`). A command runs when both
 * have a token or a queue place; the delay is the longer of the two.
 */
export class CommandLimiter {
  private readonly perToken = new Map<string, { bucket: TokenBucket; used: number }>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly limits: Limits) {}

  connectionBucket(): TokenBucket {
    const l = this.limits;
    return new TokenBucket(l.commandsPerSecond, l.commandBurst, l.commandQueue);
  }

  admit(token: string, connection?: TokenBucket, now = Date.now()): Admission {
    const l = this.limits;
    let entry = this.perToken.get(token);
    if (!entry) {
      entry = { bucket: new TokenBucket(l.commandsPerSecond, l.commandBurst, l.commandQueue, now), used: now };
      this.perToken.set(token, entry);
      this.sweepLater();
    }
    entry.used = now;
    const a = entry.bucket.peek(now);
    const b = connection ? connection.peek(now) : 0;
    if (a === null || b === null) return null;
    entry.bucket.reserve(now);
    connection?.reserve(now);
    return { wait: Math.max(a, b) };
  }

  /** Forgets idle tokens' buckets (a full bucket is the same as none). */
  private sweepLater(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      const idle = Date.now() - ((this.limits.commandBurst + this.limits.commandQueue) / this.limits.commandsPerSecond) * 1000 - 1000;
      for (const [k, e] of this.perToken) if (e.used < idle) this.perToken.delete(k);
      if (this.perToken.size === 0 && this.sweeper) {
        clearInterval(this.sweeper);
        this.sweeper = null;
      }
    }, 10_000);
    this.sweeper.unref();
  }
}

/** Counts refusals in a sliding window; `add()` says when a connection has gone too far. */
export class AbuseCounter {
  private times: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Records one refusal; true when more than `max` fell within the window. */
  add(now = Date.now()): boolean {
    this.times.push(now);
    while (this.times.length && this.times[0] <= now - this.windowMs) this.times.shift();
    return this.times.length > this.max;
  }
}
