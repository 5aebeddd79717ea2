import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auth, Clock, Principal } from '../auth/auth';
import type { Store } from '../store/store';
import type { RequestLimits } from './limits';
import type { Notifier } from './notifier';

/** Structured logger: one JSON line per call in production, silent or collecting in tests. */
export interface Log {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Everything a route needs besides the request itself. */
export interface Deps {
  store: Store;
  auth: Auth;
  clock: Clock;
  log: Log;
  notifier: Notifier;
  /** Caps on bodies and on what one request may ask for (limits.ts). */
  limits: RequestLimits;
  /** Whether the server is reached over TLS (marks the session cookie Secure). */
  secure: boolean;
  /** Server id shown by `GET /`. */
  uuid: string;
  /** Whether this server also serves the app under `/_app/` (see staticApp.ts). */
  servesApp: boolean;
  /** Runtime config set by admins (`/_node/_local/_config`), e.g. CORS origins. */
  config: Map<string, string>;
}

/** One request as routes see it. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string | undefined>;
  query: URLSearchParams;
  principal: Principal;
  deps: Deps;
  /** The body parsed as strict JSON (see json.ts). */
  json(): Promise<unknown>;
  /** The raw body, size-limited. */
  raw(): Promise<Buffer>;
  /** Extra headers to send with the answer (cookies). */
  headers: Record<string, string>;
}

/** What a route answers; undefined when it wrote the response itself (longpoll). */
export interface Reply {
  status: number;
  body: unknown;
  /** `body` already serialised as JSON with a trailing newline, or its UTF-8 bytes, whole or in chunks (sent as is when given). */
  text?: string | Buffer | readonly Buffer[];
  headers?: Record<string, string>;
}

/** A route handler. */
export type Route = (ctx: Ctx) => Promise<Reply | undefined>;
