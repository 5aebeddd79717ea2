import http from 'node:http';
import https from 'node:https';

/**
 * The engine's HTTP requests (CouchDB and providers) over node:http with kept-alive sockets. The
 * engine makes about 300 provider calls per 1,000 steps, and `fetch` (undici with web streams,
 * an AbortSignal and Headers per call) was a quarter of a worker's CPU in the engine bench.
 */

/** An answer read whole. */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A request that got no answer: `code` is the socket's (`ECONNREFUSED`, `ECONNRESET`…) or `TIMEOUT`. */
export class HttpRequestError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'HttpRequestError';
  }
}

// An idle kept-alive socket is closed after 4 s, before the server closes it (Node's and our sync
// server's keep-alive timeout is 5 s): a request sent on a socket the server is closing fails.
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 }),
};

/** Options of {@link httpRequest}. */
export interface HttpRequestOptions {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** No answer within this long: a `TIMEOUT` error. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Send once more when a reused socket was closed under the request (see {@link httpRequest}); not for provider calls, whose failures are retried visibly. */
  retryStaleSocket?: boolean;
}

function once(url: URL, o: HttpRequestOptions, payload: Buffer | undefined): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const headers = payload ? { ...o.headers, 'content-length': String(payload.length) } : o.headers;
    const req = (secure ? https : http).request(url, { method: o.method, headers, agent: secure ? agents.https : agents.http, ...(o.signal ? { signal: o.signal } : {}) });
    let timer: NodeJS.Timeout | undefined;
    if (o.timeoutMs !== undefined) timer = setTimeout(() => req.destroy(new HttpRequestError('TIMEOUT', `No answer within ${o.timeoutMs} ms`)), o.timeoutMs);
    const fail = (error: Error & { code?: string }): void => {
      clearTimeout(timer);
      const code = error instanceof HttpRequestError ? error.code : (error.code ?? error.name);
      reject(Object.assign(new HttpRequestError(code, `${o.method} ${url.origin}${url.pathname}: ${error.message}`), { reusedSocket: req.reusedSocket }));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.end(payload);
  });
}

/**
 * One request, its answer read whole. With `retryStaleSocket`, a request that meets a kept-alive
 * socket the server had just closed as idle (`ECONNRESET` on a reused socket) is sent once more on a
 * new one, as Node's documentation advises; had the server seen it after all, repeating a CouchDB
 * request is safe: every engine write carries the `_rev` it read.
 */
export async function httpRequest(url: string, o: HttpRequestOptions): Promise<HttpAnswer> {
  const parsed = new URL(url);
  const payload = o.body === undefined ? undefined : Buffer.from(o.body, 'utf8');
  try {
    return await once(parsed, o, payload);
  } catch (error) {
    const e = error as HttpRequestError & { reusedSocket?: boolean };
    if (!o.retryStaleSocket || !(e.reusedSocket && e.code === 'ECONNRESET') || o.signal?.aborted) throw error;
    return once(parsed, o, payload);
  }
}
