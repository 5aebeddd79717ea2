import { describe, expect, test, vi } from 'vitest';
import type { SyncFetch } from '../../../common/sync/fetch';
import { fromCouch, pullBatch, versionField, writerField } from './couchHandlers';
import { pushRows } from './couchPush';
import type { CouchTarget } from './couchHandlers';

/** A request body as text: reads send strings, pushes UTF-8 bytes (pushBody.ts). */
const bodyText = (body: RequestInit['body']): string => (body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body));

function target(answers: Record<string, unknown>): CouchTarget & { refused: unknown[]; newer: unknown[] } {
  const refused: unknown[] = [];
  const newer: unknown[] = [];
  const fetch = vi.fn(async (url: string | URL | Request) => {
    const key = Object.keys(answers).find((k) => String(url).endsWith(k));
    return new Response(JSON.stringify(key ? answers[key] : {}), { status: 200 });
  }) as unknown as SyncFetch;
  return { url: 'http://s/acme-personas/', collection: 'personas', schemaVersion: 0, writerId: 'me', fetch, onNewer: (d) => newer.push(d), onRefused: (d) => refused.push(d), refused, newer };
}

const row = (id: string) => ({ newDocumentState: { id, name: id, _deleted: false } });

/** A target whose feed is answered by `since` and `limit` as a server would; `asked` records each page asked for as "since+limit". */
function answeringFeed(feedAt: (since: number, limit: number) => unknown): { t: ReturnType<typeof target>; asked: string[] } {
  const t = target({});
  const asked: string[] = [];
  t.fetch = vi.fn(async (url: string | URL | Request) => {
    const q = new URL(String(url)).searchParams;
    asked.push(`${q.get('since')}+${q.get('limit')}`);
    return new Response(JSON.stringify(feedAt(Number(q.get('since')), Number(q.get('limit')))));
  }) as unknown as SyncFetch;
  return { t, asked };
}

describe('pushing to a CouchDB database', () => {
  test('a document refused for good is reported and does not stop the rest of the batch', async () => {
    const t = target({
      _all_docs: { rows: [{ key: 'x', error: 'not_found' }, { key: 'y', error: 'not_found' }] },
      _bulk_docs: [{ id: 'x', error: 'forbidden', reason: 'Document too large.' }, { id: 'y', ok: true, rev: '1-a' }],
    });
    const result = await pushRows(t, [row('x'), row('y')] as never);
    expect(result).toEqual({ conflicts: [], written: 1 });
    expect(t.refused).toEqual([{ collection: 'personas', id: 'x', reason: 'the server refused x (Document too large.); editing it again retries it.' }]);
  });

  test('a retry that finds exactly what it sends writes nothing and reports no conflict', async () => {
    const t = target({ _all_docs: { rows: [{ key: 'x', value: { rev: '2-b' }, doc: { _id: 'x', _rev: '2-b', name: 'x', [writerField]: 'someone' } }] } });
    expect(await pushRows(t, [row('x')] as never)).toEqual({ conflicts: [], written: 0 });
  });

  test("the server's copy of our own earlier write is written over, a teammate's comes back as a conflict", async () => {
    const ours = target({
      _all_docs: { rows: [{ key: 'x', value: { rev: '2-b' }, doc: { _id: 'x', _rev: '2-b', name: 'older', [writerField]: 'me' } }] },
      _bulk_docs: [{ id: 'x', ok: true, rev: '3-c' }],
    });
    expect(await pushRows(ours, [row('x')] as never)).toEqual({ conflicts: [], written: 1 });
    const theirs = target({ _all_docs: { rows: [{ key: 'x', value: { rev: '2-b' }, doc: { _id: 'x', _rev: '2-b', name: 'older', [writerField]: 'teammate' } }] } });
    const result = await pushRows(theirs, [row('x')] as never);
    expect(result).toEqual({ conflicts: [{ id: 'x', name: 'older', _deleted: false }], written: 0 });
  });

  test('every pushed document carries the schema version that wrote it', async () => {
    const t = target({ _all_docs: { rows: [] }, _bulk_docs: [{ id: 'x', ok: true, rev: '1-a' }] });
    await pushRows(t, [row('x')] as never);
    const call = (t.fetch as unknown as ReturnType<typeof vi.fn>).mock.calls.find((c) => String(c[0]).endsWith('_bulk_docs'));
    const body = JSON.parse(bodyText((call?.[1] as RequestInit).body)) as { docs: Record<string, unknown>[] };
    expect(body.docs[0]).toMatchObject({ _id: 'x', name: 'x', [versionField]: 0, [writerField]: 'me' });
    expect(body.docs[0]).not.toHaveProperty('id');
  });

  test('a push of many large documents asks which the server has, and reads only those', async () => {
    const big = 'z'.repeat(3 * 1024 * 1024);
    const rows = ['a', 'b', 'c', 'd'].map((id) => ({ newDocumentState: { id, name: id, note: big, _deleted: false } }));
    const t = target({});
    const reads: { keys: string[]; include_docs?: boolean }[] = [];
    t.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).endsWith('_all_docs')) {
        const asked = JSON.parse(bodyText(init?.body)) as { keys: string[]; include_docs?: boolean };
        reads.push(asked);
        const have: Record<string, unknown> = { b: { rev: '1-b' }, c: { rev: '2-c', deleted: true } };
        return new Response(JSON.stringify({ rows: asked.keys.map((key) => (have[key] ? { key, value: have[key], ...(asked.include_docs ? { doc: key === 'b' ? { _id: 'b', _rev: '1-b', name: 'b', note: big, cx_by: 'me' } : null } : {}) } : { key, error: 'not_found' })) }));
      }
      const docs = (JSON.parse(bodyText(init?.body)) as { docs: { _id: string }[] }).docs;
      return new Response(JSON.stringify(docs.map((d) => ({ id: d._id, ok: true, rev: '9-x' }))));
    }) as unknown as SyncFetch;
    const result = await pushRows(t, rows as never);
    expect(reads).toEqual([{ keys: ['a', 'b', 'c', 'd'] }, { keys: ['b'], include_docs: true }]);
    // b is ours already (same content): skipped; a, c (deleted there) and d are written.
    expect(result).toEqual({ conflicts: [], written: 3 });
  });

  test('pulls skip design documents and ids the app does not own, and read on past them', async () => {
    const pages = [
      { results: [{ id: '_design/cx_roles', doc: { _id: '_design/cx_roles', validate_doc_update: 'function(){}' } }, { id: 'bad id!', doc: { _id: 'bad id!' } }, { id: 'p1', doc: { _id: 'p1', _rev: '1-a', name: 'one' } }], last_seq: 3 },
      { results: [{ id: 'p2', doc: { _id: 'p2', _rev: '1-a', name: 'two' } }], last_seq: 4 },
    ];
    const t = target({});
    const asked: string[] = [];
    t.fetch = vi.fn(async (url: string | URL | Request) => {
      asked.push(new URL(String(url)).searchParams.get('since') ?? '');
      return new Response(JSON.stringify(pages.shift() ?? { results: [], last_seq: 4 }));
    }) as unknown as SyncFetch;
    const result = await pullBatch(t, 0, 3);
    expect(result.documents.map((d) => d.id)).toEqual(['p1', 'p2']);
    expect(result.checkpoint).toEqual({ sequence: 4 });
    expect(asked).toEqual(['0', '3']);
  });

  test('a large page has the next one asked for before it is parsed; the next pull takes it, and pages shrink to the row size', async () => {
    const note = 'x'.repeat(100 * 1024);
    // A feed of 12 rows of ~100 KB, answered by `since` and `limit` as a server would.
    const feedAt = (since: number, limit: number) => {
      const rows = Array.from({ length: Math.max(0, Math.min(limit, 12 - since)) }, (_, i) => ({ id: `p${since + i}`, doc: { _id: `p${since + i}`, _rev: '1-a', note } }));
      return { results: rows, last_seq: since + rows.length };
    };
    const { t, asked } = answeringFeed(feedAt);
    const first = await pullBatch(t, 0, 5);
    expect(first.documents.map((d) => d.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(first.checkpoint).toEqual({ sequence: 5 });
    // The first page (5 rows, 500 KB) asked for the page after it at once.
    expect(asked).toEqual(['0+5', '5+5']);
    const second = await pullBatch(t, 5, 50);
    expect(second.documents.map((d) => d.id)).toEqual(['p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11']);
    // The page read ahead was taken (no second request from 5); from then on pages carry ~4 MB
    // of ~100 KB rows (40), not the 50 the batch asked for.
    expect(asked.slice(0, 3)).toEqual(['0+5', '5+5', '10+40']);
    expect(asked.filter((a) => a.startsWith('5+'))).toHaveLength(1);
  });

  test('small documents come in pages of up to 2,000 rows, and a batch carries its whole last page', async () => {
    // A feed of 5,000 rows of ~150 bytes, answered by `since` and `limit` as a server would.
    const feedAt = (since: number, limit: number) => {
      const rows = Array.from({ length: Math.max(0, Math.min(limit, 5000 - since)) }, (_, i) => ({ seq: since + i + 1, id: `p${since + i}`, doc: { _id: `p${since + i}`, _rev: '1-a', name: `Persona ${since + i}` } }));
      return { results: rows, last_seq: since + rows.length };
    };
    const { t, asked } = answeringFeed(feedAt);
    const first = await pullBatch(t, 0, 500);
    // 100 rows while the row size is unknown, then one page of 2,000 (4 MB would be ~28,000 rows).
    expect(first.documents).toHaveLength(2100);
    expect(first.documents.at(-1)?.id).toBe('p2099');
    expect(first.checkpoint).toEqual({ sequence: 2100 });
    const second = await pullBatch(t, 2100, 500);
    const third = await pullBatch(t, second.checkpoint.sequence, 500);
    expect([second.documents.length, third.documents.length]).toEqual([2000, 900]);
    expect(asked.filter((a) => !a.startsWith('5000+'))).toEqual(['0+100', '100+2000', '2100+2000', '4100+2000']);
    // Every row arrived once, in feed order.
    expect([...first.documents, ...second.documents, ...third.documents].map((d) => d.id)).toEqual(Array.from({ length: 5000 }, (_, i) => `p${i}`));
  });

  test('a page read ahead from a wrong guess, or for another checkpoint, is not used', async () => {
    const t = target({});
    const asked: string[] = [];
    const big = 'y'.repeat(300 * 1024);
    t.fetch = vi.fn(async (url: string | URL | Request) => {
      const since = Number(new URL(String(url)).searchParams.get('since'));
      asked.push(String(since));
      // A document whose text ends in something that looks like a last_seq: the guess is 99.
      const rows = since === 0 ? [{ id: 'p1', doc: { _id: 'p1', _rev: '1-a', note: big, tail: '"last_seq":99' } }] : [];
      return new Response(`{"results":${JSON.stringify(rows)},"last_seq":${since === 0 ? 1 : since}}`);
    }) as unknown as SyncFetch;
    const first = await pullBatch(t, 0, 1);
    expect(first.checkpoint).toEqual({ sequence: 1 });
    const second = await pullBatch(t, 1, 1);
    expect(second.documents).toEqual([]);
    expect(asked).toContain('1');
  });

  test('a document written by a newer schema is kept aside and reported, never applied', () => {
    const t = target({});
    expect(fromCouch(t, { _id: 'n1', _rev: '3-x', name: 'From the future', [versionField]: 5 })).toBeNull();
    expect(t.newer).toEqual([{ collection: 'personas', id: 'n1', version: 5 }]);
    expect(fromCouch(t, { _id: 'o1', _rev: '1-x', name: 'Old', [versionField]: 0 })).toEqual({ id: 'o1', name: 'Old', _deleted: false });
  });

  test('a document an older app version wrote is migrated to this schema on the way in', () => {
    const t = { ...target({}), collection: 'experiments', schemaVersion: 1 };
    const old = { _id: 'e1', _rev: '2-x', name: 'Checkout', primary: { kind: 'conversion', event: 'purchase' }, [versionField]: 0, [writerField]: 'them' };
    expect(fromCouch(t, old)).toEqual({ id: 'e1', name: 'Checkout', primaryMetric: { kind: 'conversion', event: 'purchase' }, _deleted: false });
  });
});
