/**
 * When to record a version in the history. Editors save continuously (autosave), but a version per
 * keystroke would bury the history; a version is recorded per meaningful save instead.
 */

/** Why the editor is asking. */
export type VersionTrigger =
  /** A save just happened while the user is editing. */
  | 'save'
  /** A timer fired after the user stopped typing. */
  | 'idle'
  /** The user left the editor, closed the window or switched persona. */
  | 'leave'
  /** The user asked for a version explicitly ("Save version"). */
  | 'explicit';

/** What the policy looks at. */
export interface VersionState {
  /** Whether the persona differs from its newest recorded version. */
  changedSinceVersion: boolean;
  /** When the newest version was recorded, or null when there is none. */
  lastVersionAt: number | null;
  /** When the last edit was made. */
  lastEditAt: number;
  now: number;
}

/** The tuning of the policy. */
export interface VersionPolicy {
  /** Quiet time after the last edit that ends an editing burst. */
  idleMs: number;
  /** During long uninterrupted editing, record at least this often. */
  maxIntervalMs: number;
}

/** Defaults: a burst ends after 20 s without typing; a long session still gets a version every 10 min. */
export const defaultVersionPolicy: VersionPolicy = { idleMs: 20_000, maxIntervalMs: 10 * 60_000 };

/** Whether to record a version now. Never records when nothing changed since the last version. */
export function shouldRecordVersion(trigger: VersionTrigger, state: VersionState, policy = defaultVersionPolicy): boolean {
  if (!state.changedSinceVersion) return false;
  if (trigger === 'leave' || trigger === 'explicit') return true;
  if (state.lastVersionAt !== null && state.now - state.lastVersionAt >= policy.maxIntervalMs) return true;
  return trigger === 'idle' && state.now - state.lastEditAt >= policy.idleMs;
}
