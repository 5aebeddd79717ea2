import { afterEach, describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { builtInTemplates, createFromTemplate, newId, type PersonaDoc } from '../../../../common/persona';
import { createSyncFetch } from '../../../../common/sync/fetch';
import { accounts, basic, startTestServer, type TestServer } from '../../../../sync-server/src/testing/harness';
import { setSignedInUser } from '../../app/authorName';
import { createDatabase, type Workspace } from '../../db/database';
import { startSync, type SyncSession } from '../../sync/engine';
import { createPersona, loadPersona, savePersonaMerged } from './store';

// Each laptop opens only personas and history: free RxDB caps open collections at 13 per process.
const open: { db: Workspace; session?: SyncSession }[] = [];
let server: TestServer | undefined;
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.session?.stop();
    await o.db.close();
  }
  await server?.close();
  server = undefined;
  setSignedInUser(null);
});
async function laptop(name: string) {
  const db = await createDatabase(getRxStorageMemory(), `${name}${Math.random().toString(36).slice(2, 8)}`, { author: name, only: ['personas', 'history'] });
  open.push({ db });
  return db;
}
const sample = (): PersonaDoc => createFromTemplate(builtInTemplates[0]!, { ids: newId, now: Date.now() - 60_000, author: 'ana' });
const retitle = (p: PersonaDoc, index: number, title: string): PersonaDoc =>
  ({ ...p, sections: p.sections.map((s, i) => (i === index ? { ...s, title } : s)) });
const conflicts = async (db: Workspace) => (await db.history.find({ selector: { kind: 'conflict' } }).exec()).map((d) => d.toJSON() as Record<string, unknown>);

/** A teammate's edit landing in the local database the way replication writes it (not through the editor). */
async function teammateWrites(db: Workspace, doc: PersonaDoc) {
  await (await db.personas.findOne(doc.id).exec())!.incrementalModify(() => ({ ...doc }));
}

describe('the persona editor’s save merges against the database at write time', () => {
  test('a teammate’s edit of another section, arriving between the editor’s read and its write, survives', async () => {
    const db = await laptop('a');
    const p = sample();
    await createPersona(db, p, 'First');
    const seen = (await loadPersona(db, p.id))!;
    await teammateWrites(db, retitle(seen, 1, 'Bo’s title', ), );
    const r = await savePersonaMerged(db, retitle(seen, 0, 'My title'), Date.now(), seen);
    if (!r.ok) throw new Error(r.message);
    expect(r.data.merged).toBe(true);
    const stored = (await loadPersona(db, p.id))!;
    expect(stored.sections.map((s) => s.title).slice(0, 2)).toEqual(['My title', 'Bo’s title']);
    expect(await conflicts(db)).toEqual([]);
  });

  test('the same field edited on both: the later stamp wins, the other version is kept in history as a conflict', async () => {
    const db = await laptop('a');
    setSignedInUser('Ana Lima');
    const p = sample();
    await createPersona(db, p, 'First');
    const seen = (await loadPersona(db, p.id))!;
    await teammateWrites(db, { ...seen, name: 'Bo’s name', updatedAt: seen.updatedAt + 10, updatedBy: 'Bo' });
    const r = await savePersonaMerged(db, { ...seen, name: 'My name' }, seen.updatedAt + 20, seen);
    if (!r.ok) throw new Error(r.message);
    expect((await loadPersona(db, p.id))!.name).toBe('My name');
    expect((await loadPersona(db, p.id))!.updatedBy).toBe('Ana Lima');
    const [kept, ...more] = await conflicts(db);
    expect(more).toEqual([]);
    expect(kept).toMatchObject({ entity: 'persona', entityId: p.id, author: 'Ana Lima', snapshot: { name: 'Bo’s name', updatedBy: 'Bo' } });
    expect(String(kept!.summary)).toContain('name');
  });

  test('a teammate whose stamp is later wins the disputed field even though we write last; ours is kept', async () => {
    const db = await laptop('a');
    const p = sample();
    await createPersona(db, p, 'First');
    const seen = (await loadPersona(db, p.id))!;
    const future = Date.now() + 60_000;
    await teammateWrites(db, { ...seen, name: 'Bo’s name', updatedAt: future, updatedBy: 'Bo' });
    const r = await savePersonaMerged(db, { ...seen, name: 'My name' }, Date.now(), seen);
    if (!r.ok) throw new Error(r.message);
    expect(r.data.doc.name).toBe('Bo’s name');
    // The write is still the newest thing to happen to the document.
    expect(r.data.doc.updatedAt).toBeGreaterThan(future);
    expect((await conflicts(db))[0]?.snapshot).toMatchObject({ name: 'My name' });
  });

  test('an edit to a persona deleted meanwhile survives, and the deletion is listed as a conflict', async () => {
    const db = await laptop('a');
    const p = sample();
    await createPersona(db, p, 'First');
    const seen = (await loadPersona(db, p.id))!;
    await (await db.personas.findOne(p.id).exec())!.remove();
    const r = await savePersonaMerged(db, { ...seen, name: 'Still here' }, Date.now(), seen);
    expect(r.ok).toBe(true);
    expect((await loadPersona(db, p.id))?.name).toBe('Still here');
    expect(String((await conflicts(db))[0]?.summary)).toContain('deleted there');
  });
});

describe('two laptops editing one persona through the sync server', () => {
  test('A saves an edit of section 1 after B’s edit of section 2 replicated in under it: both keep both', async () => {
    server = await startTestServer();
    const [a, b] = [await laptop('a'), await laptop('b')];
    const connect = (db: Workspace, name: string) => {
      const session = startSync(db, { serverUrl: server!.url, tenant: 'acme', clientId: name, fetch: createSyncFetch({ authorization: () => basic(accounts.acmeEditor), idleTimeoutMs: 70_000 }) });
      open.find((o) => o.db === db)!.session = session;
      return session;
    };
    const p = sample();
    await createPersona(a, p, 'First');
    const [sa, sb] = [connect(a, 'a'), connect(b, 'b')];
    const until = async (db: Workspace, ok: (d: PersonaDoc | null) => boolean, what: string) => {
      for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 50))) {
        const d = await loadPersona(db, p.id);
        if (ok(d)) return d!;
        if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      }
    };
    const seenOnA = await until(a, (d) => d !== null, 'persona on a');
    const seenOnB = await until(b, (d) => d !== null, 'persona on b');
    await Promise.all([sa.awaitInSync(), sb.awaitInSync()]);
    // A's editor holds seenOnA; B edits section 2, which replicates into A's database.
    const rb = await savePersonaMerged(b, retitle(seenOnB, 1, 'From B'), Date.now(), seenOnB);
    expect(rb.ok).toBe(true);
    await until(a, (d) => d?.sections[1]?.title === 'From B', 'B’s edit on a');
    const ra = await savePersonaMerged(a, retitle(seenOnA, 0, 'From A'), Date.now(), seenOnA);
    expect(ra.ok && ra.data.merged).toBe(true);
    const both = (d: PersonaDoc | null) => d?.sections[0]?.title === 'From A' && d.sections[1]?.title === 'From B';
    await until(a, both, 'both edits on a');
    await until(b, both, 'both edits on b');
    expect(await conflicts(a)).toEqual([]);
  }, 40_000);
});
