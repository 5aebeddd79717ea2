import type { ServerResponse } from 'node:http';

/**
 * CouchDB-shaped failures. Handlers throw a `CouchError`; the server turns it (or any PouchDB
 * error, which carries `status` and `name`) into `{ error, reason }` with the right status. Any
 * other exception is a bug: logged, answered as a 500 without internals.
 */
export class CouchError extends Error {
  readonly status: number;
  readonly error: string;
  readonly reason: string;

  constructor(status: number, error: string, reason: string) {
    super(reason);
    this.status = status;
    this.error = error;
    this.reason = reason;
  }
}

/** 400 bad_request. */
export const badRequest = (reason: string): CouchError => new CouchError(400, 'bad_request', reason);
/** 404 not_found: also what another tenant's database answers, so it cannot be told apart. */
export const dbNotFound = (): CouchError => new CouchError(404, 'not_found', 'Database does not exist.');
/** 404 for a missing document. */
export const docNotFound = (reason = 'missing'): CouchError => new CouchError(404, 'not_found', reason);
/** 401: no or wrong credentials. */
export const unauthorized = (reason = 'You are not authorized to access this db.'): CouchError =>
  new CouchError(401, 'unauthorized', reason);
/** 403: authenticated but not allowed. */
export const forbidden = (reason: string): CouchError => new CouchError(403, 'forbidden', reason);
/** 400 query_parse_error, CouchDB's answer to a bad query parameter. */
export const queryParseError = (reason: string): CouchError => new CouchError(400, 'query_parse_error', reason);

/** Converts any thrown value to a CouchDB error; `bug` is true when it was not an expected one. */
export function toCouchError(thrown: unknown): { error: CouchError; bug: boolean } {
  if (thrown instanceof CouchError) return { error: thrown, bug: false };
  const e = thrown as { status?: unknown; name?: unknown; reason?: unknown; message?: unknown } | null;
  // PouchDB gives two client mistakes a 500 status; CouchDB answers them 400.
  if (e && e.status === 500 && (e.name === 'doc_validation' || e.name === 'badarg')) {
    const reason = typeof e.reason === 'string' ? e.reason : typeof e.message === 'string' ? e.message : e.name;
    return { error: new CouchError(400, e.name, reason), bug: false };
  }
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.name === 'string') {
    const reason = typeof e.reason === 'string' ? e.reason : typeof e.message === 'string' ? e.message : e.name;
    return { error: new CouchError(e.status, e.name, reason), bug: false };
  }
  return { error: new CouchError(500, 'internal_server_error', 'The server failed; see its log.'), bug: true };
}

/** Writes a JSON answer (unless the response already started, e.g. a longpoll mid-heartbeat). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body) + '\n', headers);
}

/**
 * Writes JSON already serialised (with its trailing newline), its bytes, or its bytes in chunks
 * (a change-feed page: large stored bodies as the buffers they were read into, never joined).
 */
export function sendJsonText(res: ServerResponse, status: number, text: string | Buffer | readonly Buffer[], headers: Record<string, string> = {}): void {
  if (!res.headersSent) {
    const length = typeof text === 'string' || Buffer.isBuffer(text) ? Buffer.byteLength(text) : text.reduce((n, chunk) => n + chunk.length, 0);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': length,
      'cache-control': 'must-revalidate',
      ...headers,
    });
  }
  if (typeof text === 'string' || Buffer.isBuffer(text)) {
    res.end(text);
    return;
  }
  // Corked, the chunks leave in one writev instead of a write each (end() uncorks).
  res.cork();
  for (const chunk of text) res.write(chunk);
  res.end();
}

/** Writes a CouchDB error answer. */
export function sendError(res: ServerResponse, error: CouchError): void {
  sendJson(res, error.status, { error: error.error, reason: error.reason });
}
