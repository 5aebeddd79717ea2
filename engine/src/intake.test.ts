import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { flowOf, node } from '../../common/flowEngine/testFlows';
import type { IntakeProblemsDoc } from '../../common/journeyRuns/docs';
import { tenantDatabaseName } from '../../common/sync/names';
import { CouchDb } from './couch';
import { createIntake } from './intake';
import type { Harness } from './testing/engineHarness';
import { startHarness } from './testing/engineHarness';
import { publish, until } from './testing/parts';
import type { TenantEngine } from './service';

const secret = 'k'.repeat(40);
let h: Harness;
let url: string;
let flush: () => Promise<void>;
let close: () => void;
let engine: TenantEngine;

beforeEach(async () => {
  h = await startHarness();
  await publish(h.admin, 'acme', 'signup', flowOf(
    [node.trigger('t', { type: 'event', eventName: 'signup' }), node.waitUntilEvent('wu', 'purchase', 30), node.sms('thanks', 'Thanks!'), node.exit('x')],
    ['t', 'wu', 'thanks', 'x'],
  ));
  const e = await h.engine();
  engine = e;
  const intake = createIntake({
    tenants: new Map([['acme', { secret, runs: e.runs, control: e.control, directory: e.directory, partitions: 4 }]]),
    worker: 'intake-test', log: (entry) => h.logs.push(entry), maxBodyBytes: 2048,
  });
  flush = intake.flush;
  const server = createServer(intake.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterEach(async () => {
  close();
  await h.close();
});

function post(path: string, body: unknown, options: { secret?: string; ts?: number; raw?: string } = {}): Promise<Response> {
  const text = options.raw ?? JSON.stringify(body);
  const ts = String(options.ts ?? Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', options.secret ?? secret).update(`${ts}.${text}`).digest('hex');
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cx-timestamp': ts, 'x-cx-signature': `sha256=${sig}` }, body: text });
}

it('starts a run from a signed event, ignores a redelivery, and resumes a wait-until on a later event', async () => {
  const first = await post('/hooks/acme/events', { id: 'ev1', customerId: 'cu1', name: 'signup' });
  expect(first.status).toBe(202);
  expect(await first.json()).toMatchObject({ runs: 1 });
  const again = await post('/hooks/acme/events', { id: 'ev1', customerId: 'cu1', name: 'signup' });
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ duplicate: true, runs: 0 });
  const e = engine;
  await until(async () => (await h.runs(e))[0]?.state?.status === 'waiting', 10_000, 'run waiting');
  expect((await post('/hooks/acme/events', { id: 'ev2', customerId: 'cu1', name: 'purchase' })).status).toBe(202);
  await until(async () => (await h.runs(e))[0]?.state?.status === 'exited', 10_000, 'run resumed by the event');
  expect(h.receiver.delivered).toHaveLength(1);
});

it('refuses bad signatures, stale timestamps, oversized bodies, unknown journeys and malformed payloads, each logged and counted', async () => {
  const cases: Array<[Promise<Response>, number, string]> = [
    [post('/hooks/acme/events', { id: 'a', customerId: 'c', name: 'signup' }, { secret: 'x'.repeat(40) }), 401, 'bad-signature'],
    [fetch(`${url}/hooks/acme/events`, { method: 'POST', body: '{}' }), 401, 'bad-signature'],
    [post('/hooks/acme/events', { id: 'a', customerId: 'c', name: 'signup' }, { ts: Math.floor(Date.now() / 1000) - 3600 }), 401, 'stale-timestamp'],
    [post('/hooks/acme/events', { id: 'a', customerId: 'c', name: 'signup', properties: { pad: 'x'.repeat(4000) } }), 413, 'too-large'],
    [post('/hooks/acme/events', { id: 'a', customerId: 'c', name: 'signup', journeyId: 'nosuch' }), 404, 'unknown-journey'],
    [post('/hooks/acme/events', { id: 'a', name: 'signup' }), 400, 'bad-payload'],
    [post('/hooks/acme/events', null, { raw: '{"id":' }), 400, 'bad-payload'],
  ];
  for (const [request, status, code] of cases) {
    const res = await request;
    expect(res.status).toBe(status);
    expect((await res.json()).error).toBe(code);
  }
  expect(h.logs.filter((l) => l.msg === 'Intake refused').map((l) => String(l.code)).sort()).toEqual(cases.map((c) => c[2]).sort());
  await flush();
  const e = engine;
  const [summary] = await e.control.all<IntakeProblemsDoc>('intake|', 'intake|\ufff0');
  expect(summary!.counts).toEqual({ 'bad-signature': 2, 'stale-timestamp': 1, 'too-large': 1, 'unknown-journey': 1, 'bad-payload': 2 });
  expect(summary!.recent.map((r) => r.message)).toEqual(expect.arrayContaining([expect.stringMatching(/not JSON/), expect.stringMatching(/does not match the body/), expect.stringMatching(/the limit is 2048/)]));
  expect(await h.runs(e)).toHaveLength(0);
});

it('says which journeys an accepted event did not start and why, and asks for a retry while a named journey’s new version is not readable', async () => {
  engine.directory.setControl({ _id: 'jc|signup', type: 'journeyControl', journeyId: 'signup', state: 'paused', updatedAt: Date.now() });
  const paused = await post('/hooks/acme/events', { id: 'ev1', customerId: 'cu1', name: 'signup' });
  expect(paused.status).toBe(202);
  expect(await paused.json()).toMatchObject({ runs: 0, skipped: [{ journeyId: 'signup', reason: 'paused' }] });
  // An event no trigger of the paused journey listens to is not reported as skipped.
  expect(await (await post('/hooks/acme/events', { id: 'ev2', customerId: 'cu1', name: 'browse' })).json()).toMatchObject({ runs: 0, skipped: [] });
  engine.directory.setControl({ _id: 'jc|signup', type: 'journeyControl', journeyId: 'signup', state: 'running', updatedAt: Date.now() });

  // Version 2's list entry is there, its published snapshot not yet (replication order).
  const journeys = new CouchDb(h.admin, tenantDatabaseName('acme', 'journeys'));
  const row = await journeys.get<{ _id: string; _rev: string }>('signup');
  await journeys.put({ ...row!, publishedVersion: 2 });
  await engine.directory.refresh();
  const early = await post('/hooks/acme/events', { id: 'ev3', customerId: 'cu2', name: 'signup', journeyId: 'signup' });
  expect(early.status).toBe(503);
  expect(await early.json()).toMatchObject({ error: 'version-not-ready' });
  expect(await h.runs(engine)).toHaveLength(0);
  await publish(h.admin, 'acme', 'signup', flowOf([node.trigger('t', { type: 'event', eventName: 'signup' }), node.exit('x')], ['t', 'x']), 2);
  await engine.directory.refresh();
  // Readable a few seconds later, not a minute: the retry starts the run.
  await until(async () => (await post('/hooks/acme/events', { id: 'ev3', customerId: 'cu2', name: 'signup', journeyId: 'signup' })).status === 202, 10_000, 'the retry accepted');
  expect((await h.runs(engine)).filter((r) => r.version === 2)).toHaveLength(1);
});
