import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tenantCollections } from '../../../common/sync/names';
import type { CouchServer } from '../testing/couchServers';
import { basicAuth, couchServerKinds, freshTenant, openCouchServer } from '../testing/couchServers';
import { provisionCouchDb, rolesDesignId } from './couch';
import { couchUser } from './couchUsers';
import { runCli } from './index';

// Provisioning, member management and the tenant's security on a CouchDB: always on pouchdb-server
// (the stand-in), and on a real Apache CouchDB too when COUCHDB_URL is set.

const memberPassword = 'member password 1';

describe.each(couchServerKinds)('on %s', { timeout: 60_000 }, (kind) => {
  let server: CouchServer;
  let tenant: string;
  let other: string;
  const adminEnv = () => ({ CX_PASSWORD: server.admin.password, CX_NEW_PASSWORD: memberPassword });
  const target = () => ({ url: server.url, user: server.admin.name, env: adminEnv() });
  const asAdmin = () => ({ authorization: basicAuth(server.admin.name, server.admin.password) });
  const request = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(server.url + path, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: (await response.json().catch(() => undefined)) as Record<string, unknown> };
  };
  const as = (name: string, password = memberPassword) => ({ authorization: basicAuth(name, password) });
  const member = (action: string, name: string | undefined, extra: { role?: string; env?: Record<string, string>; tenant?: string } = {}) =>
    couchUser({ ...target(), action, name, tenant: extra.tenant ?? tenant, role: extra.role, env: { ...adminEnv(), ...extra.env } });

  beforeAll(async () => {
    server = await openCouchServer(kind);
    tenant = freshTenant('acme');
    other = freshTenant('beta');
    await provisionCouchDb({ ...target(), tenant });
    await provisionCouchDb({ ...target(), tenant: other });
  });
  afterAll(async () => {
    await server?.close();
  });

  test('provisioning: every database, members by role and no database admins, the role check and CORS', async () => {
    for (const collection of tenantCollections) {
      const security = await request(`/${tenant}-${collection}/_security`, { headers: asAdmin() });
      expect(security.body).toEqual({ admins: { names: [], roles: [] }, members: { names: [], roles: [`${tenant}:viewer`, `${tenant}:editor`, `${tenant}:admin`] } });
      const design = await request(`/${tenant}-${collection}/${rolesDesignId}`, { headers: asAdmin() });
      expect(design.body.validate_doc_update).toContain(`${tenant}:editor`);
    }
    const nodes = ((await request('/_membership', { headers: asAdmin() })).body?.all_nodes as string[] | undefined) ?? ['_local'];
    const origins = await request(`/_node/${nodes[0]}/_config/cors/origins`, { headers: asAdmin() });
    expect(String(origins.body)).toContain('app://cx-studio');
  });

  test('provisioning again writes no new design document revision, and corrects an old _security', async () => {
    const db = `${tenant}-personas`;
    const before = (await request(`/${db}/${rolesDesignId}`, { headers: asAdmin() })).body._rev;
    // What earlier versions set: the tenant admin role as a database admin.
    await request(`/${db}/_security`, { method: 'PUT', headers: asAdmin(), body: { admins: { names: [], roles: [`${tenant}:admin`] }, members: { names: [], roles: [`${tenant}:viewer`] } } });
    const said = await provisionCouchDb({ ...target(), tenant });
    expect(said).toMatch(new RegExp(`_security \\(1 set\\), role check \\(0 written, ${tenantCollections.length} already current\\)`));
    expect((await request(`/${db}/${rolesDesignId}`, { headers: asAdmin() })).body._rev).toBe(before);
    expect((await request(`/${db}/_security`, { headers: asAdmin() })).body.admins).toEqual({ names: [], roles: [] });
    const changes = await request(`/${db}/_changes`, { headers: asAdmin() });
    expect((changes.body.results as { id: string }[]).filter((r) => r.id === rolesDesignId)).toHaveLength(1);
  });

  test('couchdb-user add, list, role, passwd and remove; sign-in carries the role', async () => {
    expect(await member('add', 'alice', { role: 'admin' })).toMatch(/Added .*\/alice as admin/);
    await member('add', 'ed', { role: 'editor' });
    await member('add', 'vic', { role: 'viewer' });
    await member('add', 'bob', { role: 'editor', tenant: other });
    expect(await member('list', undefined)).toBe('alice\tadmin\ned\teditor\nvic\tviewer');
    const session = await request('/_session', { method: 'POST', body: { name: `${tenant}/alice`, password: memberPassword } });
    expect([session.status, session.body.roles]).toEqual([200, [`${tenant}:admin`]]);
    const ctx = await request('/_session', { headers: as(`${tenant}/vic`) });
    expect(ctx.body.userCtx).toEqual({ name: `${tenant}/vic`, roles: [`${tenant}:viewer`] });

    expect(await member('role', 'vic', { role: 'editor' })).toMatch(/is now editor/);
    expect((await request('/_session', { headers: as(`${tenant}/vic`) })).body.userCtx).toMatchObject({ roles: [`${tenant}:editor`] });
    await member('passwd', 'vic', { env: { CX_NEW_PASSWORD: 'another password' } });
    expect((await request(`/${tenant}-personas`, { headers: as(`${tenant}/vic`) })).status).toBe(401);
    expect((await request(`/${tenant}-personas`, { headers: as(`${tenant}/vic`, 'another password') })).status).toBe(200);
    expect(await member('remove', 'vic')).toMatch(/Removed/);
    expect((await request(`/${tenant}-personas`, { headers: as(`${tenant}/vic`, 'another password') })).status).toBe(401);
    await member('add', 'vic', { role: 'viewer' });
  });

  test('couchdb-user mistakes fail with one clear sentence, before any password is asked', async () => {
    const cases: [() => Promise<string>, RegExp][] = [
      [() => member('add', 'alice', { role: 'editor' }), /already exists \(role admin\); use couchdb-user role or passwd/],
      [() => member('add', 'zed', { role: 'owner' }), /Unknown role "owner"/],
      [() => member('add', 'zed', {}), /Missing --role/],
      [() => member('add', 'Zed/x', { role: 'editor' }), /Invalid user name "Zed\/x"/],
      [() => member('add', undefined, { role: 'editor' }), /Missing NAME/],
      [() => member('remove', 'ghost'), /No user .*\/ghost/],
      [() => member('passwd', 'ghost'), /No user .*\/ghost/],
      [() => member('frob', 'x'), /Unknown couchdb-user action "frob"/],
      [() => member('list', 'alice'), /list takes no NAME/],
      [() => member('list', undefined, { tenant: 'nothere' }), /Tenant "nothere" is not provisioned/],
      [() => member('add', 'zed', { role: 'editor', env: { CX_NEW_PASSWORD: 'short' } }), /at least 8 characters/],
      [() => member('list', undefined, { env: { CX_PASSWORD: 'wrong password' } }), /failed: 401|wrong name or password/],
      [() => couchUser({ action: 'list', tenant, url: server.url, user: `${tenant}/alice`, env: { CX_PASSWORD: memberPassword } }), /is not a server admin/],
      [() => couchUser({ action: 'list', tenant, url: server.url, env: {} }), /A CouchDB server admin is needed/],
    ];
    for (const [run, message] of cases) await expect(run()).rejects.toThrow(message);
    await expect(runCli(['couchdb-user', 'add', 'zed', '--url', server.url, '--tenant', tenant, '--role', 'editor', '--password', 'x'], adminEnv())).rejects.toThrow(/Unknown option '--password'/);
    await expect(runCli(['couchdb-user', 'list', '--tenant', tenant], adminEnv())).rejects.toThrow(/Missing --url/);
  });

  test('a tenant admin cannot open the tenant to others or remove the role check; viewers cannot write', async () => {
    const db = `${tenant}-personas`;
    const alice = as(`${tenant}/alice`);
    // Letting another tenant's role in, or dropping the members list, is refused.
    const grant = await request(`/${db}/_security`, { method: 'PUT', headers: alice, body: { admins: { names: [], roles: [] }, members: { names: [], roles: [`${other}:editor`] } } });
    expect([401, 403]).toContain(grant.status);
    const design = await request(`/${db}/${rolesDesignId}`, { headers: asAdmin() });
    const drop = await request(`/${db}/${rolesDesignId}?rev=${String(design.body._rev)}`, { method: 'DELETE', headers: alice });
    expect([401, 403]).toContain(drop.status);
    const replace = await request(`/${db}/${rolesDesignId}`, { method: 'PUT', headers: alice, body: { _rev: design.body._rev, validate_doc_update: 'function () {}' } });
    expect([401, 403]).toContain(replace.status);
    const viaBulk = await request(`/${db}/_bulk_docs`, { method: 'POST', headers: alice, body: { docs: [{ _id: rolesDesignId, _rev: design.body._rev, _deleted: true }] } });
    expect(JSON.stringify(viaBulk.body)).toMatch(/forbidden|unauthorized/);
    // Nothing changed: the security object and the role check hold, and a viewer's write is refused.
    expect((await request(`/${db}/_security`, { headers: asAdmin() })).body.members).toEqual({ names: [], roles: [`${tenant}:viewer`, `${tenant}:editor`, `${tenant}:admin`] });
    expect((await request(`/${db}/${rolesDesignId}`, { headers: asAdmin() })).body._rev).toBe(design.body._rev);
    const viewerWrite = await request(`/${db}/by-viewer`, { method: 'PUT', headers: as(`${tenant}/vic`), body: { name: 'x' } });
    expect([viewerWrite.status, viewerWrite.body.error]).toEqual([403, 'forbidden']);
    const viewerBulk = await request(`/${db}/_bulk_docs`, { method: 'POST', headers: as(`${tenant}/vic`), body: { new_edits: false, docs: [{ _id: 'forced', _rev: '1-abc' }] } });
    expect(JSON.stringify(viewerBulk.body)).toMatch(/forbidden/);
    // Tenant admins and editors write documents; another tenant's user reads nothing here.
    expect((await request(`/${db}/by-admin`, { method: 'PUT', headers: alice, body: { name: 'x' } })).status).toBe(201);
    expect((await request(`/${db}/by-editor`, { method: 'PUT', headers: as(`${tenant}/ed`), body: { name: 'x' } })).status).toBe(201);
    expect([401, 403]).toContain((await request(`/${db}/_all_docs`, { headers: as(`${other}/bob`) })).status);
  });
});
