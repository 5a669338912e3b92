import type { DecisionEntry } from '@accord/shared/brackets/index';

/** How the decision log reads a change to the speakers' list (BR86); the user-facing words, in one place. */
export function floorSentence(d: DecisionEntry, label: (paragraphId: string) => string | undefined): string {
  const f = d.floor;
  if (!f) return `${d.by} changed the speakers' list`;
  const name = f.name ?? 'a delegation';
  const on = f.paragraphId && label(f.paragraphId) ? ` on ${label(f.paragraphId)}` : '';
  switch (f.action) {
    case 'request':
      return `${name} asked for the floor${on}`;
    case 'withdraw':
      return `${name} withdrew its request for the floor`;
    case 'give':
      return `${d.by} gave the floor to ${name}${on}`;
    case 'end':
      return `${d.by} ended ${name}'s turn`;
    case 'order':
      return `${d.by} reordered the speakers' list`;
    case 'remove':
      return `${d.by} removed ${name} from the speakers' list`;
  }
}
