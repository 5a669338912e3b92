import { randomBytes } from 'node:crypto';

/** Session ids: 16 lowercase base32-ish characters. Never a path, never user-chosen. */
const SESSION_ID = /^[a-z0-9]{16}$/;

export function isSessionId(s: string): boolean {
  return SESSION_ID.test(s);
}

export function newSessionId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (const b of randomBytes(16)) id += alphabet[b % alphabet.length];
  return id;
}
