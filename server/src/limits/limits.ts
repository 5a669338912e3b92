/**
 * Every participant's share of the server (ENGINEERING.md §7: every participant's traffic is
 * bounded). All of them can be changed through `createAccordServer({ limits })`; README.md lists
 * them.
 */
export interface Limits {
  /** Commands (WS message 110 and REST) per connection and per token: refill rate per second… */
  commandsPerSecond: number;
  /** …bucket size (a burst this large runs at once)… */
  commandBurst: number;
  /** …and how many more wait for a token instead of being refused `rate_limited`. */
  commandQueue: number;
  /** A WebSocket refused this many commands (or presence messages) within `abuseWindowMs` is closed 1008. */
  refusalsBeforeClose: number;
  abuseWindowMs: number;
  /** Presence (awareness) client ids one connection may publish. */
  awarenessIdsPerConnection: number;
  /** Bytes of one presence state (its JSON). */
  awarenessStateBytes: number;
  /** Presence messages per second per connection (burst: twice this); beyond, they are dropped. */
  awarenessMessagesPerSecond: number;
  /** Presence messages dropped (over the rate, or for ids beyond the cap) within `abuseWindowMs` before the connection is closed 1008. */
  awarenessDropsBeforeClose: number;
  /** Bytes a WebSocket may have waiting to be sent before it is closed (1008 reader too slow). */
  sendBufferBytes: number;
  /** Approximate encoded size of a document beyond which writes are refused (NOTICE document_too_large). */
  documentBytes: number;
  /** Live WebSocket connections per token and per remote address. */
  connectionsPerToken: number;
  connectionsPerAddress: number;
}

export const DEFAULT_LIMITS: Limits = {
  commandsPerSecond: 20,
  commandBurst: 40,
  commandQueue: 20,
  refusalsBeforeClose: 50,
  abuseWindowMs: 10_000,
  awarenessIdsPerConnection: 2,
  awarenessStateBytes: 2 * 1024,
  awarenessMessagesPerSecond: 20,
  awarenessDropsBeforeClose: 200,
  sendBufferBytes: 16 * 1024 * 1024,
  documentBytes: 20 * 1024 * 1024,
  connectionsPerToken: 20,
  // A negotiating room often reaches the server from one address (the venue's NAT).
  connectionsPerAddress: 1_000,
};
