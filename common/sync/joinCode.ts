import type { Result } from '../result';
import { err, ok } from '../result';
import { isValidTenant } from './names';

/** What a teammate needs to join a hosted workshop. */
export interface JoinInfo {
  /** Addresses the host listens on, e.g. `https://192.168.1.20:45123` (one per network). */
  urls: string[];
  tenant: string;
  user: string;
  password: string;
  /** SHA-256 of the host's certificate (hex): joiners trust exactly this certificate. */
  fingerprint: string;
}

const prefix = 'CXJ1-';

/**
 * A join code is the connection details in one pasteable string. The certificate fingerprint is
 * part of it, so a teammate's app trusts only the host's self-signed certificate — someone else on
 * the workshop Wi-Fi cannot pose as the host.
 */
export function encodeJoinCode(info: JoinInfo): string {
  const json = JSON.stringify([info.urls, info.tenant, info.user, info.password, info.fingerprint]);
  let binary = '';
  for (const byte of new TextEncoder().encode(json)) binary += String.fromCharCode(byte);
  return prefix + btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Reads a join code, checking every field; the message says what is wrong with a bad one. */
export function decodeJoinCode(code: string): Result<JoinInfo> {
  const text = code.trim();
  const bad = err('invalid-argument', 'That is not a CX Studio join code. Copy the whole code from the host’s screen.');
  if (!text.startsWith(prefix) || text.length > 2000) return bad;
  let parsed: unknown;
  try {
    const binary = atob(text.slice(prefix.length).replaceAll('-', '+').replaceAll('_', '/'));
    parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return bad;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return bad;
  const [urls, tenant, user, password, fingerprint] = parsed as unknown[];
  if (!Array.isArray(urls) || urls.length === 0 || urls.length > 8 || !urls.every(isHttpsUrl)) return bad;
  if (typeof tenant !== 'string' || !isValidTenant(tenant)) return bad;
  if (typeof user !== 'string' || user.length === 0 || user.length > 64) return bad;
  if (typeof password !== 'string' || password.length < 12 || password.length > 200) return bad;
  if (typeof fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(fingerprint)) return bad;
  return ok({ urls: urls as string[], tenant, user, password, fingerprint });
}

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.pathname === '/' && !url.username && !url.password;
  } catch {
    return false;
  }
}
