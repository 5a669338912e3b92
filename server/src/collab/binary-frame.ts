/**
 * One unmasked, unfragmented binary WebSocket frame (RFC 6455 §5.2) holding `payload`. A message
 * relayed to a whole room is framed once and the same bytes go to every socket, instead of ws
 * framing it again per connection (and writing header and payload separately).
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const headerLength = n < 126 ? 2 : n < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + n);
  frame[0] = 0x82; // FIN + opcode 2 (binary)
  if (n < 126) {
    frame[1] = n;
  } else if (n < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}
