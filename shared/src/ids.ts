/** Paragraph and proposal ids: short, random, URL-safe. crypto.getRandomValues exists in Node 20 and browsers. */
export function newId(prefix = 'p'): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += (b % 36).toString(36);
  return prefix + s;
}
