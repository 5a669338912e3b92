/** Names one version of a session's text in URLs: `live`, `rev:<id>`, `history:<id>`. */
export type VersionRef = { kind: 'live' } | { kind: 'rev'; id: string } | { kind: 'history'; id: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** null for anything else (unknown kind, empty or odd id). */
export function parseVersionRef(s: unknown): VersionRef | null {
  if (s === 'live') return { kind: 'live' };
  if (typeof s !== 'string') return null;
  const m = /^(rev|history):(.*)$/.exec(s);
  if (!m || !ID.test(m[2])) return null;
  return { kind: m[1] as 'rev' | 'history', id: m[2] };
}

export function formatVersionRef(r: VersionRef): string {
  return r.kind === 'live' ? 'live' : `${r.kind}:${r.id}`;
}
