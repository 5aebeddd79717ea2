import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * A modal confirmation on the native <dialog>: focus is trapped and restored by the browser, and
 * Escape cancels. The confirm button is focused last-resort so Enter does not destroy by accident.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** The safe choice's label; "Cancel" (translated) unless the question calls for another word ("Stay"). */
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="dialog" onCancel={(e) => { e.preventDefault(); props.onCancel(); }} aria-labelledby="confirm-title">
      <h2 id="confirm-title">{props.title}</h2>
      {props.children && <div className="dialog-body">{props.children}</div>}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={props.onCancel}>{props.cancelLabel ?? t('app.dialog.cancel')}</button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>{props.confirmLabel}</button>
      </div>
    </dialog>
  );
}
