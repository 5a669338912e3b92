import type { Role } from '../protocol.js';
import type { CommandType } from './types.js';

/** Which roles may send each command type at all (BR1); the rules check state and sponsorship. */
const ALLOWED: Record<CommandType, readonly Role[]> = {
  propose: ['delegation', 'secretariat', 'chair'],
  comment: ['delegation', 'secretariat', 'chair'],
  editProposal: ['delegation', 'secretariat', 'chair'],
  withdraw: ['delegation', 'secretariat', 'chair'],
  support: ['delegation'],
  oppose: ['delegation'],
  cosponsor: ['delegation'],
  accept: ['chair'],
  reject: ['chair'],
  undoDecision: ['chair'],
  setParagraphStatus: ['chair'],
  // BR80–BR88: a delegation asks for the floor and withdraws its own request; the chair runs the rest.
  'floor.request': ['delegation'],
  'floor.withdraw': ['delegation'],
  'floor.give': ['chair'],
  'floor.end': ['chair'],
  'floor.order': ['chair'],
  'floor.remove': ['chair'],
  'screen.hold': ['chair'],
  'screen.release': ['chair'],
  'screen.follow': ['chair'],
  'settings.carets': ['chair'],
  // BR90–BR94: the chair starts and lifts a silence, a delegation breaks it; the server expires it acting as the chair.
  'silence.start': ['chair'],
  'silence.break': ['delegation'],
  'silence.lift': ['chair'],
  'silence.expire': ['chair'],
};

/** A known command type. */
export function isCommandType(type: unknown): type is CommandType {
  return typeof type === 'string' && Object.hasOwn(ALLOWED, type);
}

/**
 * [BR1] May `role` send a command of this type at all? Pure and O(1), so a server can refuse an
 * observer's accept before reading the document. False never disagrees with applyCommand: what it
 * refuses, the rules refuse `not_permitted` too (shared/test/brackets/roles.test.ts).
 */
export function commandRoleAllowed(type: CommandType, role: Role): boolean {
  return ALLOWED[type].includes(role);
}
