import { afterAll, beforeAll, expect, test } from 'vitest';
import { runFuzz } from './testing/fuzz';
import type { TestServer } from './testing/harness';
import { call, startTestServer } from './testing/harness';

/**
 * Seeded fuzzing of every route (testing/fuzz.ts): every client mistake must be a 4xx with a
 * CouchDB-shaped reason, never a 5xx, and the server must keep answering. The long run with more
 * seeds is `npm run fuzz:sync-server`.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 256 * 1024 });
});
afterAll(async () => server.close());

test('1,500 seeded hostile requests: no 5xx, no crash, every error CouchDB-shaped', async () => {
  const report = await runFuzz(server.url, 22, 1500);
  expect(report.failures).toEqual([]);
  expect(report.sent).toBe(1500);
  // The mix reached the routes, not only the front door.
  for (const status of [200, 201, 400, 401, 403, 404]) expect(report.byStatus.get(status) ?? 0).toBeGreaterThan(0);
  const bugs = server.log.lines.filter((l) => l.msg === 'request failed' || l.msg === 'handler crashed');
  expect(bugs).toEqual([]);
  expect((await call(`${server.url}/_up`, undefined)).status).toBe(200);
}, 120_000);
