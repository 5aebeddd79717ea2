import { useSyncExternalStore } from 'react';
import { isUiLocale, matchLocale, type UiLocale } from '../../../common/i18n/locales';

/**
 * The UI language of this laptop. Kept in localStorage beside the workspace list and the author
 * name (it must be known before any workspace database opens, and it is per person, not per team).
 * Unset, the language follows the system: `navigator.languages` (Electron fills it from the OS
 * locale, as `app.getLocale()` reports it), matched onto the shipped catalogues.
 */

const key = 'cx.locale.v1';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The language the person chose on this laptop, or null when the system's language applies. */
export function chosenLocale(): UiLocale | null {
  const raw = storage()?.getItem(key) ?? null;
  return isUiLocale(raw) ? raw : null;
}

/** The system's preferred languages, most preferred first. */
function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The language the UI is shown in: the chosen one, else the best match for the system's. */
export function currentLocale(): UiLocale {
  return effectiveChoice() ?? matchLocale(systemLanguages());
}

/**
 * Chooses the UI language (null: follow the system again). Every screen re-renders in it at once;
 * nothing restarts. Returns false when the browser's storage refused the value (the language still
 * changes for this session).
 */
export function setLocale(locale: UiLocale | null): boolean {
  let kept = true;
  try {
    if (locale === null) storage()?.removeItem(key);
    else storage()?.setItem(key, locale);
  } catch {
    kept = false;
    sessionChoice = locale;
  }
  if (kept) sessionChoice = undefined;
  for (const l of listeners) l();
  return kept;
}

// A choice the storage refused still applies until the window closes.
let sessionChoice: UiLocale | null | undefined;

function effectiveChoice(): UiLocale | null {
  return sessionChoice === undefined ? chosenLocale() : sessionChoice;
}

// A string, so useSyncExternalStore sees an equal snapshot as unchanged.
function snapshot(): string {
  const chosen = effectiveChoice();
  return `${chosen ?? ''}|${chosen ?? matchLocale(systemLanguages())}`;
}

/** The UI language and whether it was chosen (or follows the system), re-rendering on change. */
export function useLocaleSetting(): { locale: UiLocale; chosen: boolean } {
  const value = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      window.addEventListener('languagechange', l);
      // Another window of the app changed the language: follow it.
      const onStorage = (e: StorageEvent) => { if (e.key === key) l(); };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(l);
        window.removeEventListener('languagechange', l);
        window.removeEventListener('storage', onStorage);
      };
    },
    snapshot,
  );
  const [chosen, locale] = value.split('|') as [string, UiLocale];
  return { locale, chosen: chosen !== '' };
}
