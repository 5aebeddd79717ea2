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

  it('editors write only pause/resume/kill controls and new retry and migrate commands to engine_control, never what the engine owns', async () => {
    const control = `${sync.url}/acme-engine_control`;
    const put = (id: string, body: Record<string, unknown>, who: string = accounts.acmeEditor) => call(`${control}/${encodeURIComponent(id)}`, who, { method: 'PUT', body });
    for (const state of ['paused', 'running', 'killed']) {
      const current = await call(`${control}/journey%7Cj1`, accounts.acmeEditor);
      const rev = current.status === 200 ? { _rev: current.body._rev } : {};
      expect((await put('journey|j1', { ...rev, type: 'journeyControl', journeyId: 'j1', state })).status).toBe(201);
    }
    expect((await put('cmd|retry-1', { type: 'command', command: 'retry', runId: 'r|000|c|j|k', createdAt: 1 })).status).toBe(201);
    expect((await put('cmd|migrate-1', { type: 'command', command: 'migrate', journeyId: 'j1', from: 1, to: 2, createdAt: 1 })).status).toBe(201);
    // What the engine owns, a malformed control, another command, a done retry, a rewrite, a deletion, a design doc:
    const refused: Array<[string, Record<string, unknown>, RegExp]> = [
      ['lease|000', { worker: 'me', until: 9e15 }, /Only the journey engine writes leases/],
      ['worker|me', { type: 'worker', at: 1 }, /Only the journey engine writes leases/],
      ['settings', { type: 'settings', partitions: 1 }, /Only the journey engine writes leases/],
      ['intake|2026-01-01|w', { type: 'intake' }, /Only the journey engine writes leases/],
      ['journey|j2', { type: 'journeyControl', journeyId: 'j3', state: 'paused' }, /A journey control is/],
      ['journey|j2', { type: 'journeyControl', journeyId: 'j2', state: 'deleted' }, /A journey control is/],
      ['cmd|start-1', { type: 'command', command: 'start', journeyId: 'j1', customers: [{ id: 'x' }] }, /retry and migrate commands only/],
      ['cmd|retry-2', { type: 'command', command: 'retry', runId: 'r|000|c|j|k', doneAt: 5, result: 'Retried.' }, /written once, new/],
      ['cmd|migrate-2', { type: 'command', command: 'migrate', journeyId: 'j1', from: 2, to: 2 }, /two different published version numbers/],
      ['cmd|retry-1', { _rev: (await call(`${control}/cmd%7Cretry-1`, accounts.acmeEditor)).body._rev, type: 'command', command: 'retry', runId: 'r|000|c|j|k' }, /written once, new/],
    ];
    for (const [id, body, reason] of refused) {
      for (const who of [accounts.acmeEditor, accounts.acmeAdmin]) {
        const r = await put(id, body, who);
        expect(r.status, id).toBe(403);
        expect(r.body.reason).toMatch(reason);
      }
    }
    const j1 = await call(`${control}/journey%7Cj1`, accounts.acmeEditor);
    expect((await call(`${control}/journey%7Cj1?rev=${j1.body._rev}`, accounts.acmeEditor, { method: 'DELETE' })).status).toBe(403);
    expect((await put('_design/mine', { validate_doc_update: 'function () {}' }, accounts.acmeAdmin)).status).toBe(403);
    // _bulk_docs: each refused document gets its own forbidden row, the allowed one is written.
    const bulk = await call(`${control}/_bulk_docs`, accounts.acmeEditor, { method: 'POST', body: { docs: [
      { _id: 'lease|001', worker: 'me' }, { _id: 'journey|j4', type: 'journeyControl', journeyId: 'j4', state: 'paused' },
    ] } });
    expect(bulk.status).toBe(201);
    expect(bulk.body[0]).toMatchObject({ id: 'lease|001', error: 'forbidden' });
    expect(bulk.body[1]).toMatchObject({ id: 'journey|j4', ok: true });
    expect((await call(`${control}/lease%7C001`, accounts.admin)).status).toBe(404);
    // Replication-style writes are checked the same way; _local checkpoints stay allowed.
    const replicated = await call(`${control}/_bulk_docs`, accounts.acmeEditor, { method: 'POST', body: { new_edits: false, docs: [{ _id: 'lease|002', _rev: '1-abc', worker: 'me' }] } });
    expect(replicated.body).toEqual([expect.objectContaining({ id: 'lease|002', error: 'forbidden' })]);
    expect((await put('_local/checkpoint', { seq: 1 })).status).toBe(201);
    // The engine (a server admin) writes what it owns.
    expect((await put('lease|000', { worker: 'engine', until: 1 }, accounts.admin)).status).toBe(201);
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
    // Bare ids are not enough any more: a control and a retry command are checked for their content below.
    expect(run('control', 'journey|j', ['acme:editor'])).toMatch(/A journey control is/);
    expect(run('control', 'cmd|retry-1', ['acme:admin'])).toMatch(/retry and migrate commands only/);
    expect(run('control', 'lease|000', ['acme:editor'])).toMatch(/Only the journey engine writes leases/);
    expect(run('control', 'journey|j', ['acme:viewer'])).toMatch(/Viewers cannot/);
    expect(run('control', 'lease|000', ['_admin'])).toBe('ok');
    const runDoc = (kind: 'control', doc: Record<string, unknown>, old: unknown = null) => {
      const validate = runInNewContext(`(${engineDesignDoc('acme', kind).validate_doc_update})`) as (n: unknown, o: unknown, u: unknown) => void;
      try {
        validate(doc, old, { name: 'x', roles: ['acme:editor'] });
        return 'ok';
      } catch (e) {
        return (e as { forbidden: string }).forbidden;
      }
    };
    expect(runDoc('control', { _id: 'journey|j', type: 'journeyControl', journeyId: 'j', state: 'paused' })).toBe('ok');
    expect(runDoc('control', { _id: 'journey|j', type: 'journeyControl', journeyId: 'k', state: 'paused' })).toMatch(/A journey control is/);
    expect(runDoc('control', { _id: 'cmd|r', type: 'command', command: 'retry', runId: 'r|000|x' })).toBe('ok');
    expect(runDoc('control', { _id: 'cmd|r', type: 'command', command: 'retry', runId: 'r|000|x' }, { _id: 'cmd|r' })).toMatch(/written once/);
    expect(runDoc('control', { _id: 'cmd|s', type: 'command', command: 'start', journeyId: 'j' })).toMatch(/retry and migrate commands only/);
    expect(runDoc('control', { _id: 'journey|j', _deleted: true })).toMatch(/not deleted/);
    expect(runDoc('control', { _id: 'cmd|m', type: 'command', command: 'migrate', journeyId: 'j', from: 1, to: 2 })).toBe('ok');
    expect(runDoc('control', { _id: 'cmd|m', type: 'command', command: 'migrate', journeyId: 'j', from: 2, to: 2 })).toMatch(/two different published version numbers/);
    expect(runDoc('control', { _id: 'cmd|m', type: 'command', command: 'migrate', journeyId: 'j', from: 1, to: 2, doneAt: 1 })).toMatch(/written once/);
  });
});
