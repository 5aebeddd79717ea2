import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectionSchemas } from '../../common/db/collections';
import type { CollectionName } from '../../common/db/collections';
import { tenantDatabaseName } from '../../common/sync/names';
import { hashPassword } from '../../sync-server/src/auth/passwords';
import { Registry } from '../../sync-server/src/auth/registry';
import { ensureTenantDatabases } from '../../sync-server/src/cli/manage';
import { createLevelStore } from '../../sync-server/src/store/store';
import { startChildServer } from '../../sync-server/src/testing/child';
import type { ChildServer } from '../../sync-server/src/testing/child';
import { startFaultProxy } from '../../sync-server/src/testing/faultProxy';
import type { Fault } from '../../sync-server/src/testing/faultProxy';
import { basic, testPassword } from '../../sync-server/src/testing/harness';
import { content, lostWrites, newDoc, plan, sharedJourney, sharedPersona } from './plan';
import type { LaptopCommand } from './protocol';

/**
 * The sync chaos run (issue 20): three laptops, each the app's real sync layer in its own process,
 * write to every collection through a seeded fault proxy (drops before and after the server
 * acted, delays, truncated answers, 503s) while the real server process is SIGKILLed and restarted
 * once. Then the faults stop and every laptop must converge to the server with no acknowledged
 * write lost.
 */

const collections = Object.keys(collectionSchemas) as CollectionName[];
const entry = join(dirname(fileURLToPath(import.meta.url)), 'laptop.ts');

/** A laptop process. */
export interface Laptop { send(command: LaptopCommand): Promise<unknown>; kill(): void }

/** Starts a laptop process and waits until it listens. */
export async function startLaptop(): Promise<Laptop> {
  const child: ChildProcess = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { ready?: boolean; id?: number; result?: unknown; error?: string }) => {
      if (m.ready) return resolve();
      const w = waiting.get(m.id ?? -1);
      waiting.delete(m.id ?? -1);
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve(m.result);
    });
  });
  return {
    send: (command) => new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      child.send({ id, command });
    }),
    kill: () => void child.kill('SIGKILL'),
  };
}

/** What one seed did and found. */
export interface ChaosSummary {
  seed: number;
  steps: number;
  faults: Record<Fault, number>;
  killedAtStep: number;
  convergedMs: number;
  converged: boolean;
  lost: string[];
  /** When not converged: the documents whose content differs between the server and a laptop (at most 10). */
  diverged?: string[];
  /** When documents differ: each laptop's trace of them (scripts/syncChaos/trace.ts). */
  traces?: string[];
  /** Notices the laptops show at the end (healing after a rewound feed says so). */
  notices?: string[];
}

/** Options of {@link runChaos}. */
export interface ChaosOptions { seed: number; steps?: number; faultRate?: number; settleMs?: number }

/** Runs one seed with the given laptop processes (reused across seeds; each seed opens fresh databases). */
export async function runChaos(laptops: Laptop[], options: ChaosOptions): Promise<ChaosSummary> {
  const { seed } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'cx-chaos-'));
  const registry = new Registry(join(dataDir, 'users.json'));
  const hash = await hashPassword(testPassword);
  registry.setAdmin('root', hash);
  registry.addTenant('acme');
  registry.setUser('acme', 'ed', { hash, role: 'editor' });
  const store = createLevelStore(dataDir);
  await ensureTenantDatabases(store, 'acme');
  await store.close();
  let server: ChildServer = await startChildServer(dataDir);
  const proxy = await startFaultProxy({ target: server.url, seed, rate: 0, maxDelayMs: 250 });
  const names = laptops.map((_, i) => `l${i}s${seed}r${Math.random().toString(36).slice(2, 6)}`);
  try {
    for (const [i, laptop] of laptops.entries()) await laptop.send({ type: 'open', name: names[i]!, serverUrl: proxy.url, authorization: basic('acme/ed') });
    // The shared documents exist everywhere before the faults start.
    await laptops[0]!.send({ type: 'create', collection: 'personas', doc: newDoc('personas', sharedPersona, 'shared', 1_600_000_000_000) });
    await laptops[0]!.send({ type: 'create', collection: 'journeys', doc: newDoc('journeys', sharedJourney, 'shared', 1_600_000_000_000) });
    await until(async () => (await Promise.all(laptops.map(async (l) => dumpOf(l)))).every((d) => d.personas?.some((p) => p.id === sharedPersona) && d.journeys?.some((j) => j.id === sharedJourney)), 90_000);

    const { steps, expected } = plan(seed, options.steps ?? 60, laptops.length);
    proxy.setRate(options.faultRate ?? 0.3);
    const killedAtStep = Math.floor(steps.length * (0.3 + 0.4 * ((seed * 2654435761) % 1000) / 1000));
    let restarting: Promise<void> | undefined;
    const replaced = new Set<string>();
    for (const [i, step] of steps.entries()) {
      if (i === killedAtStep) {
        server.proc.kill('SIGKILL');
        await server.exited;
        const port = server.port;
        restarting = (async () => {
          await sleep(300);
          server = await startChildServer(dataDir, port);
        })();
      }
      const result = await laptops[step.laptop]!.send(step.command);
      if (step.command.type === 'set' && typeof (result as { name?: unknown } | null)?.name === 'string') replaced.add((result as { name: string }).name);
      await sleep(5 + (i % 4) * 5);
    }
    await restarting;
    proxy.setRate(0);
    const started = Date.now();
    const state = async () => {
      const dumps = await Promise.all(laptops.map((l) => dumpOf(l)));
      const onServer = await serverState(server.url);
      const same = dumps.every((d) => collections.every((c) => fingerprint(d[c] ?? []) === fingerprint(onServer[c] ?? [])));
      return { dumps, onServer, same };
    };
    let last = await state();
    const deadline = Date.now() + (options.settleMs ?? 60_000);
    while (!last.same && Date.now() < deadline) {
      await sleep(250);
      last = await state();
    }
    // Each loss names where it is seen (the server, a laptop, or both), so a failed seed says which side kept the wrong state.
    const where = new Map<string, string[]>();
    for (const [label, s] of [['server', last.onServer], ...last.dumps.map((d, i) => [`laptop ${i}`, d] as const)] as const) {
      for (const problem of lostWrites(expected, s, replaced)) where.set(problem, [...(where.get(problem) ?? []), label]);
    }
    const lost = [...where].map(([problem, seen]) => `${problem} (on ${seen.join(', ')})`);
    const diverged = last.same ? [] : divergence(last.onServer, last.dumps);
    const notices = (await Promise.all(laptops.map((l) => l.send({ type: 'status' }) as Promise<{ notice?: string } | null>))).flatMap((s, i) => (s?.notice ? [`laptop ${i}: ${s.notice}`] : []));
    // The story of each differing document (at most 3), as every laptop saw it.
    const traces: string[] = [];
    const differing = [...new Set(diverged.map((line) => /^laptop \d+ \w+\/(\S+):/.exec(line)?.[1]).filter((id): id is string => id !== undefined))].slice(0, 3);
    for (const id of differing) {
      for (const [i, laptop] of laptops.entries()) traces.push(`${id} on laptop ${i}:`, ...((await laptop.send({ type: 'trace', id })) as string[]));
    }
    return { seed, steps: steps.length, faults: { ...proxy.counts }, killedAtStep, convergedMs: Date.now() - started, converged: last.same, lost, ...(diverged.length ? { diverged } : {}), ...(traces.length ? { traces } : {}), ...(notices.length ? { notices } : {}) };
  } finally {
    for (const laptop of laptops) await laptop.send({ type: 'close' }).catch(() => {});
    await proxy.close();
    if (server.proc.exitCode === null && server.proc.signalCode === null) {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function dumpOf(laptop: Laptop): Promise<Record<string, Record<string, unknown>[]>> {
  return (await laptop.send({ type: 'dump' })) as Record<string, Record<string, unknown>[]>;
}

async function serverState(url: string): Promise<Record<string, Record<string, unknown>[]>> {
  // The harness's own reads go straight to the server; under heavy machine load one can still be
  // reset, which must not end a 100-seed run (it did once): a few tries.
  for (let attempt = 1; ; attempt++) {
    try {
      return await serverStateOnce(url);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500 * attempt);
    }
  }
}

async function serverStateOnce(url: string): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const c of collections) {
    const response = await fetch(`${url}/${tenantDatabaseName('acme', c)}/_all_docs?include_docs=true`, { headers: { authorization: basic('root') } });
    const body = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
    out[c] = body.rows.map((r) => JSON.parse(content(r.doc)) as Record<string, unknown>);
  }
  return out;
}

function divergence(onServer: Record<string, Record<string, unknown>[]>, dumps: Record<string, Record<string, unknown>[]>[]): string[] {
  const out: string[] = [];
  for (const c of collections) {
    const server = new Map((onServer[c] ?? []).map((d) => [String(d.id), content(d)]));
    for (const [i, dump] of dumps.entries()) {
      const local = new Map((dump[c] ?? []).map((d) => [String(d.id), content(d)]));
      for (const id of new Set([...server.keys(), ...local.keys()])) {
        if (server.get(id) !== local.get(id)) out.push(`laptop ${i} ${c}/${id}: server ${server.get(id)?.slice(0, 200) ?? 'none'}, laptop ${local.get(id)?.slice(0, 200) ?? 'none'}`);
      }
    }
  }
  return out.slice(0, 10);
}

function fingerprint(docs: Record<string, unknown>[]): string {
  return docs.map(content).sort().join('\n');
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the laptops did not get the shared documents in time');
    await sleep(100);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
