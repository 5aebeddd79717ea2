import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createSyncFetch } from '../../../common/sync/fetch';
import { createBlankPersona } from '../../../common/persona/instantiate';
import { accounts, basic, startTestServer } from '../../../sync-server/src/testing/harness';
import type { TestServer } from '../../../sync-server/src/testing/harness';
import { createDatabase } from '../db/database';
import type { Workspace } from '../db/database';
import { startSync } from './engine';
import { losingFetch } from './losingFetch.testing';

/**
 * The server applies a push but its answer never arrives (Wi-Fi drop, server killed right after
 * commit), and the user edits again before the retry. The retry must recognise the server's copy
 * as this laptop's own write, not merge with it as if a teammate had made it (issue 20, item 1).
 */

let server: TestServer | undefined;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await server?.close();
});


async function laptop(name: string, retryMs: number) {
  const net = losingFetch();
  const db = await createDatabase(getRxStorageMemory(), `${name}${Math.random().toString(36).slice(2, 8)}`, { author: name, only: ['personas', 'history'] });
  const session = startSync(db, {
    serverUrl: server!.url, tenant: 'acme', clientId: name, writerId: `${name}-writer`,
    fetch: createSyncFetch({ fetch: net.fetch, authorization: () => basic(accounts.acmeEditor) }), safetyResyncMs: 60_000, retryMs, log: () => {},
  });
  cleanup.push(async () => {
    await session.stop();
    await db.close();
  });
  return { db, session, net };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await sleep(50);
}
const serverDoc = async (id: string) => (await (await fetch(`${server!.url}/acme-personas/${id}`, { headers: { authorization: basic(accounts.admin) } })).json()) as Record<string, unknown> & { sections: { id: string }[] };
const conflicts = async (db: Workspace) => (await db.history.find().exec()).filter((h) => h.kind === 'conflict').length;

describe('a push whose answer was lost', () => {
  test('a new document edited before the retry keeps the edit (a removed section stays removed)', { timeout: 30_000 }, async () => {
    server = await startTestServer();
    const a = await laptop('a', 400);
    await a.session.awaitInSync();
    let n = 0;
    const persona = createBlankPersona({ ids: () => `p${n++}`, now: Date.now(), author: 'a' }, 'Dana');
    persona.sections.push({ ...persona.sections[0]!, id: 'extra' });
    a.net.arm();
    await a.db.personas.insert(persona);
    await until(async () => a.net.lost() === 1);
    // The user removes the extra section before the retry goes out.
    const doc = await a.db.personas.findOne(persona.id).exec();
    await doc!.incrementalPatch({ sections: persona.sections.filter((s) => s.id !== 'extra'), updatedAt: Date.now() });
    await until(async () => (await serverDoc(persona.id).catch(() => null))?.sections?.length === 1);
    await sleep(800);
    expect((await serverDoc(persona.id)).sections.map((s) => s.id)).toEqual([persona.sections[0]!.id]);
    expect(((await a.db.personas.findOne(persona.id).exec())!.toJSON() as unknown as { sections: unknown[] }).sections).toHaveLength(1);
    expect(await conflicts(a.db)).toBe(0);
  });

  test("a teammate's save on top of our lost write does not let our older text beat our newer one", { timeout: 30_000 }, async () => {
    server = await startTestServer();
    const a = await laptop('a', 1_500);
    const b = await laptop('b', 300);
    let n = 0;
    const persona = createBlankPersona({ ids: () => `q${n++}`, now: Date.now(), author: 'a' }, 'Dana');
    await a.db.personas.insert({ ...persona, role: 'first' });
    await until(async () => (await serverDoc(persona.id).catch(() => null))?.role === 'first');
    await b.session.awaitInSync();
    b.session.syncNow();
    await until(async () => (await b.db.personas.findOne(persona.id).exec()) !== null);

    // a's edit reaches the server, its answer is lost; a edits the same field again at once.
    a.net.arm();
    const onA = await a.db.personas.findOne(persona.id).exec();
    await onA!.incrementalPatch({ role: 'second', updatedAt: Date.now() });
    await until(async () => a.net.lost() === 1);
    await onA!.incrementalPatch({ role: 'third', updatedAt: Date.now() });
    // b takes the server's copy and saves another field, later than both of a's edits.
    b.session.syncNow();
    await until(async () => (await b.db.personas.findOne(persona.id).exec())?.role === 'second');
    await sleep(20);
    const onB = await b.db.personas.findOne(persona.id).exec();
    await onB!.incrementalPatch({ name: 'Dana B', updatedAt: Date.now() + 1_000 });
    await until(async () => (await serverDoc(persona.id)).name === 'Dana B');

    await until(async () => (await serverDoc(persona.id)).role === 'third', 20_000);
    const final = await serverDoc(persona.id);
    expect({ role: final.role, name: final.name }).toEqual({ role: 'third', name: 'Dana B' });
    expect(await conflicts(a.db)).toBe(0);
  });
});
