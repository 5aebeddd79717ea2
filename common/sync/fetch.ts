/**
 * The fetch the app hands to RxDB's `replicateCouchDB`. Pure (browser and Node fetch alike), so the
 * renderer, main and tests share it.
 *
 * Why it exists: RxDB 17.6 treats any answer as success and stops its live loop silently when the
 * body is an error (ARCHITECTURE.md, "Sync"). This wrapper turns every non-2xx into a thrown
 * {@link SyncHttpError}, which RxDB reports on `error$` and retries. A 401 is remembered: later
 * calls fail at once without touching the network until {@link SyncFetch.resetAuth}, so an expired
 * credential gives one clear error instead of a retry storm. A request whose bytes stop arriving
 * for `idleTimeoutMs` is aborted, so a stalled longpoll is noticed and retried.
 */

/** A CouchDB-shaped error answer, thrown by the sync fetch. */
export class SyncHttpError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** CouchDB `error` field, e.g. `unauthorized`, `forbidden`, `not_found`. */
  readonly error: string;
  /** CouchDB `reason` field: a sentence for the user. */
  readonly reason: string;

  constructor(status: number, error: string, reason: string) {
    super(`${status} ${error}: ${reason}`);
    this.name = 'SyncHttpError';
    this.status = status;
    this.error = error;
    this.reason = reason;
  }
}

/** Options of {@link createSyncFetch}. */
export interface SyncFetchOptions {
  /** The fetch to wrap; the global one when omitted. */
  fetch?: typeof globalThis.fetch;
  /** Returns the `Authorization` header value (Basic or Bearer), or undefined for cookie auth. */
  authorization?: () => string | undefined;
  /** `include` in web mode served by the sync server itself, where a session cookie authenticates. */
  credentials?: RequestCredentials;
  /** Abort when no bytes arrive for this long; keep above the longpoll heartbeat. Default 90 s. */
  idleTimeoutMs?: number;
  /** Told once each time credentials stop working (expired or revoked). */
  onAuthFailure?: (error: SyncHttpError) => void;
}

/** A fetch that throws on non-2xx; see the module comment. */
export interface SyncFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** The 401 that stopped this fetch, if any. */
  readonly authFailure: SyncHttpError | undefined;
  /** Call after signing in again: lets requests reach the network once more. */
  resetAuth(): void;
}

/** Builds the app's sync fetch. */
export function createSyncFetch(options: SyncFetchOptions = {}): SyncFetch {
  const base = options.fetch ?? globalThis.fetch.bind(globalThis);
  const idleMs = options.idleTimeoutMs ?? 90_000;
  let authFailure: SyncHttpError | undefined;

  const call = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (authFailure) throw authFailure;
    const headers = new Headers(init.headers);
    const authorization = options.authorization?.();
    if (authorization) headers.set('authorization', authorization);
    const controller = new AbortController();
    // The caller's signal may be reused for many requests (the doorbell's is): the listener is
    // removed when this request ends, or listeners would pile up by one per request.
    const outer = init.signal;
    const forward = () => controller.abort(outer?.reason);
    if (outer?.aborted) forward();
    else outer?.addEventListener('abort', forward, { once: true });
    const idle = idleTimer(controller, idleMs);
    try {
      const response = await base(input, {
        ...init,
        headers,
        signal: controller.signal,
        ...(options.credentials ? { credentials: options.credentials } : {}),
      });
      idle.touch();
      if (!response.ok) {
        const error = await toError(response);
        if (response.status === 401) {
          authFailure = error;
          options.onAuthFailure?.(error);
        }
        throw error;
      }
      const body = await readWatched(response, idle);
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      idle.stop();
      outer?.removeEventListener('abort', forward);
    }
  };
  // defineProperty, not Object.assign: assign would copy the getter's value once, not the getter.
  Object.defineProperty(call, 'authFailure', { get: () => authFailure });
  return Object.assign(call, {
    resetAuth() {
      authFailure = undefined;
    },
  }) as SyncFetch;
}

interface IdleTimer {
  touch(): void;
  stop(): void;
}

function idleTimer(controller: AbortController, ms: number): IdleTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new SyncHttpError(0, 'timeout', `No answer from the server for ${ms} ms`)), ms);
  };
  touch();
  return { touch, stop: () => timer !== undefined && clearTimeout(timer) };
}

/**
 * Reads the whole body, restarting the idle timer on every chunk (heartbeats included), and hands
 * the chunks on as they came. Concatenating them here and wrapping the result in a new Response
 * copied every body twice more before `json()` copied it again: on a pull of 200 KB documents
 * those copies cost more than parsing (issue 20, bench syncCompare).
 */
async function readWatched(response: Response, idle: IdleTimer): Promise<ReadableStream<Uint8Array> | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    idle.touch();
    parts.push(value);
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

async function toError(response: Response): Promise<SyncHttpError> {
  let error = `http_${response.status}`;
  let reason = response.statusText || 'Request failed';
  try {
    const body = (await response.json()) as { error?: unknown; reason?: unknown };
    if (typeof body.error === 'string') error = body.error;
    if (typeof body.reason === 'string') reason = body.reason;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  return new SyncHttpError(response.status, error, reason);
}
