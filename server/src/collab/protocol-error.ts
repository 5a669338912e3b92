/** WebSocket close codes (RFC 6455 §7.4.1) Accord uses. */
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_PROTOCOL_ERROR = 1002;
export const CLOSE_UNSUPPORTED_DATA = 1003;
/** Policy violation: a client that went beyond its share (server/src/limits). */
export const CLOSE_POLICY_VIOLATION = 1008;
export const CLOSE_MESSAGE_TOO_BIG = 1009;
export const CLOSE_INTERNAL_ERROR = 1011;

/** A client sent something we cannot read: close that one connection with `code`. */
export class ProtocolError extends Error {
  constructor(
    readonly code: typeof CLOSE_PROTOCOL_ERROR | typeof CLOSE_UNSUPPORTED_DATA | typeof CLOSE_POLICY_VIOLATION,
    message: string,
  ) {
    super(message);
  }
}
