import { canWriteText, type Role } from '@accord/shared/protocol';

/** A presence state as the relay stamps it: `user.role` is the server's, never the client's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- y-protocols types states so
type State = { [key: string]: any };

/**
 * BR88, who sees whose caret. The chair and the secretariat see everyone's; delegations and
 * observers see the writers' (chair, secretariat) and each other's only when the chair shares them.
 * Enforced here, on what the server sends, not by hiding carets in the page.
 */
export function seesEveryCaret(role: Role, delegationCaretsShared: boolean): boolean {
  return canWriteText(role) || delegationCaretsShared;
}

/** A caret only writers may see: a delegation's or an observer's. */
export function isPrivateCaret(state: unknown): boolean {
  const s = state as State | null;
  if (!s || s.cursor === undefined || s.cursor === null) return false;
  return !canWriteText((s.user as { role?: Role } | undefined)?.role as Role);
}

/** The states of `ids` as a delegation sees them when carets are private: the presence stays, the private carets go. */
export function withoutPrivateCarets(states: Map<number, State>, ids: number[]): Map<number, State> {
  const out = new Map<number, State>();
  for (const id of ids) {
    const state = states.get(id);
    if (state === undefined) continue;
    if (!isPrivateCaret(state)) {
      out.set(id, state);
      continue;
    }
    const { cursor: _cursor, ...rest } = state;
    out.set(id, rest);
  }
  return out;
}
