import { useSyncExternalStore } from 'react';

/** A short message at the bottom of the window, optionally with one action such as Undo. */
export interface Toast { id: number; message: string; tone: 'info' | 'error'; action?: { label: string; run: () => void } }

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Shows a toast; it disappears after a while unless it is an error. Returns its id. */
export function showToast(message: string, options: { tone?: Toast['tone']; action?: Toast['action']; ms?: number } = {}): number {
  const toast: Toast = { id: nextId++, message, tone: options.tone ?? 'info', ...(options.action ? { action: options.action } : {}) };
  toasts = [...toasts, toast];
  emit();
  const ms = options.ms ?? (toast.tone === 'error' ? 0 : 6000);
  if (ms > 0) setTimeout(() => dismissToast(toast.id), ms);
  return toast.id;
}

/** Removes a toast. */
export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** The toasts on screen. */
export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}
