import { useCallback, useState } from 'react';

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

/** A toast with an action (Restore…) stays long enough to reach it. */
const SHOWN_MS = 6000;
const SHOWN_WITH_ACTION_MS = 20_000;

export function useToasts(): { toasts: Toast[]; push: (message: string, action?: ToastAction) => void; dismiss: (id: number) => void } {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (message: string, action?: ToastAction) => {
      const id = nextId++;
      setToasts((t) => [...t.slice(-3), { id, message, action }]);
      window.setTimeout(() => dismiss(id), action ? SHOWN_WITH_ACTION_MS : SHOWN_MS);
    },
    [dismiss],
  );
  return { toasts, push, dismiss };
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss?: (id: number) => void }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          {t.message}
          {t.action && (
            <button
              type="button"
              className="small toast-action"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                dismiss?.(t.id);
                t.action!.run();
              }}
            >
              {t.action.label}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
