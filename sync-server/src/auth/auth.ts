import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { TenantRole } from '../../../common/sync/names';
import { CouchError, badRequest, unauthorized } from '../http/errors';
import { CredentialChecks } from './credentialChecks';
import { FailureLimiter } from './rateLimit';
import type { Account, Registry } from './registry';
import { signToken, verifyToken } from './tokens';

/** Who is making a request. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'admin'; name: string }
  | { kind: 'user'; tenant: string; name: string; role: TenantRole };

/** A source of time, injected so tests can expire tokens without waiting. */
export interface Clock {
  now(): number;
}

/** Options of {@link Auth}. */
export interface AuthOptions {
  registry: Registry;
  /** Token-signing key (see secret.ts). */
  secret: Buffer;
  clock: Clock;
  /** Lifetime of a session token; CouchDB's default is 10 minutes, ours an hour. */
  tokenTtlMs?: number;
  /** Failed sign-ins allowed per login name from one address within `failureWindowMs` (×5 per address). */
  maxFailures?: number;
  failureWindowMs?: number;
  /** The shared, bounded password checks (tests pass one with a stub verify). */
  checks?: CredentialChecks;
}

/** A successful sign-in. */
export interface Session {
  principal: Exclude<Principal, { kind: 'anonymous' }>;
  token: string;
  expiresAt: number;
}

/** Most signed-out tokens remembered at once (each entry lives until its token expires anyway). */
const maxRevoked = 10_000;
/** Most verified Basic credentials remembered at once: a firm's laptops, with room to spare. */
const maxCachedCredentials = 20_000;
/** How long a verified Basic credential is trusted without a new scrypt (while its account keeps the same hash). */
const cachedCredentialMs = 5 * 60_000;

/** Name of the session cookie, as in CouchDB. */
export const sessionCookie = 'AuthSession';

/** Resolves credentials (Basic, Bearer, `AuthSession` cookie) to a principal and signs people in. */
export class Auth {
  readonly registry: Registry;
  private readonly secret: Buffer;
  private readonly clock: Clock;
  private readonly ttl: number;
  // Lockout is by name *from an address* and by address: someone guessing a colleague's password
  // locks out their own machine, never the colleague's laptop re-checking its credentials from
  // another address (issue 22). Guessing across many names from one address hits the address cap.
  private readonly byNameAndAddress: FailureLimiter;
  private readonly byAddress: FailureLimiter;
  // Basic auth sends the password on every request; a scrypt per request would cap throughput,
  // so verified headers are remembered (by HMAC, never in clear) with the hash they matched. An
  // entry counts only while its account still has that hash: a removed user or a changed password
  // stops it at once, and a change to someone else's account does not make every laptop of the
  // firm run scrypt again.
  private readonly basicCache = new Map<string, { login: string; hash: string; until: number }>();
  // A laptop sends the same Basic header on every request of a kept-alive connection (500 laptops:
  // thousands a second). The header last verified on a connection is remembered with it, so the
  // same header again skips the base64 decoding and the HMAC of the cache key; the account is still
  // looked up each time (a stat of users.json), so a removed user or a changed password stops it at
  // once. Kept only as long as the connection (WeakMap), never in a map of its own.
  private readonly byConnection = new WeakMap<object, { header: string; login: string; hash: string; until: number }>();
  private readonly checks: CredentialChecks;
  // Tokens are stateless; signing out (DELETE /_session) lists the token here until it expires,
  // so a copy of a signed-out cookie stops working at once. Kept by MAC, bounded in size.
  private revoked = new Map<string, number>();

  constructor(options: AuthOptions) {
    this.registry = options.registry;
    this.secret = options.secret;
    this.clock = options.clock;
    this.ttl = options.tokenTtlMs ?? 60 * 60 * 1000;
    const window = options.failureWindowMs ?? 15 * 60 * 1000;
    this.byNameAndAddress = new FailureLimiter(options.maxFailures ?? 10, window);
    this.byAddress = new FailureLimiter((options.maxFailures ?? 10) * 5, window);
    this.checks = options.checks ?? new CredentialChecks();
  }

  /** Checks a name and password (rate-limited) and issues a session token. */
  async login(login: string, password: string, address: string): Promise<Session> {
    const account = await this.verified(login, password, address);
    const expiresAt = this.clock.now() + this.ttl;
    const token = signToken({ sub: login, gen: account.record.gen, exp: expiresAt }, this.secret);
    return { principal: toPrincipal(account), token, expiresAt };
  }

  /** The account whose password this is, checked (rate-limited); throws 401/429 otherwise. */
  private async verified(login: string, password: string, address: string): Promise<Account> {
    const now = this.clock.now();
    const pair = `${address}\n${login}`;
    const wait = Math.max(this.byNameAndAddress.blockedFor(pair, now), this.byAddress.blockedFor(address, now));
    if (wait > 0) {
      throw new CouchError(429, 'too_many_requests', `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60_000)} minute(s).`);
    }
    const stored = this.registry.account(login)?.record.hash;
    const good = await this.checks.check(this.credentialKey(login, password), password, stored);
    if (!good) {
      this.byNameAndAddress.fail(pair, now);
      this.byAddress.fail(address, now);
      throw unauthorized('Name or password is incorrect.');
    }
    // The answer is about the hash that was checked: if the password changed or the user was
    // removed while scrypt ran, the old password must not get in.
    const account = this.registry.account(login);
    if (!account || stored === undefined || account.record.hash !== stored) throw unauthorized('Name or password is incorrect.');
    return account;
  }

  /** A keyed hash naming one name and password pair (the password never kept in clear). */
  private credentialKey(login: string, password: string): string {
    return createHmac('sha256', this.secret).update(JSON.stringify([login, password])).digest('base64url');
  }

  /**
   * The principal behind a request's credentials; anonymous when it sent none. `connection` (the
   * request's socket) lets a Basic header sent again on the same connection skip its decoding.
   */
  async authenticate(headers: IncomingHttpHeaders, address: string, connection?: object): Promise<{ principal: Principal; renew?: Session }> {
    const header = headers.authorization;
    if (header !== undefined) {
      const memo = connection && this.byConnection.get(connection);
      if (memo && memo.header === header && memo.until > this.clock.now()) {
        const account = this.registry.account(memo.login);
        if (account && account.record.hash === memo.hash) return { principal: toPrincipal(account) };
        this.byConnection.delete(connection);
      }
      // A header that cannot be read is the client's mistake (400, as CouchDB answers), not a
      // wrong credential (401): it is not counted as a failed sign-in either.
      const match = /^([A-Za-z]+) +(\S+)$/.exec(header.trim());
      if (!match) throw badRequest('Malformed Authorization header; send "Basic <base64 name:password>" or "Bearer <token>".');
      const [, scheme = '', value = ''] = match;
      if (scheme.toLowerCase() === 'basic') {
        const { account, until } = await this.basic(value, address);
        if (connection) this.byConnection.set(connection, { header, login: loginOf(account), hash: account.record.hash, until });
        return { principal: toPrincipal(account) };
      }
      if (scheme.toLowerCase() === 'bearer') return { principal: this.fromToken(value) };
      throw unauthorized('Unsupported authorization scheme; use Basic or Bearer.');
    }
    const cookie = readCookie(headers.cookie, sessionCookie);
    if (!cookie) return { principal: { kind: 'anonymous' } };
    const principal = this.fromToken(cookie);
    return { principal, renew: this.renewal(cookie, principal) };
  }

  /** The account a Basic credential signs in as, and until when its check may be trusted without scrypt. */
  private async basic(value: string, address: string): Promise<{ account: Account; until: number }> {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length > 4096) throw badRequest('Malformed Basic credentials: not base64.');
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw badRequest('Malformed Basic credentials: no "name:password".');
    const login = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const key = this.credentialKey(login, password);
    const now = this.clock.now();
    const cached = this.basicCache.get(key);
    if (cached && cached.until > now) {
      const account = this.registry.account(cached.login);
      if (account && account.record.hash === cached.hash) return { account, until: cached.until };
    }
    this.basicCache.delete(key);
    const account = await this.verified(login, password, address);
    // Oldest first out (Map keeps insertion order): a firm bigger than the cap costs some
    // scrypts, never a wipe that makes every laptop check again at once.
    for (const old of this.basicCache.keys()) {
      if (this.basicCache.size < maxCachedCredentials) break;
      this.basicCache.delete(old);
    }
    this.basicCache.set(key, { login, hash: account.record.hash, until: now + cachedCredentialMs });
    return { account, until: now + cachedCredentialMs };
  }

  /** Ends a session: the token stops authenticating now, not at its expiry. */
  revoke(token: string): void {
    const check = verifyToken(token, this.secret, this.clock.now());
    if (!check.ok) return;
    const now = this.clock.now();
    if (this.revoked.size >= maxRevoked) {
      for (const [key, exp] of this.revoked) if (exp <= now) this.revoked.delete(key);
      // Still full: the oldest entries go first (Map keeps insertion order).
      for (const key of this.revoked.keys()) {
        if (this.revoked.size < maxRevoked) break;
        this.revoked.delete(key);
      }
    }
    this.revoked.set(this.revocationKey(token), check.claims.exp);
  }

  private revocationKey(token: string): string {
    return createHmac('sha256', this.secret).update(`revoked:${token}`).digest('base64url');
  }

  private fromToken(token: string): Principal {
    const check = verifyToken(token, this.secret, this.clock.now());
    if (!check.ok) {
      throw unauthorized(check.expired ? 'Session expired. Sign in again.' : 'Invalid session token. Sign in again.');
    }
    if (this.revoked.size > 0 && this.revoked.has(this.revocationKey(token))) throw unauthorized('Signed out. Sign in again.');
    const account = this.registry.account(check.claims.sub);
    // A removed user, or one whose password changed since, holds a token that no longer counts.
    if (!account || account.record.gen !== check.claims.gen) throw unauthorized('Session revoked. Sign in again.');
    return toPrincipal(account);
  }

  /** CouchDB-style cookie refresh: past half its life, a used cookie is reissued. */
  private renewal(token: string, principal: Principal): Session | undefined {
    if (principal.kind === 'anonymous') return undefined;
    const check = verifyToken(token, this.secret, this.clock.now());
    if (!check.ok || check.claims.exp - this.clock.now() > this.ttl / 2) return undefined;
    const expiresAt = this.clock.now() + this.ttl;
    return { principal, token: signToken({ ...check.claims, exp: expiresAt }, this.secret), expiresAt };
  }
}

/** The login name of an account: `tenant/name` for tenant users, `name` for admins. */
function loginOf(account: Account): string {
  return account.kind === 'admin' ? account.name : `${account.tenant}/${account.name}`;
}

function toPrincipal(account: Account): Exclude<Principal, { kind: 'anonymous' }> {
  return account.kind === 'admin'
    ? { kind: 'admin', name: account.name }
    : { kind: 'user', tenant: account.tenant, name: account.name, role: account.record.role };
}

/** The value of cookie `name` in a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The `Set-Cookie` value for a session (or for clearing it when `session` is undefined). */
export function sessionCookieHeader(session: Session | undefined, secure: boolean, now: number): string {
  const value = session ? session.token : '';
  const maxAge = session ? Math.max(0, Math.floor((session.expiresAt - now) / 1000)) : 0;
  return `${sessionCookie}=${value}; Version=1; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
