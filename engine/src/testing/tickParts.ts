import { afterEach, beforeEach } from 'vitest';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { startTestServer, testPassword } from '../../../sync-server/src/testing/harness';
import type { CouchDb, CouchServer } from '../couch';
import { engineDatabases } from '../service';
import type { Receiver } from './parts';
import { adminOf, startReceiver } from './parts';

/** The real parts of a test that drives workers tick by tick, made afresh for each test. */
export interface TickParts {
  sync: TestServer;
  admin: CouchServer;
  receiver: Receiver;
  dbs: { runs: CouchDb; control: CouchDb };
}

/**
 * Registers hooks that start a sync server, the provider receiver and tenant acme's engine
 * databases before each test and close them after it; the returned object holds the current ones.
 */
export function useTickParts(): TickParts {
  const parts = {} as TickParts;
  beforeEach(async () => {
    parts.sync = await startTestServer();
    parts.admin = adminOf(parts.sync.url, testPassword);
    parts.receiver = await startReceiver();
    parts.dbs = await engineDatabases(parts.admin, 'acme');
  });
  afterEach(async () => {
    // Requests a test held back are answered first, so the receiver can close.
    parts.receiver.release();
    await parts.receiver.close();
    await parts.sync.close();
  });
  return parts;
}
