import { randomBytes } from 'node:crypto';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { startTestServer, testPassword } from '../../../sync-server/src/testing/harness';
import type { RunDoc } from '../../../common/journeyRuns/docs';
import { createSenders } from '../senders';
import { HttpSender } from '../senders/http';
import { SmtpSender } from '../senders/smtp';
import type { DeliveryPolicy } from '../policy';
import { defaultPolicy } from '../policy';
import type { TenantEngine } from '../service';
import { startTenantEngine } from '../service';
import type { CouchServer } from '../couch';
import type { Receiver, Smtp } from './parts';
import { adminOf, startReceiver, startSmtp } from './parts';

/** Test support: the real sync server, a provider receiver, an SMTP server and in-process engines. */
export interface Harness {
  sync: TestServer;
  admin: CouchServer;
  receiver: Receiver;
  smtp: Smtp;
  logs: Record<string, unknown>[];
  engine(options?: { policy?: Partial<DeliveryPolicy>; worker?: string; now?: () => number }): Promise<TenantEngine>;
  runs(engine: TenantEngine): Promise<RunDoc[]>;
  close(): Promise<void>;
}

/** Policy for tests: no quiet hours, no cap, fast retries. */
export const testPolicy: DeliveryPolicy = { ...defaultPolicy, quietStartHour: 0, quietEndHour: 0, frequencyCap: 0, baseBackoffMs: 20, maxBackoffMs: 200, maxAttempts: 4, ratePerSecond: {} };

/** Starts the parts. */
export async function startHarness(): Promise<Harness> {
  const sync = await startTestServer();
  const admin = adminOf(sync.url, testPassword);
  const receiver = await startReceiver();
  const smtp = await startSmtp();
  const engines: TenantEngine[] = [];
  const closers: (() => void)[] = [];
  const logs: Record<string, unknown>[] = [];
  return {
    sync, admin, receiver, smtp, logs,
    engine: async (options = {}) => {
      const email = new SmtpSender({ host: '127.0.0.1', port: smtp.port, from: 'journeys@example.com', timeoutMs: 3000 });
      closers.push(() => email.close());
      const senders = createSenders({ email, http: new HttpSender({ providerUrl: receiver.url, webhookSecret: 'w'.repeat(32), timeoutMs: 3000 }) });
      const worker = options.worker ?? `w${randomBytes(2).toString('hex')}`;
      const e = await startTenantEngine({
        server: admin, tenant: 'acme', worker, senders, policy: { ...testPolicy, ...options.policy }, partitions: 4, leaseTtlMs: 1500,
        log: (entry) => logs.push({ worker, ...entry }), waitScale: 1e6, ...(options.now ? { now: options.now } : {}),
      });
      engines.push(e);
      return e;
    },
    runs: (engine) => engine.runs.all<RunDoc>('r|', 'r|\ufff0'),
    close: async () => {
      await Promise.all(engines.map((e) => e.stop(false)));
      for (const c of closers) c();
      await receiver.close();
      await smtp.close();
      await sync.close();
    },
  };
}
