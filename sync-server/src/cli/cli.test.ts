import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tenantCollections } from '../../../common/sync/names';
import { hashPassword } from '../auth/passwords';
import { Registry } from '../auth/registry';
import { createLevelStore } from '../store/store';
import { runChild, startChildServer } from '../testing/child';
import { call } from '../testing/harness';
import { migrate, provisionCouchDb } from './couch';
import { runCli } from './index';
import { memoryLog } from './log';
import { serve } from './serve';

const dirs: string[] = [];
const tempDir = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'cx-cli-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const password = 'a long enough password';
const env = { CX_PASSWORD: password };

describe('management commands', { timeout: 60_000 }, () => {
  test('tenant add, user add/remove and admin add edit the data directory', async () => {
    const data = await tempDir();
    await runCli(['tenant', 'add', 'acme', '--data', data], {});
    await runCli(['user', 'add', 'acme', 'alice', '--role', 'admin', '--data', data], env);
    await runCli(['admin', 'add', 'root', '--data', data], env);
    const registry = new Registry(join(data, 'users.json'));
    expect(registry.users('acme')).toEqual([{ name: 'alice', role: 'admin' }]);
    expect(registry.account('root')?.kind).toBe('admin');
    const store = createLevelStore(data);
    expect(await store.list()).toEqual(tenantCollections.map((c) => `acme-${c}`).sort());
    await store.close();
    expect(await readFile(join(data, 'users.json'), 'utf8')).not.toContain(password);
    await runCli(['user', 'remove', 'acme', 'alice', '--data', data], {});
    expect(registry.users('acme')).toEqual([]);
  });

  test('compact drops the bodies of old revisions and keeps the current ones', async () => {
    const data = await tempDir();
    await runCli(['tenant', 'add', 'acme', '--data', data], {});
    let store = createLevelStore(data);
    const db = await store.open('acme-datasets');
    const first = await db?.put({ _id: 'chunk', answers: 'respondent secrets' });
    await db?.put({ _id: 'chunk', _rev: first?.rev, answers: 'purged', _deleted: true });
    await store.close();
    await runCli(['compact', '--tenant', 'acme', '--data', data], {});
    store = createLevelStore(data);
    const after = await store.open('acme-datasets');
    await expect(after?.get('chunk', { rev: first?.rev })).rejects.toMatchObject({ status: 404 });
    expect(((await after?.get('chunk', { revs: true, open_revs: 'all' })) as { ok: { answers: string } }[])[0]?.ok.answers).toBe('purged');
    await store.close();
  });

  test('mistakes fail with one clear sentence', async () => {
    const data = await tempDir();
    await runCli(['tenant', 'add', 'acme', '--data', data], {});
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['user', 'add', 'acme', 'bob', '--data', data], {}, /No password: set CX_PASSWORD/],
      [['user', 'add', 'acme', 'bob', '--data', data], { CX_PASSWORD: 'short' }, /at least 8 characters/],
      [['user', 'add', 'acme', 'bob', '--role', 'owner', '--data', data], env, /Unknown role "owner"/],
      [['user', 'add', 'nope', 'bob', '--data', data], env, /No tenant "nope"/],
      [['user', 'remove', 'acme', 'ghost', '--data', data], {}, /No user "ghost"/],
      [['tenant', 'add', 'Bad-Name', '--data', data], {}, /Invalid tenant id/],
      [['user', 'add', 'acme', '--data', data], env, /Missing NAME/],
      [['frobnicate'], {}, /Unknown command/],
      [['serve', '--port', '99999', '--data', data], {}, /Invalid --port/],
      [['serve', '--port', '0', '--data', data, '--app', join(data, 'no-app')], {}, /No built app in .*no-app \(index.html is missing\)/],
      [['serve', '--port', '0', '--data', data], { CX_APP_DIR: data }, /No built app in/],
      [['provision-couchdb', '--url', 'http://admin:pw@localhost:1', '--tenant', 'acme'], {}, /Do not put a password in the URL/],
    ];
    for (const [args, e, message] of cases) await expect(runCli(args, e), args.join(' ')).rejects.toThrow(message);
    await expect(runCli(['user', 'add', 'acme', 'bob', '--password', 'x', '--data', data], env)).rejects.toThrow(/Unknown option '--password'/);
  });

  test('the real command prints one line and exits non-zero on a mistake', async () => {
    const run = runChild(['user', 'add', 'nope', 'bob', '--data', await tempDir()], env);
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.stderr.filter(Boolean)).toEqual([expect.stringMatching(/^sync-server: No tenant "nope"/)]);
  });
});

describe('serve', () => {
  test('a first start on an empty data directory says how to add a tenant and a user', async () => {
    const log = memoryLog();
    const running = await serve({ host: '127.0.0.1', port: 0, dataDir: await tempDir(), env: {}, log });
    await running.close();
    const hint = log.lines.find((l) => l.msg === 'no tenants yet');
    expect(JSON.stringify(hint)).toMatch(/tenant add .*user add/);
    expect(log.lines.some((l) => l.msg === 'signing secret created')).toBe(true);
  });

  test('a weak secret in the environment stops the start with a clear reason', async () => {
    await expect(serve({ host: '127.0.0.1', port: 0, dataDir: await tempDir(), env: { CX_SYNC_SECRET: 'hunter2' }, log: memoryLog() })).rejects.toThrow(/Refusing CX_SYNC_SECRET/);
  });
});

/** Source data directory with one tenant, documents and a conflicted document. */
async function sourceData(): Promise<string> {
  const data = await tempDir();
  await runCli(['tenant', 'add', 'acme', '--data', data], {});
  const store = createLevelStore(data);
  const personas = await store.open('acme-personas');
  await personas?.bulkDocs(Array.from({ length: 250 }, (_, i) => ({ _id: `p${i}`, title: `persona ${i}` })));
  await personas?.bulkDocs(
    [
      { _id: 'conflicted', _rev: '1-a', _revisions: { start: 1, ids: ['a'] } },
      { _id: 'conflicted', _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, side: 'b' },
      { _id: 'conflicted', _rev: '2-c', _revisions: { start: 2, ids: ['c', 'a'] }, side: 'c' },
    ],
    { new_edits: false },
  );
  await (await store.open('acme-journeys'))?.put({ _id: 'j1', title: 'journey' });
  await store.close();
  return data;
}

describe('provision-couchdb and migrate against a CouchDB-protocol stand-in (this server)', { timeout: 90_000 }, () => {
  test('provision creates databases, _security, the role check and CORS; migrate copies every revision', async () => {
    const targetDir = await tempDir();
    const registry = new Registry(join(targetDir, 'users.json'));
    registry.setAdmin('couchadmin', await hashPassword(password));
    const target = await serve({ host: '127.0.0.1', port: 0, dataDir: targetDir, env: { CX_SYNC_SECRET: randomBytes(32).toString('hex') }, log: memoryLog() });
    try {
      const url = new URL(target.url);
      url.username = 'couchadmin';
      const said = await provisionCouchDb({ url: url.toString(), tenant: 'acme', env });
      expect(said).toMatch(/Provisioned tenant "acme"/);
      const auth = { authorization: `Basic ${Buffer.from(`couchadmin:${password}`).toString('base64')}` };
      const dbs = (await call(`${target.url}/_all_dbs`, undefined, { headers: auth })).body;
      expect(dbs).toEqual(tenantCollections.map((c) => `acme-${c}`).sort());
      const security = await call(`${target.url}/acme-personas/_security`, undefined, { headers: auth });
      expect(security.body.members.roles).toEqual(['acme:viewer', 'acme:editor', 'acme:admin']);
      const design = await call(`${target.url}/acme-personas/_design/cx_roles`, undefined, { headers: auth });
      expect(design.body.validate_doc_update).toContain('acme:editor');
      const cors = await call(`${target.url}/_node/_local/_config/cors/origins`, undefined, { headers: auth });
      expect(cors.body).toContain('app://cx-studio');
      // Idempotent: a second run changes nothing and does not fail.
      await provisionCouchDb({ url: target.url, tenant: 'acme', user: 'couchadmin', env });

      const source = await sourceData();
      const report = await migrate({ dataDir: source, tenant: 'acme', to: target.url, user: 'couchadmin', env });
      expect(report).toMatch(/acme-personas: \d+ written, 251 documents/);
      const conflicted = await call(`${target.url}/acme-personas/conflicted?conflicts=true`, undefined, { headers: auth });
      expect([conflicted.body._rev, conflicted.body._conflicts]).toEqual(['2-c', ['2-b']]);
      const j1 = await call(`${target.url}/acme-journeys/j1`, undefined, { headers: auth });
      expect(j1.body.title).toBe('journey');
      // Running it again copies nothing new and still verifies the counts.
      expect(await migrate({ dataDir: source, tenant: 'acme', to: target.url, user: 'couchadmin', env })).toMatch(/acme-personas: 0 written, 251 documents/);
    } finally {
      await target.close();
    }
  });

  test('migrate refuses a data directory the server holds open, and a wrong password', async () => {
    const source = await sourceData();
    // A running server (another process) holds LevelDB's lock on every database it opened.
    new Registry(join(source, 'users.json')).setAdmin('couchadmin', await hashPassword(password));
    const holder = await startChildServer(source);
    const asAdmin = { authorization: `Basic ${Buffer.from(`couchadmin:${password}`).toString('base64')}` };
    expect((await call(`${holder.url}/acme-personas`, undefined, { headers: asAdmin })).status).toBe(200);
    const targetDir = await tempDir();
    new Registry(join(targetDir, 'users.json')).setAdmin('couchadmin', await hashPassword(password));
    const target = await serve({ host: '127.0.0.1', port: 0, dataDir: targetDir, env: {}, log: memoryLog() });
    try {
      await expect(migrate({ dataDir: source, tenant: 'acme', to: target.url, user: 'couchadmin', env })).rejects.toThrow(/stop it before migrating/);
      await expect(migrate({ dataDir: source, tenant: 'acme', to: target.url, user: 'nobody', env })).rejects.toThrow(/Signing in .* failed: 401/);
      await expect(provisionCouchDb({ url: 'http://127.0.0.1:9', tenant: 'acme', env })).rejects.toThrow(/Cannot reach/);
    } finally {
      await target.close();
      holder.proc.kill('SIGTERM');
      await holder.exited;
    }
  });
});

const couchUrl = process.env.COUCHDB_URL;
if (!couchUrl) console.log('skip: provision/migrate against a real Apache CouchDB (set COUCHDB_URL=http://admin@host:5984 and CX_PASSWORD to run)');
describe.skipIf(!couchUrl)('provision-couchdb and migrate against a real Apache CouchDB (COUCHDB_URL)', () => {
  test('provisions a fresh tenant and migrates into it', async () => {
    const tenant = `cxtest${Date.now().toString(36)}`;
    const said = await provisionCouchDb({ url: couchUrl ?? '', tenant, env: process.env });
    expect(said).toMatch(/Provisioned/);
    const data = await tempDir();
    await runCli(['tenant', 'add', tenant, '--data', data], {});
    const store = createLevelStore(data);
    await (await store.open(`${tenant}-personas`))?.bulkDocs(Array.from({ length: 50 }, (_, i) => ({ _id: `p${i}` })));
    await store.close();
    expect(await migrate({ dataDir: data, tenant, to: couchUrl ?? '', env: process.env })).toMatch(new RegExp(`${tenant}-personas: 50 written`));
  });
});
