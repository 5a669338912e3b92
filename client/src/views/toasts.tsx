import { useCallback, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
}

let nextId = 1;

export function useToasts(): { toasts: Toast[]; push: (message: string) => void } {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((message: string) => {
    const id = nextId++;
    setToasts((t) => [...t.slice(-3), { id, message }]);
    window.setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 6000);
  }, []);
  return { toasts, push };
}

export function Toasts({ toasts }: { toasts: Toast[] }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          {t.message}
        </div>
      ))}
    </div>
  );
}
