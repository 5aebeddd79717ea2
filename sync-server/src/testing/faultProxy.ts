import { seededRandom } from '../../../common/random';
import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from './harness';

/**
 * A seeded fault-injecting HTTP proxy for reliability tests. Each request, by a seeded draw, is
 * passed, delayed, answered 503 without forwarding, dropped before forwarding (socket destroyed),
 * dropped after forwarding (the server acted, the client never hears), or reset mid-answer
 * (headers and part of the body, then the socket dies). The same seed gives the same sequence.
 */

/** Kinds of fault. */
export type Fault = 'pass' | 'delay' | 'unavailable' | 'dropBefore' | 'dropAfter' | 'reset';

/** Options of {@link startFaultProxy}. */
/** Reproducible fault sequences from a seed (re-exported for the chaos script's plans). */
export { seededRandom };

export interface FaultProxyOptions {
  target: string;
  seed: number;
  /** Probability that a request meets some fault (spread evenly over the kinds). */
  rate: number;
  /** Longest injected delay in ms. */
  maxDelayMs?: number;
}

/** A running proxy. */
export interface FaultProxy {
  url: string;
  /** How many of each fault were injected. */
  counts: Record<Fault, number>;
  /** Sets the fault rate (0 lets everything through, to let the clients settle). */
  setRate(rate: number): void;
  close(): Promise<void>;
}


const faults: Fault[] = ['delay', 'unavailable', 'dropBefore', 'dropAfter', 'reset'];

/** Starts the proxy on 127.0.0.1, port 0. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const target = new URL(options.target);
  let rate = options.rate;
  const counts: Record<Fault, number> = { pass: 0, delay: 0, unavailable: 0, dropBefore: 0, dropAfter: 0, reset: 0 };

  const forward = (req: IncomingMessage, res: ServerResponse, fault: Fault): void => {
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (fault === 'dropAfter') {
          // Let the server finish its work, then lose the answer.
          answer.resume();
          answer.on('end', () => res.socket?.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (fault === 'reset') {
          answer.once('data', (chunk: Buffer) => {
            res.write(chunk.subarray(0, Math.max(1, chunk.length >> 1)));
            res.socket?.destroy();
            answer.destroy();
          });
          answer.once('end', () => res.socket?.destroy());
          return;
        }
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const fault: Fault = random() < rate ? (faults[Math.floor(random() * faults.length)] ?? 'pass') : 'pass';
    counts[fault]++;
    switch (fault) {
      case 'unavailable':
        req.resume();
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error":"service_unavailable","reason":"injected fault"}');
        return;
      case 'dropBefore':
        req.socket.destroy();
        return;
      case 'delay':
        setTimeout(() => forward(req, res, 'pass'), Math.floor(random() * (options.maxDelayMs ?? 200)));
        return;
      default:
        forward(req, res, fault);
    }
  });
  const url = await listen(server);
  return {
    url,
    counts,
    setRate: (r) => {
      rate = r;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
