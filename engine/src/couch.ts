import { httpRequest } from './httpRequest';

/**
 * A small CouchDB HTTP client: the few calls the engine needs, identical against our sync server and
 * Apache CouchDB. Errors are {@link CouchHttpError}s carrying CouchDB's `error`/`reason`; a 409 is
 * an expected answer (someone else wrote first) and comes back as a value from the bulk calls.
 */

/** A non-2xx answer. */
export class CouchHttpError extends Error {
  constructor(readonly status: number, readonly error: string, readonly reason: string) {
    super(`${status} ${error}: ${reason}`);
    this.name = 'CouchHttpError';
  }
}

/** One row of a `_bulk_docs` answer. */
export interface BulkResult { id: string; ok?: boolean; rev?: string; error?: string; reason?: string }

/** A document as stored. */
export interface StoredDoc { _id: string; _rev?: string; _deleted?: boolean; [key: string]: unknown }

/** One row of a `_changes` answer. */
export interface ChangeRow { seq: string | number; id: string; changes: { rev: string }[]; deleted?: boolean; doc?: StoredDoc }

/** A server and its credentials. */
export interface CouchServer {
  /** Base URL without credentials, e.g. `http://127.0.0.1:5984`. */
  url: string;
  /** `Basic …` header value, if any. */
  authorization?: string;
}

/** Builds a server from a URL that may carry `user:password@` (the password may also come from `password`). */
export function couchServer(url: string, user?: string, password?: string): CouchServer {
  const parsed = new URL(url);
  const name = user ?? decodeURIComponent(parsed.username);
  const pass = password ?? decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const base = parsed.toString().replace(/\/$/, '');
  return name ? { url: base, authorization: `Basic ${Buffer.from(`${name}:${pass}`).toString('base64')}` } : { url: base };
}

/** A client for one database. */
export class CouchDb {
  constructor(readonly server: CouchServer, readonly name: string) {}

  private url(path: string): string {
    return `${this.server.url}/${encodeURIComponent(this.name)}${path}`;
  }

  private async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.server.authorization) headers.authorization = this.server.authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await httpRequest(this.url(path), { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), ...(signal ? { signal } : {}), retryStaleSocket: true });
    const { text } = response;
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new CouchHttpError(response.status, 'bad_response', `Not JSON from ${method} ${this.name}${path.split('?')[0]}: ${text.slice(0, 120)}`);
    }
    if (response.status < 200 || response.status >= 300) {
      const e = json as { error?: string; reason?: string };
      throw new CouchHttpError(response.status, e.error ?? 'error', e.reason ?? text.slice(0, 200));
    }
    return json as T;
  }

  /** Creates the database unless it exists (a 412 is success). */
  async ensure(): Promise<void> {
    try {
      await this.request('PUT', '');
    } catch (error) {
      // 412: it exists; 409: another engine process created it at the same moment.
      if (!(error instanceof CouchHttpError && (error.status === 412 || error.status === 409))) throw error;
    }
  }

  /** Sets `_security` (CouchDB only; ours stores it). */
  async setSecurity(security: unknown): Promise<void> {
    try {
      await this.request('PUT', '/_security', security);
    } catch (error) {
      // Engines starting together all write the same `_security`: our server answers the later ones 409.
      if (!(error instanceof CouchHttpError && error.status === 409)) throw error;
    }
  }

  /** One document, or undefined when missing or deleted. */
  async get<T extends { _id: string }>(id: string): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', `/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof CouchHttpError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** Writes documents; a conflict is a row with `error: 'conflict'`, not an exception. */
  async bulk(docs: readonly { _id: string }[]): Promise<BulkResult[]> {
    if (docs.length === 0) return [];
    return this.request<BulkResult[]>('POST', '/_bulk_docs', { docs });
  }

  /** Writes one document; returns the new rev, or undefined on a conflict. */
  async put<T extends { _id: string; _rev?: string }>(doc: T): Promise<string | undefined> {
    const [row] = await this.bulk([doc]);
    if (row?.ok && row.rev) return row.rev;
    if (row?.error === 'conflict') return undefined;
    throw new CouchHttpError(400, row?.error ?? 'error', row?.reason ?? `Could not write ${doc._id}`);
  }

  /** Documents by id (missing and deleted ones are left out). */
  async getMany<T extends { _id: string }>(ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const page = await this.request<{ rows: { id: string; doc?: T | null }[] }>('POST', '/_all_docs?include_docs=true', { keys: ids });
    return page.rows.map((r) => r.doc).filter((d): d is T => d !== undefined && d !== null);
  }

  /** Documents with ids in [startkey, endkey], in pages of `pageSize`. */
  async *range<T extends { _id: string }>(startkey: string, endkey: string, pageSize = 1000): AsyncGenerator<T[]> {
    let from = startkey;
    let skip = 0;
    for (;;) {
      const q = `?include_docs=true&limit=${pageSize}&skip=${skip}&startkey=${encodeURIComponent(JSON.stringify(from))}&endkey=${encodeURIComponent(JSON.stringify(endkey))}`;
      const page = await this.request<{ rows: { id: string; doc?: T }[] }>('GET', `/_all_docs${q}`);
      const docs = page.rows.map((r) => r.doc).filter((d): d is T => d !== undefined && d !== null);
      if (docs.length) yield docs;
      if (page.rows.length < pageSize) return;
      // Continue after the last id (skip=1 past it) rather than a growing skip.
      from = page.rows[page.rows.length - 1]!.id;
      skip = 1;
    }
  }

  /** All documents of a key range at once (for small ranges). */
  async all<T extends { _id: string }>(startkey: string, endkey: string): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.range<T>(startkey, endkey)) out.push(...page);
    return out;
  }

  /** The database's current update sequence. */
  async updateSeq(): Promise<string | number> {
    const info = await this.request<{ update_seq: string | number }>('GET', '');
    return info.update_seq;
  }

  /** One page of changes; a longpoll waits up to `timeoutMs` for the first. */
  async changes(since: string | number, options: { includeDocs?: boolean; longpoll?: boolean; timeoutMs?: number; limit?: number; signal?: AbortSignal } = {}): Promise<{ results: ChangeRow[]; last_seq: string | number }> {
    const q = new URLSearchParams({ since: String(since), limit: String(options.limit ?? 1000) });
    if (options.includeDocs) q.set('include_docs', 'true');
    if (options.longpoll) {
      q.set('feed', 'longpoll');
      q.set('timeout', String(options.timeoutMs ?? 10_000));
    }
    return this.request('GET', `/_changes?${q}`, undefined, options.signal);
  }
}
