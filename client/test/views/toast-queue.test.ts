import { describe, expect, it } from 'vitest';
import type { Toast } from '../../src/views/toasts';
import { toastLifetime, withToast } from '../../src/views/toast-queue';

const plain = (id: number): Toast => ({ id, message: `notice ${id}` });
const restore = (id: number): Toast => ({ id, message: `Draft set aside, not sent: «draft ${id}»`, action: { label: 'Restore', run: () => undefined } });

describe('toasts that carry someone’s words', () => {
  it('a Restore toast is never timed out; a plain notice is', () => {
    expect(toastLifetime(restore(1))).toBeNull();
    expect(toastLifetime(plain(1))).toBeGreaterThan(0);
  });

  it('later notices push out older notices, never a Restore toast', () => {
    let list: Toast[] = [restore(1)];
    for (let i = 2; i < 20; i++) list = withToast(list, plain(i));
    list = withToast(list, restore(20));
    expect(list.filter((t) => t.action).map((t) => t.id)).toEqual([1, 20]);
    expect(list.filter((t) => !t.action).map((t) => t.id)).toEqual([16, 17, 18, 19]);
  });
});
