import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal over the workspace (native <dialog>: focus trap, Escape and backdrop for free). */
export function ModalDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="revision-dialog" aria-label={title} onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

/**
 * A dialog's Cancel and its action: the action submits the form around it, or runs `onConfirm`;
 * both wait while `busy`, the action also while `disabled`.
 */
export function DialogButtons(props: { label: ReactNode; busy: boolean; disabled?: boolean; danger?: boolean; onCancel: () => void; onConfirm?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-buttons">
      <button type="button" onClick={props.onCancel} disabled={props.busy}>
        {t('common.cancel')}
      </button>
      <button
        type={props.onConfirm ? 'button' : 'submit'}
        className={props.danger ? 'primary danger' : 'primary'}
        onClick={props.onConfirm}
        disabled={props.busy || props.disabled}
      >
        {props.label}
      </button>
    </div>
  );
}
