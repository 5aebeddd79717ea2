import { useEffect, useSyncExternalStore } from 'react';

/**
 * Warning before leaving a screen that holds work the database does not (a persona with an invalid
 * field held back from saving). In-app navigation is a hash change; the listener below is added
 * when this module loads, before any React subscription to `hashchange`, so it can put the old
 * address back and stop the event before the app re-renders for the new one. Closing or reloading
 * the page goes through the browser's own `beforeunload` question.
 */

/** A screen's reason to ask before leaving, or null when leaving loses nothing. */
type Reason = string | null;

let reason: Reason = null;
let pending: { target: string; reason: string } | null = null;
let passing = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function onHashChange(e: HashChangeEvent): void {
  if (passing || reason === null) return;
  const target = new URL(e.newURL).hash;
  if (target === new URL(e.oldURL).hash) return;
  // Stay where we are: put the address back without a new history entry, and keep the app's own
  // route listeners (registered later) from ever seeing the change.
  e.stopImmediatePropagation();
  history.replaceState(history.state, '', e.oldURL);
  pending = { target, reason };
  emit();
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', onHashChange);

/** Leaves after all: goes where the user was going. */
export function leaveAnyway(): void {
  const go = pending;
  pending = null;
  emit();
  if (!go) return;
  passing = true;
  window.location.hash = go.target;
  // hashchange fires asynchronously; let it through once, then guard again.
  setTimeout(() => { passing = false; }, 0);
}

/** Stays on the screen. */
export function stay(): void {
  pending = null;
  emit();
}

/** The navigation waiting for an answer, if any. */
export function usePendingLeave(): { target: string; reason: string } | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, () => pending);
}

/**
 * While `why` is set, leaving asks first: in-app navigation through {@link usePendingLeave}, closing
 * or reloading through the browser. The guard goes when the screen unmounts.
 */
export function useLeaveGuard(why: Reason): void {
  useEffect(() => {
    if (why === null) return;
    reason = why;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium (Electron included) asks only when returnValue is set.
      e.returnValue = why;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (reason === why) reason = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [why]);
}
