import type { IncomingMessage } from 'node:http';
import { CouchError, badRequest } from './errors';
import { parseStrictJson } from './json';

/**
 * Reads a request body up to `limit` bytes. A declared length over the limit is refused before
 * reading; a body that grows past it mid-stream is cut off. Either way the answer is CouchDB's
 * 413 and nothing is written, because handlers only act on a complete, parsed body.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const part = chunk as Buffer;
    size += part.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(part);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(limit: number): CouchError {
  return new CouchError(413, 'too_large', `The request entity is too large (limit ${limit} bytes).`);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly and parses strict JSON (see json.ts). */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) throw badRequest('Request body must be a JSON object.');
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch {
    throw badRequest('invalid UTF-8 JSON');
  }
  return parseStrictJson(text);
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
