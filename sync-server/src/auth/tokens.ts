import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring session tokens (used as the `AuthSession` cookie and as Bearer tokens). The
 * payload names the user and the generation of their credentials, so removing a user or changing
 * a password invalidates every token issued before.
 */

/** What a token asserts. */
export interface TokenClaims {
  /** Login name: `tenant/name` for tenant users, `name` for server admins. */
  sub: string;
  /** Credential generation at issue time. */
  gen: number;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

const prefix = 'cx1.';

/** Signs claims into a token string. */
export function signToken(claims: TokenClaims, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${prefix}${payload}.${mac(payload, secret)}`;
}

/** Result of reading a token. */
export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; expired: boolean };

/** Verifies signature (constant time) and expiry. */
export function verifyToken(token: string, secret: Buffer, now: number): TokenCheck {
  if (!token.startsWith(prefix) || token.length > 2048) return { ok: false, expired: false };
  const [payload, signature] = token.slice(prefix.length).split('.');
  if (!payload || !signature) return { ok: false, expired: false };
  const expected = Buffer.from(mac(payload, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, expired: false };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, expired: false };
  }
  if (typeof claims.sub !== 'string' || typeof claims.gen !== 'number' || typeof claims.exp !== 'number') {
    return { ok: false, expired: false };
  }
  if (claims.exp <= now) return { ok: false, expired: true };
  return { ok: true, claims };
}

function mac(payload: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
