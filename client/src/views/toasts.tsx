import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toastLifetime, withToast } from './toast-queue';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
}

let nextId = 1;

export function useToasts(): { toasts: Toast[]; push: (message: string, action?: ToastAction) => void; dismiss: (id: number) => void } {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (message: string, action?: ToastAction) => {
      const toast: Toast = { id: nextId++, message, action };
      setToasts((t) => withToast(t, toast));
      const lifetime = toastLifetime(toast);
      if (lifetime !== null) window.setTimeout(() => dismiss(toast.id), lifetime);
    },
    [dismiss],
  );
  return { toasts, push, dismiss };
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss?: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          {toast.message}
          {toast.action && (
            <button
              type="button"
              className="small toast-action"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                dismiss?.(toast.id);
                toast.action!.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          {toast.action && dismiss && (
            <button type="button" className="small toast-close" aria-label={t('common.close')} title={t('common.close')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
