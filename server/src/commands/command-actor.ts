import type { Actor } from '@accord/shared/brackets/index';
import type { Identity } from '../extension.js';

/** Who a command acts as: the server-stamped identity; the organiser's key acts as the chair. */
export function commandActor(identity: Identity): Actor {
  if (identity.admin) return { role: 'chair', id: identity.participantId || 'chair', delegation: identity.delegation || 'Chair' };
  return { role: identity.role, id: identity.participantId, delegation: identity.delegation };
}
