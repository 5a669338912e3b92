/**
 * The session list's search: a text matches when its symbol or title contains every word typed,
 * ignoring case, accents and width ("cote" finds "Côte", "ａ/ｒｅｓ" finds "A/RES").
 */
export function foldForSearch(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function matchesSearch(query: string, fields: readonly (string | undefined)[]): boolean {
  const words = foldForSearch(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(fields.filter(Boolean).join('\n'));
  return words.every((w) => haystack.includes(w));
}
