import type { WebSocket } from 'ws';
import { AbuseCounter, CommandLimiter, type Admission } from './command-limiter.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { TokenBucket } from './token-bucket.js';

/** One connection's share: its command and presence buckets and its count of refusals. */
export class ConnectionQuota {
  private readonly commands: TokenBucket;
  private readonly presence: TokenBucket;
  private readonly abuse: AbuseCounter;
  private readonly presenceAbuse: AbuseCounter;
  /** Went beyond its share: about to be closed 1008; nothing more it sends is handled. */
  condemned = false;

  constructor(
    private readonly fair: FairShare,
    /** The token the connection authenticated with (its participant key). */
    readonly token: string,
    readonly address: string,
  ) {
    const l = fair.limits;
    this.commands = fair.commands.connectionBucket();
    this.presence = new TokenBucket(l.awarenessMessagesPerSecond, l.awarenessMessagesPerSecond * 2);
    this.abuse = new AbuseCounter(l.refusalsBeforeClose, l.abuseWindowMs);
    this.presenceAbuse = new AbuseCounter(l.awarenessDropsBeforeClose, l.abuseWindowMs);
  }

  get limits(): Limits {
    return this.fair.limits;
  }

  /** Run a command now, after a wait, or refuse it (`rate_limited`). */
  admitCommand(): Admission {
    return this.fair.commands.admit(this.token, this.commands);
  }

  /** A presence message within the rate (else it is dropped). */
  admitPresence(): boolean {
    return this.presence.take();
  }

  /** Counts one dropped presence message; true when the connection should be closed 1008. */
  presenceDropped(): boolean {
    return this.presenceAbuse.add();
  }

  /** Counts one refusal; true when the connection has gone on long enough to be closed 1008. */
  refused(): boolean {
    return this.abuse.add();
  }
}

/**
 * The server's bookkeeping of who uses what: the command limiter, and live connections by token
 * and by remote address (connection caps, revocation).
 */
export class FairShare {
  readonly limits: Limits;
  readonly commands: CommandLimiter;
  private readonly byToken = new Map<string, Set<WebSocket>>();
  private readonly byAddress = new Map<string, number>();

  constructor(limits: Partial<Limits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.commands = new CommandLimiter(this.limits);
  }

  /** Null when a new connection is within the caps; otherwise why not. */
  connectionRefusal(token: string, address: string): string | null {
    if ((this.byToken.get(token)?.size ?? 0) >= this.limits.connectionsPerToken) return `at most ${this.limits.connectionsPerToken} connections per token`;
    if ((this.byAddress.get(address) ?? 0) >= this.limits.connectionsPerAddress) return `at most ${this.limits.connectionsPerAddress} connections per address`;
    return null;
  }

  /** Counts an accepted connection until it closes; returns its quota. */
  register(ws: WebSocket, token: string, address: string): ConnectionQuota {
    let set = this.byToken.get(token);
    if (!set) this.byToken.set(token, (set = new Set()));
    set.add(ws);
    this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
    ws.once('close', () => {
      set.delete(ws);
      if (set.size === 0 && this.byToken.get(token) === set) this.byToken.delete(token);
      const n = (this.byAddress.get(address) ?? 1) - 1;
      if (n > 0) this.byAddress.set(address, n);
      else this.byAddress.delete(address);
    });
    return new ConnectionQuota(this, token, address);
  }

  /** Closes every live connection of `token` (revocation); returns how many. */
  closeToken(token: string, code: number, reason: string): number {
    const set = this.byToken.get(token);
    if (!set) return 0;
    for (const ws of set) ws.close(code, reason);
    return set.size;
  }
}
