import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { doorbellCollection, tenantCollections, tenantDatabaseName } from '../../../common/sync/names';
import { createLevelStore } from '../store/store';
import { httpPouch } from '../store/pouch';
import type { PouchDatabase } from '../store/pouch';
import { call, connect } from './couchHttp';
import type { Connection } from './couchHttp';
import { missingLeaves } from './leaves';

/**
 * `backup` and `restore` of a tenant's databases through a running server's HTTP API (issue 20,
 * item 3), so both are safe while the server runs and serves laptops: the LevelDB files are never
 * touched by a second process. PouchDB replication carries every revision leaf (conflicts and
 * deletions included), and both commands compare every leaf before they say done.
 *
 * Restore recreates each database and copies the backup in; the recreated database gets a new
 * epoch (store/epoch.ts), which tells every laptop to re-send what the server lacks and re-read
 * the feed from the start.
 */

/** Options shared by backup and restore. */
export interface BackupOptions {
  url: string;
  tenant: string;
  /** The backup directory (written by backup, read by restore). */
  dir: string;
  user?: string | undefined;
  env: NodeJS.ProcessEnv;
}

interface Manifest { format: 'cx-sync-backup'; version: 1; tenant: string; takenAt: string; from: string; databases: Record<string, number> }

// The doorbell holds only rings ("something changed"), nothing to restore.
const databasesOf = (tenant: string): string[] => tenantCollections.filter((c) => c !== doorbellCollection).map((c) => tenantDatabaseName(tenant, c));

/** `backup --url URL --tenant T --out DIR`: copies every database of the tenant into DIR. */
export async function backup(options: BackupOptions): Promise<string> {
  const c = await connect({ url: options.url, tenant: options.tenant, user: options.user, env: options.env });
  await mkdir(options.dir, { recursive: true });
  const existing = await readFile(join(options.dir, 'backup.json'), 'utf8').catch(() => null);
  if (existing !== null) throw new Error(`${options.dir} already holds a backup; choose a new directory (backups are never overwritten).`);
  const store = createLevelStore(options.dir);
  const manifest: Manifest = { format: 'cx-sync-backup', version: 1, tenant: options.tenant, takenAt: new Date().toISOString(), from: c.base, databases: {} };
  try {
    for (const name of databasesOf(options.tenant)) {
      const source = remote(c, name);
      await store.create(name);
      const target = (await store.open(name))!;
      await copy(source, target, name);
      manifest.databases[name] = (await target.info()).doc_count;
      await source.close();
    }
  } finally {
    await store.close();
  }
  await writeFile(join(options.dir, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return [`Backed up tenant "${options.tenant}" from ${c.base} to ${options.dir}:`, ...Object.entries(manifest.databases).map(([n, count]) => `  ${n}: ${count} documents, every revision leaf checked`)].join('\n');
}

/** `restore --url URL --tenant T --from DIR`: replaces every database of the tenant with the backup's. */
export async function restore(options: BackupOptions): Promise<string> {
  const text = await readFile(join(options.dir, 'backup.json'), 'utf8').catch(() => {
    throw new Error(`${options.dir} holds no backup (backup.json is missing).`);
  });
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== 'cx-sync-backup' || manifest.version !== 1) throw new Error(`${options.dir} is not a backup this version can restore.`);
  if (manifest.tenant !== options.tenant) throw new Error(`${options.dir} is a backup of tenant "${manifest.tenant}", not "${options.tenant}".`);
  const c = await connect({ url: options.url, tenant: options.tenant, user: options.user, env: options.env });
  const store = createLevelStore(options.dir);
  const lines: string[] = [];
  try {
    for (const name of Object.keys(manifest.databases)) {
      const source = await store.open(name);
      if (!source) throw new Error(`The backup lacks ${name}.`);
      const gone = await call(c, 'DELETE', `/${name}`);
      if (gone.status !== 200 && gone.status !== 404) throw new Error(`${name}: the server refused to drop it (${gone.status} ${JSON.stringify(gone.json)}).`);
      const made = await call(c, 'PUT', `/${name}`);
      if (made.status !== 201 && made.status !== 412) throw new Error(`${name}: the server refused to recreate it (${made.status} ${JSON.stringify(made.json)}).`);
      const target = remote(c, name);
      await copy(source, target, name);
      lines.push(`  ${name}: ${(await source.info()).doc_count} documents, every revision leaf checked`);
      await target.close();
    }
  } finally {
    await store.close();
  }
  return [`Restored tenant "${options.tenant}" on ${c.base} from the backup of ${manifest.takenAt}:`, ...lines, 'Laptops notice the new epoch, send what the server lacks and read the feed again.'].join('\n');
}

function remote(c: Connection, name: string): PouchDatabase {
  const PouchDB = httpPouch();
  const auth = c.username ? { auth: { username: c.username, password: c.password ?? '' } } : {};
  return new PouchDB(`${c.base}/${name}`, { skip_setup: true, ...auth });
}

async function copy(source: PouchDatabase, target: PouchDatabase, name: string): Promise<void> {
  const result = await httpPouch().replicate(source, target, { batch_size: 200 });
  if (result.doc_write_failures > 0) throw new Error(`${name}: ${result.doc_write_failures} document(s) failed to copy.`);
  // Writes that land while a backup runs are simply newer than the backup, and laptops write on
  // top of a restored database as soon as it exists: the check is that everything the source
  // holds now is in the target's revision trees, after one more pass if it is not.
  const problems = await missingLeaves(source, target);
  if (problems.length > 0) {
    await httpPouch().replicate(source, target, { batch_size: 200 });
    const again = await missingLeaves(source, target);
    if (again.length > 0) throw new Error(`${name}: ${again.length} document(s) differ after copying, e.g. ${again.slice(0, 3).join('; ')}.`);
  }
}
