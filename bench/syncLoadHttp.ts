import { RawClient } from './syncLoadSocket';

/** Plain HTTP for the sync-load bench's laptops and writer (syncLoadSocket.ts: the load generator must stay light). */

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

/** A pool of kept-alive connections to `target`, sending its credentials. */
export function clientOf(target: Target): RawClient {
  return new RawClient(target.url, { 'content-type': 'application/json', accept: 'application/json', ...(target.auth ? { authorization: target.auth } : {}) });
}

/**
 * One request. A request sent on a kept-alive socket that the server closed as idle meanwhile (5 s
 * on ours; a late client loop still sees it open) is sent once more on a fresh socket, as Node
 * documents (`reusedSocket`) and browsers do, and not counted as an error (syncLoadSocket.ts).
 */
export async function http(client: RawClient, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await client.request(method, path, body === undefined ? undefined : JSON.stringify(body), requestTimeoutMs * 2);
  return answer(res.status, res.text);
}
