/**
 * `npm run bench -- engine`: N runs through a 10-step flow (trigger, SMS, wait, condition, SMS, wait,
 * attribute update, ticket, wait, exit) with waits compressed, against our sync server on LevelDB over
 * real HTTP, with 1 and then 3 engine workers sharing the runs through leases. Sends go to a real HTTP
 * receiver. Prints steps/s (interpreter node executions), p99 step latency (a run due → its new state
 * written) and documents written per step. Every part runs in this one process (server, receiver,
 * workers), so on a 2-core machine 3 workers share the cores the server also needs: the figure is a
 * floor for separate machines. ENGINE_BENCH_RUNS sets N (default 5,000; the issue names 100k, which
 * takes minutes here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flowOf, node } from '../common/flowEngine/testFlows';
import type { RunDoc } from '../common/journeyRuns/docs';
import { createSenders } from '../engine/src/senders';
import { HttpSender } from '../engine/src/senders/http';
import { defaultPolicy } from '../engine/src/policy';
import type { TenantEngine } from '../engine/src/service';
import { startTenantEngine } from '../engine/src/service';
import { adminOf, publish, startReceiver } from '../engine/src/testing/parts';
import { startTestServer, testPassword } from '../sync-server/src/testing/harness';
import { createLevelStore } from '../sync-server/src/store/store';
import type { BenchRow } from './report';

const runs = Number(process.env.ENGINE_BENCH_RUNS ?? 5000);

const flow = flowOf([
  node.trigger('t'), node.sms('s1', 'Welcome'), node.wait('w1', 1), node.condition('c', 'plan', 'equals', 'pro'),
  node.sms('s2', 'Tips'), node.wait('w2', 1), node.setAttr('a', 'stage', 'onboarded'), node.ticket('k', 'Call'), node.wait('w3', 1), node.exit('x'),
], ['t', 's1', 'w1', 'c']);
flow.edges.push(
  { id: 'cy', source: 'c', target: 's2', sourceHandle: 'yes' }, { id: 'cn', source: 'c', target: 's2', sourceHandle: 'no' },
  { id: 'e1', source: 's2', target: 'w2', sourceHandle: 'out' }, { id: 'e2', source: 'w2', target: 'a', sourceHandle: 'out' },
  { id: 'e3', source: 'a', target: 'k', sourceHandle: 'out' }, { id: 'e4', source: 'k', target: 'w3', sourceHandle: 'out' },
  { id: 'e5', source: 'w3', target: 'x', sourceHandle: 'out' },
);

async function once(workers: number): Promise<{ stepsPerSecond: number; p99: number; docsPerStep: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-engine-bench-'));
  const sync = await startTestServer({ store: createLevelStore(dir) });
  const receiver = await startReceiver();
  const admin = adminOf(sync.url, testPassword);
  await publish(admin, 'acme', 'bench', flow);
  let steps = 0;
  let docs = 0;
  const latencies: number[] = [];
  const engines: TenantEngine[] = [];
  for (let i = 0; i < workers; i++) {
    engines.push(await startTenantEngine({
      server: admin, tenant: 'acme', worker: `bench${i}`, partitions: 12, leaseTtlMs: 10_000, waitScale: 86_400 * 10, batchSize: 500, sendConcurrency: 128,
      senders: createSenders({ http: new HttpSender({ providerUrl: receiver.url }) }),
      policy: { ...defaultPolicy, quietStartHour: 0, quietEndHour: 0, frequencyCap: 0, ratePerSecond: {} },
      log: (e) => { if (e.level === 'error') console.log(`  engine: ${JSON.stringify(e)}`); },
      onWritten: (s, d, l) => { steps += s; docs += d; for (const x of l) latencies.push(x); },
    }));
  }
  // Let every worker take its share of the partitions before the runs arrive.
  await new Promise((r) => setTimeout(r, 4000));
  const control = engines[0]!.control;
  const started = performance.now();
  for (let i = 0; i < runs; i += 10_000) {
    await control.put({ _id: `cmd|bench-${i}`, type: 'command', command: 'start', journeyId: 'bench', customers: Array.from({ length: Math.min(10_000, runs - i) }, (_, j) => ({ id: `c${i + j}`, attributes: { plan: (i + j) % 3 ? 'free' : 'pro' } })), createdAt: Date.now() });
  }
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    if (receiver.delivered.length < runs * 3) continue;
    const finished = (await engines[0]!.runs.all<RunDoc>('r|', 'r|\ufff0')).filter((r) => r.state?.status === 'exited').length;
    if (finished === runs) break;
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(engines.map((e) => e.stop(true)));
  await receiver.close();
  await sync.close();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  return { stepsPerSecond: steps / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, docsPerStep: docs / steps, seconds };
}

export default async function bench(report: (row: BenchRow) => void): Promise<void> {
  for (const workers of [1, 3]) {
    const r = await once(workers);
    const label = `${runs} runs × 10 steps, ${workers} worker${workers > 1 ? 's' : ''}`;
    report({ name: `${label}: steps/s`, value: r.stepsPerSecond, unit: 'steps/s', against: { value: 2000, label: 'aim (3 workers)', higherIsBetter: true } });
    report({ name: `${label}: p99 step latency`, value: r.p99, unit: 'ms' });
    report({ name: `${label}: documents written per step`, value: r.docsPerStep, unit: 'docs' });
    report({ name: `${label}: wall time`, value: r.seconds, unit: 's' });
  }
}
