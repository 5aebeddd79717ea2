import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A journey engine process for e2e specs (`npm run engine`'s module), signed in to a sync server as a server admin. */
export interface EngineProcess {
  /** The engine's event intake, e.g. http://127.0.0.1:41234. */
  intakeUrl: string;
  /** Every line the engine printed so far (JSON log lines), for a failure's post-mortem. */
  log(): string;
  /** Sends one signed event to tenant `acme` (HMAC-SHA256 of "<timestamp>.<body>"); answers the status and the runs it started. */
  sendEvent(customerId: string, id: string, name?: string): Promise<{ status: number; runs?: number }>;
  stop(): void;
}

/** The webhook secret of tenant `acme` in every spec's engine. */
export const engineSecret = 'e2e-webhook-secret-of-at-least-32-chars';

/**
 * Starts the engine for tenant `acme` and waits for its "Engine started" line (which names the
 * intake address). `config` adds to or replaces the defaults: 4 partitions, 3 s leases, no quiet
 * hours or frequency cap, fast retries, the intake on a free port.
 */
export async function startEngineProcess(syncUrl: string, user: string, password: string, config: Record<string, unknown>): Promise<EngineProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'cx-e2e-engine-'));
  const path = join(dir, 'engine.json');
  writeFileSync(path, JSON.stringify({
    tenants: { acme: { webhookSecret: engineSecret } },
    delivery: { quietStartHour: 0, quietEndHour: 0, frequencyCap: 0, baseBackoffMs: 50, maxBackoffMs: 200, maxAttempts: 3 },
    partitions: 4, leaseTtlMs: 3000, intake: { port: 0 },
    ...config,
  }));
  // One process (node with tsx's loader, as `npm run engine` runs it), so SIGTERM reaches the engine itself.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'engine/src/index.ts', 'serve', '--config', path, '--server', syncUrl, '--user', user], { env: { ...process.env, CX_PASSWORD: password }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  const intakeUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start:\n${log}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const found = /"msg":"Engine started"[^\n]*?"intake":"(http:\/\/[^"]+)"/.exec(log)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.on('exit', (code) => reject(new Error(`engine exited with ${code}:\n${log}`)));
  });
  return {
    intakeUrl,
    log: () => log,
    sendEvent: async (customerId, id, name = 'cart.abandoned') => {
      const body = JSON.stringify({ customerId, id, name, attributes: { email: customerId } });
      const ts = String(Math.floor(Date.now() / 1000));
      const sig = createHmac('sha256', engineSecret).update(`${ts}.${body}`).digest('hex');
      const r = await fetch(`${intakeUrl}/hooks/acme/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cx-timestamp': ts, 'x-cx-signature': `sha256=${sig}` }, body });
      return { status: r.status, ...((await r.json()) as { runs?: number }) };
    },
    stop: () => { child.kill('SIGTERM'); },
  };
}
