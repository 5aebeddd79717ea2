import { readFileSync } from 'node:fs';
import { isValidTenant } from '../../common/sync/names';
import { defaultPartitions } from '../../common/journeyRuns/ids';
import type { DeliveryPolicy } from './policy';
import { defaultPolicy } from './policy';

/**
 * The engine's configuration file (JSON; engine/README.md, "Configuration"). Secrets may come from
 * the environment instead: `CX_WEBHOOK_SECRET_<TENANT>`, `CX_SMTP_PASSWORD`, `CX_PROVIDER_TOKEN`.
 */
export interface EngineConfig {
  tenants: Record<string, { webhookSecret: string }>;
  smtp?: { host: string; port: number; secure?: boolean; user?: string; password?: string; from: string };
  provider?: { url: string; token?: string };
  delivery: DeliveryPolicy;
  partitions: number;
  leaseTtlMs: number;
  intake: { host: string; port: number; maxBodyBytes: number };
  /** Tests and benchmarks only: divides every wait (1 in production). */
  waitScale: number;
}

/** Reads and checks a configuration; throws one sentence naming what is wrong. */
export function parseConfig(text: string, env: NodeJS.ProcessEnv = process.env): EngineConfig {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('The engine configuration is not valid JSON.');
  }
  const tenantsIn = (raw.tenants ?? {}) as Record<string, { webhookSecret?: unknown }>;
  const tenants: EngineConfig['tenants'] = {};
  for (const [tenant, t] of Object.entries(tenantsIn)) {
    if (!isValidTenant(tenant)) throw new Error(`"${tenant}" is not a tenant id (a lower-case letter, then letters or digits).`);
    const secret = env[`CX_WEBHOOK_SECRET_${tenant.toUpperCase()}`] ?? t?.webhookSecret;
    if (typeof secret !== 'string' || secret.length < 32) throw new Error(`Tenant ${tenant} needs a webhook secret of at least 32 characters (config tenants.${tenant}.webhookSecret or CX_WEBHOOK_SECRET_${tenant.toUpperCase()}).`);
    tenants[tenant] = { webhookSecret: secret };
  }
  if (Object.keys(tenants).length === 0) throw new Error('The engine configuration names no tenant (tenants: { "acme": { … } }).');
  const smtpIn = raw.smtp as EngineConfig['smtp'] | undefined;
  const smtp = smtpIn ? { ...smtpIn, ...(env.CX_SMTP_PASSWORD ? { password: env.CX_SMTP_PASSWORD } : {}) } : undefined;
  if (smtp && (typeof smtp.host !== 'string' || !Number.isInteger(smtp.port) || typeof smtp.from !== 'string')) throw new Error('smtp needs host, port (a whole number) and from.');
  const providerIn = raw.provider as EngineConfig['provider'] | undefined;
  if (providerIn && !/^https?:\/\//.test(String(providerIn.url))) throw new Error('provider.url must be an http(s) address.');
  const provider = providerIn ? { ...providerIn, ...(env.CX_PROVIDER_TOKEN ? { token: env.CX_PROVIDER_TOKEN } : {}) } : undefined;
  const num = (v: unknown, d: number, min: number, max: number, name: string): number => {
    if (v === undefined) return d;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new Error(`${name} must be a number from ${min} to ${max}.`);
    return v;
  };
  const intakeIn = (raw.intake ?? {}) as Record<string, unknown>;
  return {
    tenants,
    ...(smtp ? { smtp } : {}),
    ...(provider ? { provider } : {}),
    delivery: { ...defaultPolicy, ...(raw.delivery as Partial<DeliveryPolicy> | undefined) },
    partitions: num(raw.partitions, defaultPartitions, 1, 999, 'partitions'),
    leaseTtlMs: num(raw.leaseTtlMs, 15_000, 1000, 600_000, 'leaseTtlMs'),
    waitScale: num(raw.waitScale, 1, 1, 1e9, 'waitScale'),
    intake: {
      host: typeof intakeIn.host === 'string' ? intakeIn.host : '127.0.0.1',
      port: num(intakeIn.port, 5985, 0, 65535, 'intake.port'),
      maxBodyBytes: num(intakeIn.maxBodyBytes, 64 * 1024, 1024, 16 * 1024 * 1024, 'intake.maxBodyBytes'),
    },
  };
}

/** Reads the configuration file. */
export function readConfig(path: string): EngineConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Cannot read the engine configuration ${path}.`);
  }
  return parseConfig(text);
}
