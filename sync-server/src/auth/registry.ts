import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isTenantRole, isValidTenant } from '../../../common/sync/names';
import type { TenantRole } from '../../../common/sync/names';

/**
 * Tenants, users and server admins, kept in `<data>/users.json`. The CLI and the server both edit
 * it; the server re-reads it when its modification time changes, so `user add` takes effect on a
 * running server. In memory everything is in Maps: names come from users, and a plain object
 * would answer `constructor` or `__proto__` from its prototype.
 */

/** A tenant user. */
export interface UserRecord {
  /** Role inside the tenant. */
  role: TenantRole;
  /** scrypt hash (see passwords.ts). */
  hash: string;
  /** Credential generation: bumped on password change, invalidating older tokens. */
  gen: number;
}

/** A server admin (like a CouchDB admin: may create and read any database). */
export interface AdminRecord {
  hash: string;
  gen: number;
}

/** Who a login name refers to. */
export type Account =
  | { kind: 'admin'; name: string; record: AdminRecord }
  | { kind: 'user'; tenant: string; name: string; record: UserRecord };

/** User names: lower-case, starting with a letter or digit; `.`, `_`, `@`, `-` allowed after. */
export const userNamePattern = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

interface FileShape {
  version: 1;
  admins: Record<string, AdminRecord>;
  tenants: Record<string, { users: Record<string, UserRecord> }>;
}

/** The in-memory registry, optionally backed by a file. */
export class Registry {
  private admins = new Map<string, AdminRecord>();
  private tenants = new Map<string, Map<string, UserRecord>>();
  private stamp = '';
  private checkedThisTurn = false;

  /**
   * @param file JSON file to persist to; in memory only when undefined (tests).
   * @param options.statOncePerTurn look at the file at most once per turn of the event loop (the
   *   server): every request checks its credentials against the registry, and at 500 laptops the
   *   stat of every request was 6 % of the server's CPU (issue 22, load11). Requests handled in
   *   the same turn share one look, so a user removed by the CLI is still refused from the next
   *   turn on (milliseconds), never after a delay of its own.
   */
  constructor(
    private readonly file?: string,
    private readonly options: { statOncePerTurn?: boolean } = {},
  ) {
    this.refresh();
  }

  /** Re-reads the file when another process changed it. Cheap: one stat (per turn, see the constructor). */
  refresh(): void {
    if (!this.file || this.checkedThisTurn) return;
    if (this.options.statOncePerTurn) {
      this.checkedThisTurn = true;
      setImmediate(() => (this.checkedThisTurn = false)).unref();
    }
    const info = statSync(this.file, { throwIfNoEntry: false });
    const stamp = info ? `${info.mtimeMs}:${info.size}` : 'none';
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    if (!info) return;
    const data = JSON.parse(readFileSync(this.file, 'utf8')) as FileShape;
    this.admins = new Map(Object.entries(data.admins ?? {}));
    this.tenants = new Map(
      Object.entries(data.tenants ?? {}).map(([tenant, t]) => [tenant, new Map(Object.entries(t.users ?? {}))]),
    );
  }

  /** A changing string that identifies the current contents (for caches). */
  get version(): string {
    return this.stamp;
  }

  /** Finds an account by login name: `tenant/name` for tenant users, `name` for admins. */
  account(login: string): Account | undefined {
    this.refresh();
    const slash = login.indexOf('/');
    if (slash < 0) {
      const record = this.admins.get(login);
      return record ? { kind: 'admin', name: login, record } : undefined;
    }
    const tenant = login.slice(0, slash);
    const name = login.slice(slash + 1);
    const record = this.tenants.get(tenant)?.get(name);
    return record ? { kind: 'user', tenant, name, record } : undefined;
  }

  /** True when the tenant exists. */
  hasTenant(tenant: string): boolean {
    this.refresh();
    return this.tenants.has(tenant);
  }

  /** Every tenant id, sorted. */
  tenantIds(): string[] {
    this.refresh();
    return [...this.tenants.keys()].sort();
  }

  /** The users of a tenant with their roles, sorted by name. */
  users(tenant: string): { name: string; role: TenantRole }[] {
    this.refresh();
    const users = this.tenants.get(tenant) ?? new Map<string, UserRecord>();
    return [...users].map(([name, u]) => ({ name, role: u.role })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Adds a server admin or replaces its password. */
  setAdmin(name: string, hash: string): void {
    if (!userNamePattern.test(name)) throw new Error(`Invalid admin name "${name}": use a-z, 0-9, . _ @ -`);
    this.refresh();
    const gen = (this.admins.get(name)?.gen ?? 0) + 1;
    this.admins.set(name, { hash, gen });
    this.save();
  }

  /** Adds a tenant; false when it already existed. */
  addTenant(tenant: string): boolean {
    if (!isValidTenant(tenant)) throw new Error(`Invalid tenant id "${tenant}": a lower-case letter, then letters or digits (≤ 40)`);
    this.refresh();
    if (this.tenants.has(tenant)) return false;
    this.tenants.set(tenant, new Map());
    this.save();
    return true;
  }

  /** Creates or updates a tenant user; a new hash bumps the generation. Returns true when created. */
  setUser(tenant: string, name: string, change: { hash?: string; role?: TenantRole }): boolean {
    if (!userNamePattern.test(name)) throw new Error(`Invalid user name "${name}": use a-z, 0-9, . _ @ -`);
    if (change.role !== undefined && !isTenantRole(change.role)) throw new Error(`Invalid role "${String(change.role)}"`);
    this.refresh();
    const users = this.tenants.get(tenant);
    if (!users) throw new Error(`No tenant "${tenant}"; add it with \`tenant add ${tenant}\``);
    const before = users.get(name);
    if (!before && !change.hash) throw new Error(`A new user needs a password`);
    users.set(name, {
      role: change.role ?? before?.role ?? 'editor',
      hash: change.hash ?? before?.hash ?? '',
      gen: (before?.gen ?? 0) + (change.hash || change.role ? 1 : 0),
    });
    this.save();
    return !before;
  }

  /** Removes a tenant user; false when there was none. */
  removeUser(tenant: string, name: string): boolean {
    this.refresh();
    const removed = this.tenants.get(tenant)?.delete(name) ?? false;
    if (removed) this.save();
    return removed;
  }

  private save(): void {
    if (!this.file) {
      this.stamp = String(Number(this.stamp || 0) + 1);
      return;
    }
    const data: FileShape = {
      version: 1,
      admins: Object.fromEntries(this.admins),
      tenants: Object.fromEntries([...this.tenants].map(([t, users]) => [t, { users: Object.fromEntries(users) }])),
    };
    // Write-then-rename: a reader never sees half a file, a crash never leaves one.
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, this.file);
    const info = statSync(this.file);
    this.stamp = `${info.mtimeMs}:${info.size}`;
  }
}
