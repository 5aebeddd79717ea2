import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';

/** A request for one line of text (Electron has no window.prompt, so the app asks in its own dialog). */
export interface PromptRequest {
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  /** Whether an empty answer is acceptable. */
  allowEmpty?: boolean;
  onConfirm: (value: string) => void;
}

/** A modal asking for one line of text; Escape or Cancel closes it without doing anything. */
export function PromptDialog({ request, onClose }: { request: PromptRequest | null; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (request && !d.open) {
      setValue(request.initial);
      d.showModal();
    }
    if (!request && d.open) d.close();
  }, [request]);
  const ok = request && (request.allowEmpty || value.trim() !== '');
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="prompt-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form method="dialog" onSubmit={(e) => {
        e.preventDefault();
        if (!request || !ok) return;
        onClose();
        request.onConfirm(value.trim());
      }}>
        <h2 id="prompt-title">{request?.title}</h2>
        <label className="field">
          <span>{request?.label}</span>
          <input dir="auto" autoFocus value={value} maxLength={2000} onChange={(e) => setValue(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('journeys.cancel')}</button>
          <button type="submit" className="primary" disabled={!ok}>{request?.confirmLabel}</button>
        </div>
      </form>
    </dialog>
  );
}
