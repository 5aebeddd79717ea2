import { collectionSchemas } from '../db/collections';

/**
 * Database naming shared by the app and the sync server. What a client sees is a plain CouchDB
 * database name, `<tenant>-<collection>` (e.g. `acme-personas`), so the same URL works against our
 * server and against Apache CouchDB. Tenants contain no `-` or `_`, which keeps the split
 * unambiguous both here and on the server's disk (`t_<tenant>_<collection>`).
 */

/** A tenant id: lower-case letter first, then letters or digits, at most 40 characters. */
export const tenantPattern = /^[a-z][a-z0-9]{0,39}$/;

/** A collection part of a database name (CouchDB's database-name alphabet, minus `-`). */
export const collectionPattern = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The per-tenant "doorbell" database: one longpoll on it tells the app which collections to
 * `reSync()`, so a browser's six connections per host are never all held by longpolls.
 */
export const doorbellCollection = 'doorbell';

/** Every database a tenant has: one per app collection plus the doorbell. */
export const tenantCollections: readonly string[] = [...Object.keys(collectionSchemas), doorbellCollection];

/** True when `tenant` is a valid tenant id. */
export function isValidTenant(tenant: string): boolean {
  return tenantPattern.test(tenant);
}

/** The database name a client uses for one collection of a tenant. */
export function tenantDatabaseName(tenant: string, collection: string): string {
  if (!isValidTenant(tenant)) throw new Error(`Invalid tenant id "${tenant}"`);
  if (!collectionPattern.test(collection)) throw new Error(`Invalid collection name "${collection}"`);
  return `${tenant}-${collection}`;
}

/** A database name split into its tenant and collection. */
export interface ParsedDatabaseName {
  /** The tenant that owns the database. */
  tenant: string;
  /** The collection part (an app collection or the doorbell). */
  collection: string;
}

/** Splits `<tenant>-<collection>`; undefined when the name is not of that form. */
export function parseDatabaseName(name: string): ParsedDatabaseName | undefined {
  const dash = name.indexOf('-');
  if (dash < 0) return undefined;
  const tenant = name.slice(0, dash);
  const collection = name.slice(dash + 1);
  if (!isValidTenant(tenant) || !collectionPattern.test(collection)) return undefined;
  return { tenant, collection };
}

/** The CouchDB role names a tenant's users carry, e.g. `acme:editor`. */
export function tenantRoleName(tenant: string, role: TenantRole): string {
  return `${tenant}:${role}`;
}

/** Roles inside a tenant, weakest first: viewers read, editors write, admins also manage users. */
export const tenantRoles = ['viewer', 'editor', 'admin'] as const;

/** One role inside a tenant. */
export type TenantRole = (typeof tenantRoles)[number];

/** True when `value` names a tenant role. */
export function isTenantRole(value: unknown): value is TenantRole {
  return typeof value === 'string' && (tenantRoles as readonly string[]).includes(value);
}

/**
 * The role in `tenant` that a CouchDB `_session` answer or `_users` document carries
 * (`roles: ["acme:editor"]`); the strongest when there are several, undefined when none.
 */
export function tenantRoleOf(tenant: string, roles: unknown): TenantRole | undefined {
  if (!Array.isArray(roles)) return undefined;
  return [...tenantRoles].reverse().find((r) => roles.includes(tenantRoleName(tenant, r)));
}
