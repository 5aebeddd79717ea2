import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { commandPrefix, controlCollection, journeyControlId } from '../../common/journeyRuns/ids';
import { tenantDatabaseName } from '../../common/sync/names';
import { readConfig } from './config';
import { CouchDb, couchServer } from './couch';
import { createIntake } from './intake';
import type { IntakeTenant } from './intake';
import { createSenders } from './senders';
import { HttpSender } from './senders/http';
import { SmtpSender } from './senders/smtp';
import type { TenantEngine } from './service';
import { startTenantEngine } from './service';

/**
 * `npm run engine -- <command>` (engine/README.md):
 *   serve --config FILE [--server URL | --couch URL] [--user NAME] [--worker ID]
 *   start --journey ID --tenant T --ids a,b,c [--server URL] [--user NAME]
 *   control pause|resume|kill --journey ID --tenant T [--server URL] [--user NAME]
 * The password of `--user` (a server admin) comes from CX_PASSWORD. Every failure is one sentence
 * on stderr and exit code 1; the server logs one JSON object per line.
 */

const log = (entry: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

function flags(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) out.set(a.slice(2), args[i + 1] ?? '');
  }
  return out;
}

function server(f: Map<string, string>) {
  const url = f.get('couch') ?? f.get('server') ?? 'http://127.0.0.1:5984';
  return couchServer(url, f.get('user'), process.env.CX_PASSWORD);
}

async function serve(f: Map<string, string>): Promise<void> {
  const config = readConfig(f.get('config') ?? 'engine.json');
  const worker = f.get('worker') ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const s = server(f);
  const smtp = config.smtp ? new SmtpSender(config.smtp) : undefined;
  const http = new HttpSender({ providerUrl: config.provider?.url ?? 'http://127.0.0.1:1', ...(config.provider?.token ? { providerToken: config.provider.token } : {}) });
  const engines: TenantEngine[] = [];
  const intakeTenants = new Map<string, IntakeTenant>();
  for (const [tenant, t] of Object.entries(config.tenants)) {
    const senders = createSenders({ ...(smtp ? { email: smtp } : {}), ...(config.provider ? { http: new HttpSender({ providerUrl: config.provider.url, ...(config.provider.token ? { providerToken: config.provider.token } : {}), webhookSecret: t.webhookSecret }) } : { http }) });
    const engine = await startTenantEngine({ server: s, tenant, worker, senders, policy: config.delivery, partitions: config.partitions, leaseTtlMs: config.leaseTtlMs, waitScale: config.waitScale, log: (e) => log({ tenant, worker, ...e }) });
    engines.push(engine);
    intakeTenants.set(tenant, { secret: t.webhookSecret, runs: engine.runs, control: engine.control, directory: engine.directory, partitions: config.partitions });
  }
  const intake = createIntake({ tenants: intakeTenants, worker, log: (e) => log({ worker, ...e }), maxBodyBytes: config.intake.maxBodyBytes });
  const flushTimer = setInterval(() => void intake.flush().catch((e: unknown) => log({ level: 'warn', msg: 'Intake summary not written', error: String(e) })), 2000);
  const http2 = createServer(intake.handle);
  await new Promise<void>((resolve) => http2.listen(config.intake.port, config.intake.host, resolve));
  log({ level: 'info', msg: 'Engine started', worker, server: s.url, intake: `http://${config.intake.host}:${(http2.address() as AddressInfo).port}`, tenants: Object.keys(config.tenants) });
  const stop = async (): Promise<void> => {
    clearInterval(flushTimer);
    http2.close();
    await Promise.all(engines.map((e) => e.stop(true)));
    await intake.flush().catch(() => undefined);
    smtp?.close();
    log({ level: 'info', msg: 'Engine stopped', worker });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

async function command(kind: string, f: Map<string, string>, rest: string[]): Promise<void> {
  const tenant = f.get('tenant') ?? '';
  const journeyId = f.get('journey') ?? '';
  if (!tenant || !journeyId) throw new Error('--tenant and --journey are required.');
  const control = new CouchDb(server(f), tenantDatabaseName(tenant, controlCollection));
  const now = Date.now();
  if (kind === 'start') {
    const ids = (f.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw new Error('--ids a,b,c names no customer.');
    const id = `${commandPrefix}${now}-${randomBytes(4).toString('hex')}`;
    await control.put({ _id: id, type: 'command', command: 'start', journeyId, customers: ids.map((c) => ({ id: c })), createdAt: now, createdBy: 'cli' });
    process.stdout.write(`Start command ${id} written for ${ids.length} customer(s); the engine reports the result in it.\n`);
    return;
  }
  const state = { pause: 'paused', resume: 'running', kill: 'killed' }[rest[0] ?? ''];
  if (!state) throw new Error('control takes pause, resume or kill.');
  const existing = await control.get<{ _id: string; _rev?: string }>(journeyControlId(journeyId));
  await control.put({ _id: journeyControlId(journeyId), ...(existing?._rev ? { _rev: existing._rev } : {}), type: 'journeyControl', journeyId, state, updatedAt: now, updatedBy: 'cli' });
  process.stdout.write(`Journey ${journeyId} is now ${state}.\n`);
}

const [cmd = 'serve', ...rest] = process.argv.slice(2);
const f = flags(rest);
try {
  if (cmd === 'serve') await serve(f);
  else if (cmd === 'start' || cmd === 'control') await command(cmd, f, rest);
  else throw new Error(`Unknown command "${cmd}": serve, start or control.`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
