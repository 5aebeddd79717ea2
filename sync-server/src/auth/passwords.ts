import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password hashing with scrypt. The stored form names its parameters
 * (`scrypt$N$r$p$salt$hash`) so they can be raised later without breaking old hashes.
 */

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/** Shortest password accepted when a user or admin is created. */
export const minPasswordLength = 8;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

// Hashed once so that checking an unknown user costs as much as checking a known one.
const dummyHash = hashPassword(randomBytes(16).toString('hex'));

/** Checks a password against a stored hash in constant time; a missing hash still costs a scrypt. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parts = (stored ?? (await dummyHash)).split('$');
  const [kind, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return expected.length === actual.length && timingSafeEqual(expected, actual) && stored !== undefined;
}

let common: Set<string> | undefined;

/**
 * Why a new password is refused, or undefined when it is acceptable: 8 to 1024 characters, not one
 * of the ~49,000 most common passwords (zxcvbn-ts's list, compared case-insensitively) and not the
 * user's own name. "password" and "12345678" were accepted before (issue 22).
 */
export function passwordProblem(password: string, name?: string): string | undefined {
  if (password.length < minPasswordLength || password.length > 1024) return `A password must have at least ${minPasswordLength} characters (and at most 1024).`;
  const lower = password.normalize('NFC').toLowerCase();
  common ??= new Set(dictionary['passwords-common']);
  if (common.has(lower)) return 'This password is one of the most common passwords; choose a less guessable one (a few unrelated words work well).';
  if (name !== undefined && lower.includes(name.toLowerCase().replace(/^.*\//, ''))) return 'A password may not contain the user name.';
  return undefined;
}
