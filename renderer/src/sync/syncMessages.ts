/**
 * The sync status line's text: one readable sentence saying what failed, on which collection and
 * what to do (issue 21, item 4). The raw error (an RxDB dump can run to 10 KB) goes to the log.
 */

/** What the user reads for each collection name. */
const labels: Record<string, string> = {
  personas: 'personas', journeys: 'journeys', history: 'version history', templates: 'templates',
  datasets: 'survey data', snapshots: 'persona metrics', assets: 'images and files', settings: 'settings', experiments: 'experiments', segments: 'segments',
  doorbell: 'live updates',
};

/** A collection's name as the user knows it. */
export function collectionLabel(collection: string): string {
  return labels[collection] ?? collection;
}

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

/** The sentence for one failed collection (or the doorbell); the caller logs the raw error. */
export function syncErrorSentence(collection: string, error: unknown): string {
  const what = collectionLabel(collection);
  const cause = causeOf(error);
  if (cause.status === 401) return 'Signed out: your password or token is no longer accepted. Sign in again.';
  if (cause.status === 403) return `Syncing ${what} was refused: your account is not allowed to change them (${short(cause.reason)}). Ask a team admin for editor access.`;
  if (cause.status === 404) return `Syncing ${what} failed: the server has no ${what} database for this team. Ask the server admin to set the team up.`;
  if (unreachable(cause)) return `Syncing ${what} failed: the sync server cannot be reached. It retries by itself; check the connection if this lasts.`;
  if (cause.status !== undefined && cause.status >= 500) return `Syncing ${what} failed: the server answered with an error (${cause.status}). It retries by itself; tell the server admin if this lasts.`;
  if (cause.status !== undefined) return `Syncing ${what} failed: the server said “${short(cause.reason)}” (${cause.status}). It retries by itself; tell the server admin if this lasts.`;
  return `Syncing ${what} failed: ${short(cause.message ?? cause.code ?? 'an unexpected error')}. It retries by itself; if this lasts, update the app or tell the server admin.`;
}

/** First line, at most 160 characters: a reason is a clause in a sentence, not a dump. */
function short(text: string | undefined): string {
  const line = (text ?? '').split('\n')[0]!.trim().replace(/[.\s]+$/, '');
  return line.length > 160 ? `${line.slice(0, 157)}…` : line || 'no reason given';
}
