import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../sync-server/src/testing/harness';
import { accounts, call, startTestServer, testPassword } from '../../sync-server/src/testing/harness';
import { adminOf } from './testing/parts';
import { engineDatabases } from './service';
import { engineDesignDoc, engineSecurity } from './security';

// Who may touch the engine's databases on our sync server (engine/README.md, "Access").
let sync: TestServer;
beforeEach(async () => {
  sync = await startTestServer();
  await engineDatabases(adminOf(sync.url, testPassword), 'acme');
});
afterEach(async () => {
  await sync.close();
});

describe('engine databases and tenant members', () => {
  it('members read run state but only the engine writes it; editors write journey controls and commands', async () => {
    const runs = `${sync.url}/acme-engine_runs`;
    const control = `${sync.url}/acme-engine_control`;
    expect((await call(`${runs}/r%7C000%7Cx`, accounts.admin, { method: 'PUT', body: { type: 'run' } })).status).toBe(201);
    for (const who of [accounts.acmeAdmin, accounts.acmeEditor, accounts.acmeViewer]) {
      expect((await call(`${runs}/r%7C000%7Cx`, who)).status).toBe(200);
      expect((await call(`${runs}/_all_docs?startkey=%22c%7C%22&endkey=%22c%7C%EF%BF%B0%22`, who)).status).toBe(200);
      const put = await call(`${runs}/r%7C000%7Cy`, who, { method: 'PUT', body: { type: 'run' } });
      expect(put.status).toBe(403);
      if (who !== accounts.acmeViewer) expect(put.body.reason).toMatch(/Only the journey engine writes run state/);
      expect((await call(`${runs}/_bulk_docs`, who, { method: 'POST', body: { docs: [{ _id: 'c|j|2026-01-01|000', type: 'counter' }] } })).status).toBe(403);
      expect((await call(`${runs}/_local/checkpoint`, who, { method: 'PUT', body: { seq: 1 } })).status).toBe(403);
    }
    expect((await call(`${control}/journey%7Cj1`, accounts.acmeEditor, { method: 'PUT', body: { type: 'journeyControl', journeyId: 'j1', state: 'paused' } })).status).toBe(201);
    expect((await call(`${control}/journey%7Cj2`, accounts.acmeViewer, { method: 'PUT', body: { type: 'journeyControl', journeyId: 'j2', state: 'paused' } })).status).toBe(403);
    expect((await call(`${runs}/r%7C000%7Cx`, accounts.otherEditor)).status).toBe(404);
  });

  it('sets the same rules for Apache CouchDB: every tenant role a member, no database admin, a validation function per database', async () => {
    for (const [db, kind] of [['acme-engine_runs', 'runs'], ['acme-engine_control', 'control']] as const) {
      const security = await call(`${sync.url}/${db}/_security`, accounts.admin);
      expect(security.body).toEqual(engineSecurity('acme'));
      const design = await call(`${sync.url}/${db}/_design/cx_engine`, accounts.admin);
      expect(design.body.validate_doc_update).toBe(engineDesignDoc('acme', kind).validate_doc_update);
    }
    // The validation functions as CouchDB would run them.
    const run = (kind: 'runs' | 'control', id: string, roles: string[]) => {
      // CouchDB evaluates the function's source in a sandbox; node:vm does the same here.
      const validate = runInNewContext(`(${engineDesignDoc('acme', kind).validate_doc_update})`) as (n: unknown, o: unknown, u: unknown) => void;
      try {
        validate({ _id: id }, null, { name: 'x', roles });
        return 'ok';
      } catch (e) {
        return (e as { forbidden: string }).forbidden;
      }
    };
    expect(run('runs', 'r|000|x', ['_admin'])).toBe('ok');
    expect(run('runs', 'r|000|x', ['acme:admin'])).toMatch(/Only the journey engine/);
    expect(run('control', 'journey|j', ['acme:editor'])).toBe('ok');
    expect(run('control', 'cmd|retry-1', ['acme:admin'])).toBe('ok');
    expect(run('control', 'lease|000', ['acme:editor'])).toMatch(/only journey controls and commands/);
    expect(run('control', 'journey|j', ['acme:viewer'])).toMatch(/Viewers cannot/);
    expect(run('control', 'lease|000', ['_admin'])).toBe('ok');
  });
});
