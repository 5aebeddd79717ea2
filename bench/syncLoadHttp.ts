import type { Agent } from 'node:http';
import { request } from 'node:http';

/** Plain HTTP for the sync-load bench's laptops and writer (no fetch: the load generator must stay light). */

export const requestTimeoutMs = 30_000;

export interface Target {
  url: string;
  /** `Authorization` header, or undefined for an open server. */
  auth: string | undefined;
  /** Database names by collection, and the doorbell's. */
  dbs: Record<string, string>;
  doorbell: string;
}

export interface Answer {
  status: number;
  text: string;
  readonly json: unknown;
}

/** An answer whose JSON is parsed only when read: the load generator must stay lighter than the server. */
function answer(status: number, text: string): Answer {
  let parsed: unknown;
  return {
    status,
    text,
    get json() {
      if (parsed === undefined) {
        try {
          parsed = JSON.parse(text) as unknown;
        } catch {
          parsed = text;
        }
      }
      return parsed;
    },
  };
}

/**
 * One request. A request sent on a kept-alive socket that the server closed as idle meanwhile (5 s
 * on ours; a late client loop still sees it open) fails before any answer: it is sent once more on
 * a fresh socket, as Node documents (`reusedSocket`) and browsers do, and not counted as an error.
 */
export async function http(agent: Agent, target: Target, method: string, path: string, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  try {
    return await send(agent, target, method, path, payload);
  } catch (error) {
    if (!(error instanceof StaleSocket)) throw error;
    return send(agent, target, method, path, payload);
  }
}

class StaleSocket extends Error {}

function send(agent: Agent, target: Target, method: string, path: string, payload: string | undefined): Promise<Answer> {
  const url = new URL(path, target.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers: { 'content-type': 'application/json', accept: 'application/json', ...(target.auth ? { authorization: target.auth } : {}), ...(payload ? { 'content-length': Buffer.byteLength(payload) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(answer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      },
    );
    req.setTimeout(requestTimeoutMs * 2, () => req.destroy(new Error('timed out')));
    req.on('error', (error: NodeJS.ErrnoException) => reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocket(error.message) : error));
    req.end(payload);
  });
}

