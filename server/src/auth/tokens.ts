import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: unguessable, URL-safe, 43 characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so the admin key cannot be guessed byte by byte from timings. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Accepts only what newToken() and reasonable admin keys look like, before any lookup. */
export function looksLikeToken(s: string): boolean {
  return /^[A-Za-z0-9_-]{16,128}$/.test(s);
}
