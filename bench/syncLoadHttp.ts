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
  /** The body's bytes; `text` and `json` decode them when first read. */
  body: Buffer;
  readonly text: string;
  readonly json: unknown;
}

/** An answer decoded and parsed only when read: the load generator must stay lighter than the server. */
function answer(status: number, body: Buffer): Answer {
  let parsed: unknown;
  let text: string | undefined;
  return {
    status,
    body,
    get text() {
      return (text ??= body.toString('utf8'));
    },
    get json() {
      if (parsed === undefined) {
        try {
          parsed = JSON.parse(this.text) as unknown;
        } catch {
          parsed = this.text;
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
  return answer(res.status, res.body);
}
