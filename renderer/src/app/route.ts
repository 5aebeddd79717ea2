import { useSyncExternalStore } from 'react';
// First, so its hashchange listener runs before every route subscription (see leaveGuard.ts).
import './leaveGuard';

/** The sections of the app, in navigation order (their names are messages `app.section.<id>`). */
export const sections = [
  { id: 'personas' },
  { id: 'journeys' },
  { id: 'data' },
  { id: 'analytics' },
  { id: 'experiments' },
  { id: 'sync' },
] as const;

/** One section id. */
export type SectionId = (typeof sections)[number]['id'];

/** Where the app is: a section and the rest of the path inside it (e.g. a persona id). */
export interface Route { section: SectionId; path: string[] }

/**
 * Parses a location hash like `#/personas/abc/history`. Hash routes work the same under Electron's
 * app:// scheme and in a browser, with no server rewrite rules.
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  const head = parts[0];
  const section = sections.find((s) => s.id === head)?.id ?? 'personas';
  return { section, path: section === head ? parts.slice(1) : [] };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Builds a hash for a section and a path inside it. */
export function routeHash(section: SectionId, ...path: string[]): string {
  return `#/${[section, ...path].map(encodeURIComponent).join('/')}`;
}

/** Goes to a section and a path inside it. */
export function navigate(section: SectionId, ...path: string[]): void {
  window.location.hash = routeHash(section, ...path);
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The current route, re-rendering on navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
