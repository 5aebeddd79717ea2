import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isTenantRole, tenantCollections, tenantDatabaseName } from '../../../common/sync/names';
import { hashPassword } from '../auth/passwords';
import { Registry } from '../auth/registry';
import type { Store } from '../store/store';
import { createLevelStore } from '../store/store';
import { readPassword } from './password';

/**
 * The registry file of a data directory, created with the directory. The server (`forServer`)
 * looks at the file at most once per turn of its event loop (registry.ts).
 */
export async function openRegistry(dataDir: string, forServer = false): Promise<Registry> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return new Registry(join(dataDir, 'users.json'), { statOncePerTurn: forServer });
}

/** Creates any of a tenant's databases that are missing; returns the ones created. */
export async function ensureTenantDatabases(store: Store, tenant: string): Promise<string[]> {
  const created: string[] = [];
  for (const collection of tenantCollections) {
    const name = tenantDatabaseName(tenant, collection);
    if (await store.create(name)) created.push(name);
  }
  return created;
}

/** `admin add NAME`. */
export async function adminAdd(dataDir: string, name: string, env: NodeJS.ProcessEnv): Promise<string> {
  const registry = await openRegistry(dataDir);
  const password = await readPassword(`Password for server admin ${name}: `, env);
  registry.setAdmin(name, await hashPassword(password));
  return `Server admin "${name}" saved in ${dataDir}.`;
}

/** `tenant add TENANT`: the registry entry and one database per collection. */
export async function tenantAdd(dataDir: string, tenant: string): Promise<string> {
  const registry = await openRegistry(dataDir);
  const added = registry.addTenant(tenant);
  const store = createLevelStore(dataDir);
  try {
    const created = await ensureTenantDatabases(store, tenant);
    const what = added ? `Tenant "${tenant}" added` : `Tenant "${tenant}" already existed`;
    return `${what}; ${created.length} database(s) created. Next: user add ${tenant} NAME --role admin`;
  } finally {
    await store.close();
  }
}

/** `user add TENANT NAME [--role R]`. */
export async function userAdd(dataDir: string, tenant: string, name: string, role: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (!isTenantRole(role)) throw new Error(`Unknown role "${role}": use viewer, editor or admin.`);
  const registry = await openRegistry(dataDir);
  if (!registry.hasTenant(tenant)) throw new Error(`No tenant "${tenant}" in ${dataDir}; add it first with: tenant add ${tenant}`);
  if (registry.users(tenant).some((u) => u.name === name)) {
    throw new Error(`User "${name}" already exists in tenant "${tenant}"; remove it first or change it from the app.`);
  }
  const password = await readPassword(`Password for ${tenant}/${name}: `, env);
  registry.setUser(tenant, name, { hash: await hashPassword(password), role });
  return `User "${tenant}/${name}" added as ${role}. They sign in with the name "${tenant}/${name}".`;
}

/** `user remove TENANT NAME`. */
export async function userRemove(dataDir: string, tenant: string, name: string): Promise<string> {
  const registry = await openRegistry(dataDir);
  if (!registry.removeUser(tenant, name)) throw new Error(`No user "${name}" in tenant "${tenant}".`);
  return `User "${tenant}/${name}" removed; their sessions stop working now.`;
}

/**
 * `compact --data DIR --tenant T`: drops the bodies of non-winning old revisions in every database
 * of the tenant (PouchDB compaction), so earlier versions of documents, survey answers included,
 * do not linger on disk. Needs the server stopped: LevelDB allows one process per database.
 */
export async function compactTenant(dataDir: string, tenant: string): Promise<string> {
  const store = createLevelStore(dataDir);
  try {
    const names = (await store.list()).filter((n) => n.startsWith(`${tenant}-`));
    if (names.length === 0) throw new Error(`No databases of tenant "${tenant}" in ${dataDir}.`);
    for (const name of names) {
      const db = await store.open(name);
      await db?.compact().catch((error: unknown) => {
        throw new Error(/lock/i.test(String(error)) ? `The sync server is running on ${dataDir}; stop it before compacting.` : String(error), { cause: error });
      });
    }
    return `Compacted ${names.length} database(s) of tenant "${tenant}".`;
  } finally {
    await store.close();
  }
}
