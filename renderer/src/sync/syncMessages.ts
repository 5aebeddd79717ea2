/**
 * The sync status line's text: one readable sentence saying what failed, on which collection and
 * what to do (issue 21, item 4). The raw error (an RxDB dump can run to 10 KB) goes to the log.
 * A failure is a `SyncProblem` (a code and its parts) that the screens word in the reader's
 * language (catalogue `sync.problem`, statusWords.ts); `syncProblemText` is the English sentence
 * kept in the status's `message` for logs and tests.
 */

/** What the user reads for each collection name (English; the screens use `sync.collection`). */
const labels: Record<string, string> = {
  personas: 'personas', journeys: 'journeys', history: 'version history', templates: 'templates',
  datasets: 'survey data', snapshots: 'persona metrics', assets: 'images and files', settings: 'settings', experiments: 'experiments', segments: 'segments',
  doorbell: 'live updates',
};

/** A collection's name as the user knows it. */
export function collectionLabel(collection: string): string {
  return labels[collection] ?? collection;
}

/** Why sync is not working, as a code and its parts; `collection` is the collection's name. */
export type SyncProblem =
  | { code: 'signIn' }
  | { code: 'signedOut' }
  | { code: 'refused'; collection: string; reason: string }
  | { code: 'noDatabase'; collection: string }
  | { code: 'unreachable'; collection: string }
  | { code: 'serverError'; collection: string; status: number }
  | { code: 'serverSaid'; collection: string; status: number; reason: string }
  | { code: 'notSynced'; collection: string; reason: string }
  | { code: 'unexpected'; collection: string; reason: string };

interface Cause { status?: number; reason?: string; message?: string; code?: string }

/** Digs the HTTP status and reason out of a SyncHttpError, or out of RxDB's wrapping of one. */
function causeOf(error: unknown): Cause {
  const e = error as { reason?: unknown; status?: unknown; code?: unknown; message?: unknown; parameters?: { errors?: { message?: string }[] } } | null;
  if (e && typeof e.status === 'number' && typeof e.reason === 'string') return { status: e.status, reason: e.reason };
  const nested = e?.parameters?.errors?.[0]?.message;
  // RxDB wraps handler errors as plain JSON; a SyncHttpError's message is "<status> <error>: <reason>".
  const http = nested ? /^(\d{3}) (\w+): (.*)$/s.exec(nested) : null;
  if (http) return { status: Number(http[1]), reason: http[3] };
  if (nested) return { message: nested };
  return { ...(typeof e?.code === 'string' ? { code: e.code } : {}), ...(typeof e?.message === 'string' ? { message: e.message } : {}) };
}

/** Whether an error means the request never got a usable answer (offline, reset, timed out). */
function unreachable(cause: Cause): boolean {
  return cause.status === 0 || (cause.status === undefined && /fetch failed|network|failed to fetch|ECONN|socket|aborted|terminated|load failed/i.test(cause.message ?? ''));
}

/** The problem for one failed collection (or the doorbell); the caller logs the raw error. */
export function syncProblemOf(collection: string, error: unknown): SyncProblem {
  const cause = causeOf(error);
  if (cause.status === 401) return { code: 'signedOut' };
  if (cause.status === 403) return { code: 'refused', collection, reason: short(cause.reason) };
  if (cause.status === 404) return { code: 'noDatabase', collection };
  if (unreachable(cause)) return { code: 'unreachable', collection };
  if (cause.status !== undefined && cause.status >= 500) return { code: 'serverError', collection, status: cause.status };
  if (cause.status !== undefined) return { code: 'serverSaid', collection, status: cause.status, reason: short(cause.reason) };
  return { code: 'unexpected', collection, reason: short(cause.message ?? cause.code ?? 'an unexpected error') };
}

/** A problem as an English sentence (the status's `message`: logs and tests). */
export function syncProblemText(p: SyncProblem): string {
  switch (p.code) {
    case 'signIn': return 'Sign in to sync this workspace.';
    case 'signedOut': return 'Signed out: your password or token is no longer accepted. Sign in again.';
    case 'refused': return `Syncing ${collectionLabel(p.collection)} was refused: your account is not allowed to change them (${p.reason}). Ask a team admin for editor access.`;
    case 'noDatabase': return `Syncing ${collectionLabel(p.collection)} failed: the server has no ${collectionLabel(p.collection)} database for this team. Ask the server admin to set the team up.`;
    case 'unreachable': return `Syncing ${collectionLabel(p.collection)} failed: the sync server cannot be reached. It retries by itself; check the connection if this lasts.`;
    case 'serverError': return `Syncing ${collectionLabel(p.collection)} failed: the server answered with an error (${p.status}). It retries by itself; tell the server admin if this lasts.`;
    case 'serverSaid': return `Syncing ${collectionLabel(p.collection)} failed: the server said “${p.reason}” (${p.status}). It retries by itself; tell the server admin if this lasts.`;
    case 'notSynced': return `Not synced (${collectionLabel(p.collection)}): ${p.reason}`;
    case 'unexpected': return `Syncing ${collectionLabel(p.collection)} failed: ${p.reason}. It retries by itself; if this lasts, update the app or tell the server admin.`;
  }
}

/** The sentence for one failed collection (or the doorbell), in English. */
export function syncErrorSentence(collection: string, error: unknown): string {
  return syncProblemText(syncProblemOf(collection, error));
}

/** First line, at most 160 characters: a reason is a clause in a sentence, not a dump. */
function short(text: string | undefined): string {
  const line = (text ?? '').split('\n')[0]!.trim().replace(/[.\s]+$/, '');
  return line.length > 160 ? `${line.slice(0, 157)}…` : line || 'no reason given';
}
