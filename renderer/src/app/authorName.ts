import { useSyncExternalStore } from 'react';
import { err, ok, type Result } from '../../../common/result';

/**
 * The name this laptop signs its work with: `updatedBy` of personas and journeys, the author of
 * versions, history entries and kept conflicts. Chosen by the person (Sync → Your name) and kept
 * per laptop in localStorage (it is not a secret). Unset, it is the user name of the team server
 * the open workspace is signed in to, else an honest "This computer".
 */

/** What is shown and recorded when nobody gave a name and no team server is signed in. */
export const unnamedAuthor = 'This computer';
/** The longest name accepted (history rows and the conflicts view show it whole). */
export const maxAuthorLength = 80;

const key = 'cx.authorName.v1';
const listeners = new Set<() => void>();
let signedInUser: string | null = null;

/** Why a typed name cannot be used (the screen words it), or null when it can. */
export type AuthorNameProblem = 'empty' | 'too-long' | 'not-one-line';

/** Checks a typed name: surrounding spaces dropped, 1 to 80 characters, no line breaks or control characters. */
export function authorNameProblem(input: string): AuthorNameProblem | null {
  const name = input.trim();
  if (name.length === 0) return 'empty';
  if ([...name].length > maxAuthorLength) return 'too-long';
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'not-one-line';
  return null;
}

const problemText: Record<AuthorNameProblem, string> = {
  empty: 'Type a name, so teammates can see who changed what.',
  'too-long': `Use at most ${maxAuthorLength} characters.`,
  'not-one-line': 'A name is one line of text.',
};

/** The checked name, or the problem in English (for logs and tests; the screen words `authorNameProblem`). */
export function validateAuthorName(input: string): Result<string> {
  const problem = authorNameProblem(input);
  return problem ? err('invalid-argument', problemText[problem]) : ok(input.trim());
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The name the person chose on this laptop, or null (a stored value that no longer validates counts as unset). */
export function chosenAuthorName(): string | null {
  const raw = storage()?.getItem(key) ?? null;
  if (raw === null) return null;
  const checked = validateAuthorName(raw);
  return checked.ok ? checked.data : null;
}

/** Saves the person's name for this laptop; refused (and nothing kept) when it does not validate. */
export function setAuthorName(input: string): Result<string> {
  const checked = validateAuthorName(input);
  if (!checked.ok) return checked;
  try {
    storage()?.setItem(key, checked.data);
  } catch {
    return err('io-error', 'The name could not be kept on this computer (browser storage is full or blocked).');
  }
  notify();
  return checked;
}

/** Forgets the chosen name: the default applies again. */
export function clearAuthorName(): void {
  storage()?.removeItem(key);
  notify();
}

/** Tells the module which team-server user the open workspace is signed in as (null when none). */
export function setSignedInUser(user: string | null | undefined): void {
  const checked = user ? validateAuthorName(user) : null;
  const next = checked?.ok ? checked.data : null;
  if (next === signedInUser) return;
  signedInUser = next;
  notify();
}

/** The name work is recorded under now. */
export function authorName(): string {
  return chosenAuthorName() ?? signedInUser ?? unnamedAuthor;
}

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current author name and whether the person chose it, live. */
export function useAuthorName(): { name: string; chosen: boolean } {
  const name = useSyncExternalStore(subscribe, authorName);
  const chosen = useSyncExternalStore(subscribe, () => chosenAuthorName() !== null);
  return { name, chosen };
}
