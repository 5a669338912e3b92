import type { TFunction } from 'i18next';
import type { DecisionEntry } from '@accord/shared/brackets/index';

/** How the decision log reads a change to the speakers' list (BR86), in the interface language. */
export function floorSentence(d: DecisionEntry, label: (paragraphId: string) => string | undefined, t: TFunction): string {
  const f = d.floor;
  if (!f) return t('floorLog.changed', { by: d.by });
  const name = f.name ?? t('floorLog.aDelegation');
  const where = f.paragraphId ? label(f.paragraphId) : undefined;
  switch (f.action) {
    case 'request':
      return where ? t('floorLog.requestOn', { name, where }) : t('floorLog.request', { name });
    case 'withdraw':
      return t('floorLog.withdraw', { name });
    case 'give':
      return where ? t('floorLog.giveOn', { by: d.by, name, where }) : t('floorLog.give', { by: d.by, name });
    case 'end':
      return t('floorLog.end', { by: d.by, name });
    case 'order':
      return t('floorLog.order', { by: d.by });
    case 'remove':
      return t('floorLog.remove', { by: d.by, name });
  }
}
