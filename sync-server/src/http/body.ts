import type { IncomingMessage } from 'node:http';
import { CouchError, badRequest } from './errors';
import { parseStrictJson } from './json';

/** How {@link readBody} bounds a body. */
export interface BodyLimits {
  /** Largest body accepted. */
  bodyBytes: number;
  /** An over-limit body up to this size is read and dropped before the 413 goes out. */
  discardBytes: number;
  /** Longest pause between two chunks of a body. */
  bodyIdleMs: number;
}

/**
 * Reads a request body up to `bodyBytes`. Over the limit (declared or streamed), the answer is
 * CouchDB's 413 and nothing is written, because handlers only act on a complete, parsed body. A
 * body that stalls for `bodyIdleMs` is answered 408 (a trickled body would otherwise hold a socket
 * and its memory forever). What a refused request still has to send is dropped by
 * {@link discardRest} before the answer goes out.
 */
export async function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.bodyBytes) throw tooLarge(limits.bodyBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  await consume(req, limits, (part) => {
    size += part.length;
    if (size > limits.bodyBytes) return 'stop';
    chunks.push(part);
    return undefined;
  });
  return Buffer.concat(chunks, size);
}

/**
 * Reads and drops the rest of a refused request's body, up to `discardBytes` in all. A client that
 * is still sending when the server answers and closes sees a connection reset ("fetch failed")
 * instead of the 413 or 403 that tells it what to do. Resolves true when the body was read to its
 * end (the connection may then be kept).
 */
export async function discardRest(req: IncomingMessage, limits: BodyLimits): Promise<boolean> {
  if (req.readableEnded) return true;
  if (req.destroyed) return false;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.discardBytes) return false;
  let size = 0;
  try {
    await consume(req, limits, (part) => {
      size += part.length;
      return size > limits.discardBytes ? 'stop' : undefined;
    });
  } catch {
    return false;
  }
  return req.readableEnded;
}

/** Feeds every chunk to `take` until the body ends, `take` says stop, or the body stalls. */
function consume(req: IncomingMessage, limits: BodyLimits, take: (part: Buffer) => 'stop' | undefined): Promise<void> {
  // `complete` only says the parser has the whole body; it may still wait unread in the stream.
  if (req.readableEnded) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new CouchError(408, 'request_timeout', `The request body stalled for ${Math.round(limits.bodyIdleMs / 1000)} s.`)), limits.bodyIdleMs);
    };
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (error) {
        req.pause();
        reject(error);
      } else resolve();
    };
    const onData = (chunk: Buffer): void => {
      arm();
      if (take(chunk) === 'stop') finish(tooLarge(limits.bodyBytes));
    };
    const onEnd = (): void => finish();
    const onError = (error: Error): void => finish(error);
    const onClose = (): void => finish(req.readableEnded ? undefined : badRequest('The request body ended early.'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
    // A stream paused by an earlier read (a refused body) does not flow again by itself.
    req.resume();
    arm();
  });
}

function tooLarge(limit: number): CouchError {
  return new CouchError(413, 'too_large', `The request entity is too large (limit ${limit} bytes).`);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly and parses strict JSON nested at most `maxDepth` deep (see json.ts). */
export function parseJsonBody(raw: Buffer, maxDepth?: number): unknown {
  if (raw.length === 0) throw badRequest('Request body must be a JSON object.');
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch {
    throw badRequest('invalid UTF-8 JSON');
  }
  return parseStrictJson(text, maxDepth);
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses `application/x-www-form-urlencoded` (CouchDB's `_session` accepts it too). */
export function parseForm(raw: Buffer): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) out[key] = value;
  return out;
}
