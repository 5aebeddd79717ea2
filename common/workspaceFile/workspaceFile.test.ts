import { describe, expect, test } from 'vitest';
import { builtInTemplates } from '../journey/templates/index';
import { samplePersona, samplePhoto } from '../export/samplePersona';
import { emptyCollections, workspaceFileType, type WorkspaceContent, type WorkspaceDoc } from './format';
import { isEncryptedWorkspaceFile, readWorkspaceFile, writeWorkspaceFile } from './file';
import { conflictCount, planRestore } from './restore';

const fast = { iterations: 100_000 }; // the floor the reader accepts; keeps the loops quick
const enc = new TextEncoder();
const dec = new TextDecoder();

function workspace(): WorkspaceContent {
  const c = emptyCollections();
  const template = builtInTemplates()[0];
  c.personas.push(samplePersona('Анна Петрова', 'p1') as unknown as WorkspaceDoc, samplePersona('مريم الحسن', 'p2') as unknown as WorkspaceDoc);
  if (template) c.journeys.push({ id: 'j1', ...structuredClone(template.body), status: 'draft', personaIds: [], publishedVersion: 0, createdAt: 1, updatedAt: 1 } as unknown as WorkspaceDoc);
  c.history.push({ id: 'h1', kind: 'version', entity: 'persona', entityId: 'p1', number: 1, author: 'L', summary: 'first', snapshot: samplePersona(), createdAt: 1 });
  c.datasets.push({ id: 'd1', kind: 'header', datasetId: 'd1', name: 'Survey', rowCount: 3 }, { id: 'd1--0', kind: 'chunk', datasetId: 'd1', chunkIndex: 0, chunkRows: 3, data: { format: 1, columns: { nps: [9, 7, 3] } } });
  c.snapshots.push({ id: 's1', entity: 'persona', entityId: 'p1', day: '2026-11-01', metrics: { responses: 3 }, computedAt: 1 });
  c.assets.push({ id: 'photo-1', ...samplePhoto, createdAt: 1 });
  c.templates.push({ id: 't1', entity: 'persona', name: 'Mine', body: { sections: [] }, createdAt: 1, updatedAt: 1 });
  return { name: 'Acme bundle', createdAt: 1_760_000_000_000, collections: c };
}
const failCode = async (bytes: Uint8Array, opts: Parameters<typeof readWorkspaceFile>[1] = {}) => {
  const r = await readWorkspaceFile(bytes, opts);
  return r.ok ? 'ok' : r.code;
};

describe('workspace file', () => {
  test('a plain backup round-trips every collection, datasets with their chunks', async () => {
    const ws = workspace();
    const bytes = await writeWorkspaceFile(ws);
    expect(JSON.parse(dec.decode(bytes))).toMatchObject({ type: workspaceFileType, version: 1 });
    const r = await readWorkspaceFile(bytes);
    if (!r.ok) throw new Error(r.message);
    expect(r.encrypted).toBe(false);
    expect(r.content).toEqual(ws);
  });

  test('a password-protected bundle round-trips and hides the content', async () => {
    const ws = workspace();
    const bytes = await writeWorkspaceFile(ws, { password: 'correct horse', ...fast });
    expect(dec.decode(bytes)).not.toContain('Анна');
    expect(dec.decode(bytes)).not.toContain('Acme');
    expect(isEncryptedWorkspaceFile(bytes)).toBe(true);
    expect(await failCode(bytes)).toBe('password-required');
    const r = await readWorkspaceFile(bytes, { password: 'correct horse' });
    expect(r.ok && r.content).toEqual(ws);
  });

  test('refuses wrong passwords', async () => {
    const bytes = await writeWorkspaceFile(workspace(), { password: 'correct horse', ...fast });
    for (const password of ['Correct horse', 'correct horse ', 'x', '🐴']) expect(await failCode(bytes, { password })).toBe('wrong-password');
  });

  test('refuses tampered ciphertext or header instead of decrypting something else', async () => {
    const bytes = await writeWorkspaceFile(workspace(), { password: 'pw', ...fast });
    const file = JSON.parse(dec.decode(bytes));
    const data: string = file.data;
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const variants = [
      { ...file, data: flip(data, 10) },
      { ...file, data: flip(data, data.length - 5) },
      { ...file, data: data.slice(0, -8) },
      { ...file, encrypted: { ...file.encrypted, iv: flip(file.encrypted.iv, 2) } },
      { ...file, encrypted: { ...file.encrypted, salt: flip(file.encrypted.salt, 3) } },
      { ...file, encrypted: { ...file.encrypted, iterations: file.encrypted.iterations + 1 } },
    ];
    for (const v of variants) expect(await failCode(enc.encode(JSON.stringify(v)), { password: 'pw' })).toBe('wrong-password');
  });

  test('refuses weakened or hostile encryption headers without deriving a key', async () => {
    const bytes = await writeWorkspaceFile(workspace(), { password: 'pw', ...fast });
    const file = JSON.parse(dec.decode(bytes));
    for (const encrypted of [null, 'x', { ...file.encrypted, iterations: 1 }, { ...file.encrypted, iterations: 1e12 }, { ...file.encrypted, kdf: 'MD5' },
      { ...file.encrypted, cipher: 'AES-CBC' }, { ...file.encrypted, iv: '' }, { ...file.encrypted, salt: 'short' }]) {
      const r = await readWorkspaceFile(enc.encode(JSON.stringify({ ...file, encrypted })), { password: 'pw' });
      expect(r.ok ? 'ok' : r.code).toBe('invalid-document');
      expect(r.ok ? [] : r.problems.map((p) => p.path)[0]).toMatch(/^encrypted/);
    }
  });

  test('refuses truncated files at any length', async () => {
    for (const password of [undefined, 'pw']) {
      const bytes = await writeWorkspaceFile(workspace(), password ? { password, ...fast } : {});
      for (const cut of [0, 1, 10, Math.floor(bytes.length / 2), bytes.length - 2, bytes.length - 1]) {
        expect(await failCode(bytes.slice(0, cut), { password: 'pw' })).not.toBe('ok');
      }
    }
  });

  test('refuses the wrong type, a newer version and non-files', async () => {
    const ws = workspace();
    const cases: [unknown, string][] = [
      [{ type: 'cx-studio.journey', version: 1, ...ws }, 'invalid-document'],
      [{ version: 1, ...ws }, 'invalid-document'],
      [{ type: workspaceFileType, version: 2, ...ws }, 'newer-schema'],
      [{ type: workspaceFileType, version: 0, ...ws }, 'invalid-document'],
      [{ type: workspaceFileType, version: '1', ...ws }, 'invalid-document'],
      [[], 'invalid-document'], [null, 'invalid-document'], ['text', 'invalid-document'], [42, 'invalid-document'],
    ];
    for (const [file, code] of cases) expect(await failCode(enc.encode(JSON.stringify(file)))).toBe(code);
    expect(await failCode(new Uint8Array([0xff, 0xfe, 0x00, 0x7b]))).toBe('invalid-document');
  });

  test('refuses oversize files before parsing them', async () => {
    const bytes = await writeWorkspaceFile(workspace());
    expect(await failCode(bytes, { maxBytes: bytes.length - 1 })).toBe('too-large');
    expect(await failCode(bytes, { maxBytes: bytes.length })).toBe('ok');
  });

  test('reports each bad document by its path and restores nothing', async () => {
    const ws = workspace();
    const bad = structuredClone(ws) as unknown as { collections: Record<string, unknown[]> };
    (bad.collections.personas?.[1] as { sections: { title: unknown }[] }).sections[0]!.title = 42;
    bad.collections.assets?.push({ id: 'a2', mimeType: 'text/html', data: '<script>' });
    bad.collections.snapshots?.push({ id: 'bad id!' }, 'not a doc', { id: 's1' });
    bad.collections.datasets = 'nope' as unknown as unknown[];
    const r = await readWorkspaceFile(enc.encode(JSON.stringify({ type: workspaceFileType, version: 1, ...bad })));
    if (r.ok) throw new Error('accepted a bad file');
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([
      'personas[1].sections[0].title', 'assets[1].mimeType', 'snapshots[1].id', 'snapshots[2]', 'snapshots[3].id', 'collections.datasets',
    ]));
  });

  test('ignores unknown collections with a warning (settings never travel in a bundle)', async () => {
    const file = { type: workspaceFileType, version: 1, ...workspace() };
    (file.collections as Record<string, unknown>).settings = [{ id: 'sync', password: 'secret' }];
    const r = await readWorkspaceFile(enc.encode(JSON.stringify(file)));
    expect(r.ok && r.warnings.map((w) => w.path)).toEqual(['collections.settings']);
    expect(r.ok && 'settings' in r.content.collections).toBe(false);
  });
});

describe('restore plan', () => {
  test('writes everything into an empty workspace', () => {
    const plan = planRestore(workspace(), {});
    expect(plan.counts).toEqual({ added: 9, replaced: 0, skipped: 0 });
  });

  test('never overwrites without an explicit choice', () => {
    const plan = planRestore(workspace(), { personas: new Set(['p1']), assets: new Set(['photo-1']) });
    expect(conflictCount(plan)).toBe(2);
    expect(Object.values(plan.write).flat()).toHaveLength(0);
  });

  test('skip keeps what is there; replace overwrites only the conflicting ids', () => {
    const existing = { personas: new Set(['p1']) };
    const skip = planRestore(workspace(), existing, 'skip');
    expect(skip.write.personas.map((d) => d.id)).toEqual(['p2']);
    expect(skip.counts).toEqual({ added: 8, replaced: 0, skipped: 1 });
    const replace = planRestore(workspace(), existing, 'replace');
    expect(replace.write.personas.map((d) => d.id)).toEqual(['p1', 'p2']);
    expect(replace.counts).toEqual({ added: 8, replaced: 1, skipped: 0 });
  });
});

describe('a restore refuses the whole file when any document would be refused by the database', () => {
  const plain = (ws: unknown) => enc.encode(JSON.stringify({ type: workspaceFileType, version: 1, ...(ws as object) }));
  const refused = async (bytes: Uint8Array, opts: Parameters<typeof readWorkspaceFile>[1] = {}) => {
    const r = await readWorkspaceFile(bytes, opts);
    if (r.ok) throw new Error('accepted a bad file');
    return r;
  };

  test('bad snapshots and templates (which only the stored schema knows) are refused, by path', async () => {
    const cases: [(c: Record<string, WorkspaceDoc[]>) => void, string][] = [
      [(c) => { delete c.snapshots![0]!.metrics; }, 'snapshots[0].metrics'],
      [(c) => { c.snapshots![0]!.day = 'yesterday'; }, 'snapshots[0].day'],
      [(c) => { c.snapshots![0]!.computedAt = -5; }, 'snapshots[0].computedAt'],
      [(c) => { c.snapshots![0]!.script = '<script>'; }, 'snapshots[0].script'],
      [(c) => { c.templates![0]!.entity = 'flow'; }, 'templates[0].entity'],
      [(c) => { delete c.templates![0]!.body; }, 'templates[0].body'],
      [(c) => { c.templates![0]!.name = 'x'.repeat(201); }, 'templates[0].name'],
      [(c) => { c.history![0]!.kind = 'rewrite'; }, 'history[0].kind'],
      [(c) => { c.datasets![1]!.chunkIndex = 'zero'; }, 'datasets[1].chunkIndex'],
      [(c) => { c.assets![0]!.data = 'A'.repeat(2_800_001); }, 'assets[0].data'],
      [(c) => { c.templates![0]!.id = '_design'; }, 'templates[0].id'],
    ];
    for (const [spoil, path] of cases) {
      const ws = workspace();
      spoil(ws.collections as unknown as Record<string, WorkspaceDoc[]>);
      const r = await refused(plain(ws));
      expect(r.code).toBe('invalid-document');
      expect(r.problems.map((p) => p.path)).toContain(path);
      expect(r.message).toContain(path);
      expect(r.message).toContain('nothing was restored');
    }
  });

  test('the refusal names the first few problems and counts all of them', async () => {
    const ws = workspace();
    for (let i = 0; i < 250; i++) ws.collections.snapshots.push({ id: `s-bad-${i}`, entity: 'persona', entityId: 'p1', day: 'never' } as WorkspaceDoc);
    const r = await refused(plain(ws));
    // Each bad snapshot has three problems (day, metrics, computedAt).
    expect(r.message).toMatch(/^The file has 750 problems, so nothing was restored: snapshots\[1\]\.\w+: .+; and 747 more\.$/);
    expect(r.problems).toHaveLength(200);
  });

  test('an oversized file, a wrong version and a tampered bundle are refused before any document is looked at', async () => {
    const ws = workspace();
    const bytes = plain(ws);
    expect((await refused(bytes, { maxBytes: 1000 })).code).toBe('too-large');
    expect((await refused(enc.encode(JSON.stringify({ type: workspaceFileType, version: 99, ...ws })))).code).toBe('newer-schema');
    const sealed = JSON.parse(dec.decode(await writeWorkspaceFile(ws, { password: 'pw', ...fast })));
    sealed.data = sealed.data.slice(0, 40) + (sealed.data[40] === 'A' ? 'B' : 'A') + sealed.data.slice(41);
    expect((await refused(enc.encode(JSON.stringify(sealed)), { password: 'pw' })).code).toBe('wrong-password');
  });

  test('an encrypted bundle with a bad template inside is refused after decryption, like a plain one', async () => {
    const ws = workspace();
    delete (ws.collections.templates[0] as Record<string, unknown>).createdAt;
    const r = await refused(await writeWorkspaceFile(ws, { password: 'pw', ...fast }), { password: 'pw' });
    expect(r.problems.map((p) => p.path)).toEqual(['templates[0].createdAt']);
  });
});
