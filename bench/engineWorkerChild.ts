/**
 * One engine worker process of `npm run bench -- engine` (bench/engine.bench.ts): a tenant engine
 * over the bench's sync server, sending to its receiver. Options come as one JSON argument. On the
 * parent's "stop" message it gives its leases back and answers with what it did: steps, documents
 * written, a histogram of step latencies (ms) and its CPU time; then it exits.
 */
import { createSenders } from '../engine/src/senders';
import { HttpSender } from '../engine/src/senders/http';
import { defaultPolicy } from '../engine/src/policy';
import { startTenantEngine } from '../engine/src/service';
import { adminOf } from '../engine/src/testing/parts';

/** What the parent passes. */
export interface WorkerChildOptions { serverUrl: string; password: string; receiverUrl: string; worker: string; partitions: number; waitScale: number }

/** What the child answers on "stop". */
export interface WorkerChildReport { steps: number; docs: number; latencyHistogram: [ms: number, count: number][]; cpuMs: number; errors: string[] }

const o = JSON.parse(process.argv[2] ?? '{}') as WorkerChildOptions;
let steps = 0;
let docs = 0;
const histogram = new Map<number, number>();
const errors: string[] = [];
const engine = await startTenantEngine({
  server: adminOf(o.serverUrl, o.password), tenant: 'acme', worker: o.worker, partitions: o.partitions, leaseTtlMs: 10_000, waitScale: o.waitScale, batchSize: 500, sendConcurrency: 128,
  senders: createSenders({ http: new HttpSender({ providerUrl: o.receiverUrl }) }),
  policy: { ...defaultPolicy, quietStartHour: 0, quietEndHour: 0, frequencyCap: 0, ratePerSecond: {} },
  log: (e) => { if (e.level === 'error' && errors.length < 20) errors.push(JSON.stringify(e)); },
  onWritten: (s, d, latencies) => {
    steps += s;
    docs += d;
    for (const ms of latencies) {
      const bucket = Math.round(ms);
      histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
    }
  },
});
const cpuAtStart = process.cpuUsage();
process.send!({ ready: true });
// A bench stopped early (killed at the bench lock's time limit) takes its workers with it.
process.on('disconnect', () => process.exit(1));
process.on('message', (m: { stop?: boolean }) => {
  if (!m.stop) return;
  void (async () => {
    const cpu = process.cpuUsage(cpuAtStart);
    await engine.stop(true);
    const report: WorkerChildReport = { steps, docs, latencyHistogram: [...histogram], cpuMs: (cpu.user + cpu.system) / 1000, errors };
    process.send!(report, () => process.exit(0));
  })();
});
