import type { Toast } from './toasts';

/** Plain notices shown at once; older ones give way. */
const MAX_PLAIN = 4;
const SHOWN_MS = 6000;

/**
 * A toast with an action carries someone's words (a draft set aside: Restore; a refused proposal:
 * Copy text). It is never timed out nor pushed out by later notices: only the person closes it
 * (PRODUCT.md: nothing typed is discarded by a key). Plain notices go after a few seconds.
 */
export function withToast(list: readonly Toast[], toast: Toast): Toast[] {
  const next = [...list, toast];
  const plain = next.filter((t) => !t.action);
  const drop = new Set(plain.slice(0, Math.max(0, plain.length - MAX_PLAIN)));
  return next.filter((t) => !drop.has(t));
}

/** How long a toast stays by itself; null: until the person closes it. */
export function toastLifetime(toast: Pick<Toast, 'action'>): number | null {
  return toast.action ? null : SHOWN_MS;
}
