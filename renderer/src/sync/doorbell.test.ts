import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SyncFetch } from '../../../common/sync/fetch';
import { startDoorbell } from './doorbell';

/** A fake server: the watch's requests hang until aborted; PUTs of rings are recorded. */
function fakeServer() {
  const rings: string[] = [];
  const call = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    if (init.method === 'PUT') {
      rings.push(decodeURIComponent(url.split('/').pop() ?? ''));
      return Promise.resolve(new Response(JSON.stringify({ ok: true, rev: `${rings.length}-x` })));
    }
    return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
  };
  const fetch = Object.assign(call, { authFailure: undefined, resetAuth: () => {} }) as SyncFetch;
  return { fetch, rings };
}

describe('doorbell rings', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function start() {
    const server = fakeServer();
    const bell = startDoorbell({ url: 'http://sync.test/acme-doorbell/', fetch: server.fetch, clientId: 'me', onRing: () => {}, onReconnect: () => {}, onError: () => {} });
    return { ...server, bell };
  }

  test('the first ring goes out at once, without waiting for the coalescing window', async () => {
    const { bell, rings } = start();
    bell.ring('personas');
    await vi.advanceTimersByTimeAsync(0);
    expect(rings).toEqual(['personas~me']);
    bell.stop();
  });

  test('a burst of pushes after the first rings once per collection when the window closes', async () => {
    const { bell, rings } = start();
    bell.ring('personas');
    for (let i = 0; i < 20; i++) bell.ring('personas');
    bell.ring('journeys');
    await vi.advanceTimersByTimeAsync(100);
    expect(rings).toEqual(['personas~me']);
    await vi.advanceTimersByTimeAsync(60);
    expect(rings.sort()).toEqual(['journeys~me', 'personas~me', 'personas~me']);
    // Quiet afterwards: the next ring is immediate again once the window has passed unused.
    await vi.advanceTimersByTimeAsync(200);
    bell.ring('history');
    await vi.advanceTimersByTimeAsync(0);
    expect(rings).toContain('history~me');
    bell.stop();
  });

  test('stopping drops rings still waiting in the window', async () => {
    const { bell, rings } = start();
    bell.ring('personas');
    bell.ring('journeys');
    bell.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(rings).toEqual(['personas~me']);
  });
});

/** A fake doorbell database: the first longpoll answers one ring of another laptop, later ones hang until aborted. */
function ringingServer() {
  const polls: string[] = [];
  const call = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    if (!url.includes('_changes')) return Promise.resolve(new Response(JSON.stringify({ update_seq: 0 })));
    polls.push(new URL(url).searchParams.get('since') ?? '');
    if (polls.length === 1) return Promise.resolve(new Response(JSON.stringify({ results: [{ id: 'personas~other' }, { id: 'journeys~me' }], last_seq: 7 })));
    return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
  };
  return { fetch: Object.assign(call, { authFailure: undefined, resetAuth: () => {} }) as SyncFetch, polls };
}

describe('doorbell watch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('polls again when the pulls its rings started are done, from where the answer ended', async () => {
    const server = ringingServer();
    let finishPull = () => {};
    const heard: string[] = [];
    const bell = startDoorbell({
      url: 'http://sync.test/acme-doorbell/', fetch: server.fetch, clientId: 'me', onReconnect: () => {}, onError: () => {},
      onRing: (collection) => {
        heard.push(collection);
        return new Promise<void>((resolve) => { finishPull = resolve; });
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    // Our own ring is not heard; the other laptop's starts a pull, and no poll goes out meanwhile.
    expect(heard).toEqual(['personas']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.polls).toEqual(['0']);
    finishPull();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toEqual(['0', '7']);
    bell.stop();
  });

  test('a pull that never ends holds the next poll for ringWaitMs at most', async () => {
    const server = ringingServer();
    const bell = startDoorbell({
      url: 'http://sync.test/acme-doorbell/', fetch: server.fetch, clientId: 'me', onReconnect: () => {}, onError: () => {},
      onRing: () => new Promise<void>(() => {}), ringWaitMs: 2000,
    });
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.polls).toEqual(['0']);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.polls).toEqual(['0', '7']);
    bell.stop();
  });

  test('a ring that starts no pull (already covered) polls again at once', async () => {
    const server = ringingServer();
    const bell = startDoorbell({ url: 'http://sync.test/acme-doorbell/', fetch: server.fetch, clientId: 'me', onReconnect: () => {}, onError: () => {}, onRing: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toEqual(['0', '7']);
    bell.stop();
  });
});
