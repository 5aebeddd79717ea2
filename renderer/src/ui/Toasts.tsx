import { dismissToast, useToasts } from './toast';
import { X } from './icons';
import { useT } from '../i18n';

/** Renders the toast stack; errors are announced assertively. */
export function Toasts() {
  const toasts = useToasts();
  const t = useT();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              onClick={() => {
                toast.action?.run();
                dismissToast(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="ghost" aria-label={t('app.toast.dismiss')} onClick={() => dismissToast(toast.id)}><X size={14} /></button>
        </div>
      ))}
    </div>
  );
}
