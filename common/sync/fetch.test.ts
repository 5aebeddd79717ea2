import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SyncHttpError, createSyncFetch } from './fetch';

let base = '';
let seen: { path: string; authorization: string | undefined }[] = [];
const server = createServer((req, res) => {
  seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
  if (req.url === '/ok') return void res.end('\n\n{"results":[],"last_seq":3}\n');
  if (req.url === '/expired') {
    res.writeHead(401, { 'content-type': 'application/json' });
    return void res.end('{"error":"unauthorized","reason":"Session expired. Sign in again."}');
  }
  if (req.url === '/proxy') {
    res.writeHead(502);
    return void res.end('<html>Bad gateway</html>');
  }
  if (req.url === '/stall') {
    // Headers, one heartbeat, then silence: a stalled longpoll.
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.write('\n');
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":"not_found","reason":"Database does not exist."}');
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the app sync fetch', () => {
  test('passes 2xx bodies through (heartbeat newlines included) and adds the authorization', async () => {
    seen = [];
    const fetch = createSyncFetch({ authorization: () => 'Bearer abc' });
    const res = await fetch(`${base}/ok`);
    expect(await res.json()).toEqual({ results: [], last_seq: 3 });
    expect(seen[0]?.authorization).toBe('Bearer abc');
  });

  test('throws CouchDB errors as SyncHttpError, and non-JSON failures with their status', async () => {
    const fetch = createSyncFetch();
    await expect(fetch(`${base}/missing`)).rejects.toMatchObject({ status: 404, error: 'not_found', reason: 'Database does not exist.' });
    await expect(fetch(`${base}/proxy`)).rejects.toMatchObject({ status: 502, error: 'http_502' });
  });

  test('after a 401 it stops calling the server until resetAuth, and says why once', async () => {
    seen = [];
    const told: SyncHttpError[] = [];
    const fetch = createSyncFetch({ onAuthFailure: (e) => told.push(e) });
    for (let i = 0; i < 5; i++) await expect(fetch(`${base}/expired`)).rejects.toBeInstanceOf(SyncHttpError);
    expect(seen).toHaveLength(1);
    expect(told.map((e) => e.reason)).toEqual(['Session expired. Sign in again.']);
    expect(fetch.authFailure?.status).toBe(401);
    fetch.resetAuth();
    expect(fetch.authFailure).toBeUndefined();
    await fetch(`${base}/ok`);
    expect(seen).toHaveLength(2);
  });

  test('aborts a request whose bytes stop arriving, so a stalled longpoll is retried', async () => {
    const fetch = createSyncFetch({ idleTimeoutMs: 300 });
    await expect(fetch(`${base}/stall`)).rejects.toMatchObject({ status: 0, error: 'timeout' });
  });

  test('a signal reused for many requests keeps no listener per request, and still aborts them', async () => {
    const controller = new AbortController();
    const signal = controller.signal;
    let live = 0;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
      live++;
      add(type, listener, options);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, listener: EventListener) => {
      live--;
      remove(type, listener);
    }) as typeof signal.removeEventListener;
    const fetch = createSyncFetch();
    for (let i = 0; i < 20; i++) await fetch(`${base}/ok`, { signal });
    await expect(fetch(`${base}/missing`, { signal })).rejects.toBeInstanceOf(SyncHttpError);
    expect(live).toBe(0);
    const stalled = fetch(`${base}/stall`, { signal });
    controller.abort(new Error('stopped'));
    await expect(stalled).rejects.toThrow('stopped');
  });
});
