import { diffPersonas, isEmptyDiff } from './diff';
import type { PersonaDoc } from './document';
import { maxSummaryLength, summarizeDiff } from './summary';
import type { PersonaVersion } from './versions';

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

/**
 * Whether `doc` holds anything its newest version lacks (true when there is no version at all).
 * An edit the history cannot reach is one that could be lost for good by a restore, so editors and
 * the history page record such a state as a version before anything replaces it.
 */
export function needsVersion(doc: PersonaDoc, latest: Pick<PersonaVersion, 'snapshot'> | null): boolean {
  return latest === null || !isEmptyDiff(diffPersonas(latest.snapshot, doc));
}

/** The summary of the version that keeps the current state before version `number` is restored over it. */
export function beforeRestoreNote(number: number, latest: Pick<PersonaVersion, 'snapshot'> | null, doc: PersonaDoc): string {
  const what = latest ? summarizeDiff(diffPersonas(latest.snapshot, doc)) : 'the persona as it was';
  return `Before restore of version ${number}: ${what}`.slice(0, maxSummaryLength);
}
