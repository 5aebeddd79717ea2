import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { flowOf, node } from '../../common/flowEngine/testFlows';
import type { CommandDoc, RunDoc } from '../../common/journeyRuns/docs';
import { controlCollection, runsCollection } from '../../common/journeyRuns/ids';
import type { TestServer } from '../../sync-server/src/testing/harness';
import { startTestServer, testPassword } from '../../sync-server/src/testing/harness';
import { CouchDb } from './couch';
import type { Receiver } from './testing/parts';
import { adminOf, publish, startReceiver, until } from './testing/parts';

/**
 * Three engine processes (the real CLI, `npm run engine -- serve`) share 300 runs through leases on
 * the real sync server; one is SIGKILLed while runs are mid-flow. Every run must finish, no step may
 * be recorded twice, and every provider request must carry its idempotency key (the receiver
 * delivers each key once, as a provider that honours keys does).
 */

let sync: TestServer;
let receiver: Receiver;
const children: ChildProcess[] = [];
const output: string[][] = [];

beforeAll(async () => {
  sync = await startTestServer();
  receiver = await startReceiver();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await receiver?.close();
  await sync?.close();
});

function startEngine(configPath: string, worker: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/src/index.ts', 'serve', '--config', configPath, '--server', sync.url, '--user', 'root', '--worker', worker], {
    env: { ...process.env, CX_PASSWORD: testPassword }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  output.push(lines);
  child.stdout!.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
  children.push(child);
  return child;
}

it('three engines, one SIGKILLed mid-run: every run finishes, no step twice, every send keyed', async () => {
  const admin = adminOf(sync.url, testPassword);
  await publish(admin, 'acme', 'onboard', flowOf(
    [node.trigger('t'), node.sms('s1', 'Welcome'), node.wait('w1', 1), node.whatsapp('s2', 'Tips'), node.wait('w2', 1), node.ticket('s3', 'Check in'), node.exit('x')],
    ['t', 's1', 'w1', 's2', 'w2', 's3', 'x'],
  ));
  const dir = mkdtempSync(join(tmpdir(), 'cx-engine-'));
  const configPath = join(dir, 'engine.json');
  writeFileSync(configPath, JSON.stringify({
    tenants: { acme: { webhookSecret: 's'.repeat(40) } },
    provider: { url: receiver.url },
    delivery: { quietStartHour: 0, quietEndHour: 0, frequencyCap: 0, baseBackoffMs: 50, maxBackoffMs: 500, ratePerSecond: {} },
    partitions: 12, leaseTtlMs: 2000, waitScale: 43_200, intake: { port: 0 },
  }));
  const victim = startEngine(configPath, 'one');
  startEngine(configPath, 'two');
  startEngine(configPath, 'three');
  const control = new CouchDb(admin, `acme-${controlCollection}`);
  const runs = new CouchDb(admin, `acme-${runsCollection}`);
  await until(async () => {
    try {
      return (await control.all('lease|', 'lease|\ufff0')).length === 12;
    } catch {
      return false;
    }
  }, 30_000, 'all partitions leased');
  const customers = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}` }));
  await control.put({ _id: 'cmd|kill-test', type: 'command', command: 'start', journeyId: 'onboard', customers, createdAt: Date.now() });
  // Kill one process while runs are between steps (some delivered, most not finished).
  await until(() => receiver.delivered.length >= 200, 30_000, 'runs under way');
  victim.kill('SIGKILL');
  const killedAt = receiver.delivered.length;
  await until(async () => (await runs.all<RunDoc>('r|', 'r|\ufff0')).filter((r) => r.state?.status === 'exited').length === 300, 40_000, 'every run finished').catch(async (error: unknown) => {
    const left = (await runs.all<RunDoc>('r|', 'r|\ufff0')).filter((r) => r.state?.status !== 'exited');
    console.log(JSON.stringify(left.slice(0, 2)).slice(0, 3000), left.length, JSON.stringify(output.map((o) => o.filter((l) => !l.includes('Partition claimed')).slice(-8))).slice(0, 5000));
    throw error;
  });

  const all = await runs.all<RunDoc>('r|', 'r|\ufff0');
  expect(all).toHaveLength(300);
  expect(killedAt).toBeLessThan(900);
  for (const run of all) {
    const seqs = run.log.map((l) => l.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const sent = run.log.filter((l) => l.outcome === 'sent' || l.outcome === 'possibleDuplicate').map((l) => l.stepId);
    expect(sent.sort()).toEqual(['s1#1', 's2#1', 's3#1']);
  }
  expect(receiver.requests.every((r) => typeof r.key === 'string' && r.key.length > 0)).toBe(true);
  expect(receiver.delivered).toHaveLength(900);
  expect(new Set(receiver.delivered.map((r) => r.key)).size).toBe(900);
  expect((await control.get<CommandDoc>('cmd|kill-test'))?.result).toMatch(/Started 300 runs/);
  // The survivors took over the killed process's partitions.
  const survivors = output.slice(1).flat().filter((l) => l.includes('Partition claimed')).length;
  expect(survivors).toBeGreaterThan(8);
  console.log(`kill test: ${receiver.requests.length} provider requests for ${receiver.delivered.length} deliveries; ${killedAt} delivered before the kill`);
}, 90_000);
