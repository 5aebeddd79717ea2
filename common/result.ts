/**
 * Expected failures are values, not exceptions (STYLE.md "Errors"). Every code a user can meet is
 * listed here once, so the UI can map a code to advice and tests can assert on codes, not wording.
 */
export const errorCodes = [
  'invalid-argument',
  'forbidden-sender',
  'unknown-channel',
  'not-found',
  'conflict',
  'too-large',
  'unsupported-type',
  'cancelled',
  'io-error',
  'invalid-document',
  'newer-schema',
  'unavailable',
  'internal',
] as const;

/** One of the registered error codes. */
export type ErrorCode = (typeof errorCodes)[number];

/** A successful result carrying its data. */
export interface Ok<T> { ok: true; data: T }
/** An expected failure: a registered code and a sentence a user can act on. */
export interface Err { ok: false; code: ErrorCode; message: string }
/** The result of any operation that can fail in an expected way. */
export type Result<T> = Ok<T> | Err;

/** Wraps data as a success. */
export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

/** Builds an expected failure. */
export function err(code: ErrorCode, message: string): Err {
  return { ok: false, code, message };
}
