import { afterEach, describe, expect, test, vi } from 'vitest';
import type { JourneyFigures } from '../../../common/journeyAnalytics';
import { err, ok } from '../../../common/result';
import type { JourneyClient } from './journeyClient';
import type { LoadedLog } from './journeyProtocol';
import { acquireJourneyClient, sharingClient, type DatasetParts } from './sharedJourneyClient';

/** A stand-in worker that, like the real one, holds one log and one survey and counts its decodes. */
function fakeWorker() {
  const state = { decodes: [] as string[], surveyDecodes: [] as string[], log: '', survey: '', disposed: 0, failNext: false };
  const summary = (key: string): LoadedLog => ({ key, events: 1, customers: 1, eventNames: [], properties: [], propertyValues: {}, from: 0, to: 0 });
  const client: JourneyClient = {
    importEvents: () => { throw new Error('not used'); },
    load: async (key) => {
      if (state.failNext) { state.failNext = false; return err('newer-schema', 'The event log could not be read: bad chunk'); }
      state.decodes.push(key);
      state.log = key;
      return ok(summary(key));
    },
    analyse: async (key) => (state.log === key ? ok({ events: 1 } as JourneyFigures) : err('not-found', 'The event log is not loaded any more; choose it again.')),
    compare: async () => err('internal', 'not used'),
    loadSurvey: async (key) => { state.surveyDecodes.push(key); state.survey = key; return ok({ key, rows: 1 }); },
    personas: async (key, surveyKey) => (state.log === key && state.survey === surveyKey ? ok({} as never) : err('not-found', 'gone')),
    dispose: () => { state.disposed++; },
  };
  return { client, state };
}

/** A database reader that counts its reads. */
function reader() {
  const r = { reads: 0, read: async (): Promise<DatasetParts> => { r.reads++; return []; } };
  return r;
}

describe('the journey worker the screens share', () => {
  afterEach(() => { vi.useRealTimers(); });

  test('a log the map loaded is neither read nor decoded again when the flow view asks for it', async () => {
    const { client: base, state } = fakeWorker();
    const client = sharingClient(base);
    const map = reader(), flow = reader();
    expect((await client.loadLog('log:3:1', map.read)).ok).toBe(true);
    expect((await client.analyse('log:3:1', [], {})).ok).toBe(true);
    expect((await client.loadLog('log:3:1', flow.read)).ok).toBe(true);
    expect((await client.analyse('log:3:1', [], {})).ok).toBe(true);
    expect(state.decodes).toEqual(['log:3:1']);
    expect([map.reads, flow.reads]).toEqual([1, 0]);
  });

  test('two screens asking at once share one read and one decode', async () => {
    const { client: base, state } = fakeWorker();
    const client = sharingClient(base);
    const a = reader(), b = reader();
    const both = await Promise.all([client.loadLog('k', a.read), client.loadLog('k', b.read)]);
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    expect(state.decodes).toEqual(['k']);
    expect(a.reads + b.reads).toBe(1);
  });

  test('a new version of the log is decoded; a log another screen replaced is loaded again before the analysis', async () => {
    const { client: base, state } = fakeWorker();
    const client = sharingClient(base);
    const map = reader(), poster = reader();
    await client.loadLog('log:3:1', map.read);
    await client.loadLog('other:1:1', poster.read);
    const again = await client.analyse('log:3:1', [], {});
    expect(again.ok).toBe(true);
    expect(state.decodes).toEqual(['log:3:1', 'other:1:1', 'log:3:1']);
    expect(map.reads).toBe(2);
    await client.loadLog('log:4:2', map.read);
    expect(state.decodes.at(-1)).toBe('log:4:2');
  });

  test('if the worker lost the log behind the client\'s back, the ask is retried once after loading it again', async () => {
    const { client: base, state } = fakeWorker();
    const client = sharingClient(base);
    const map = reader();
    await client.loadLog('k', map.read);
    state.log = 'someone else';
    expect((await client.analyse('k', [], {})).ok).toBe(true);
    expect(state.decodes).toEqual(['k', 'k']);
    // A key never loaded stays not-found (nothing to load it from), with the worker's words.
    expect(await client.analyse('never', [], {})).toMatchObject({ ok: false, code: 'not-found' });
  });

  test('the persona figures get the survey back too', async () => {
    const { client: base, state } = fakeWorker();
    const client = sharingClient(base);
    await client.loadLog('k', reader().read);
    await client.loadSurveyData('s', reader().read);
    await client.loadSurveyData('s', reader().read);
    expect(state.surveyDecodes).toEqual(['s']);
    state.survey = '';
    expect((await client.personas('k', 's', {} as never)).ok).toBe(true);
    expect(state.surveyDecodes).toEqual(['s', 's']);
  });

  test('a failed load is not held: the next ask tries again; a failed read becomes a message', async () => {
    const { client: base, state } = fakeWorker();
    const client = sharingClient(base);
    state.failNext = true;
    expect(await client.loadLog('k', reader().read)).toMatchObject({ ok: false, message: /bad chunk/ });
    expect((await client.loadLog('k', reader().read)).ok).toBe(true);
    const broken = await client.loadLog('j', () => Promise.reject(new Error('IndexedDB closed')));
    expect(broken).toMatchObject({ ok: false, code: 'internal', message: /could not be read.*IndexedDB closed/ });
  });

  test('one worker for all users; it ends a while after the last one lets go, not when tabs switch', () => {
    vi.useFakeTimers();
    const started: ReturnType<typeof fakeWorker>[] = [];
    const create = () => { const w = fakeWorker(); started.push(w); return w.client; };
    const map = acquireJourneyClient(create, 1000);
    const flow = acquireJourneyClient(create, 1000);
    expect(flow.client).toBe(map.client);
    map.release();
    map.release(); // a second release of the same share changes nothing
    flow.release();
    vi.advanceTimersByTime(999);
    const back = acquireJourneyClient(create, 1000);
    expect(back.client).toBe(map.client);
    expect(started).toHaveLength(1);
    back.release();
    vi.advanceTimersByTime(1000);
    expect(started[0]!.state.disposed).toBe(1);
    const later = acquireJourneyClient(create, 1000);
    expect(started).toHaveLength(2);
    expect(later.client).not.toBe(map.client);
    later.release();
    vi.advanceTimersByTime(1000);
  });
});
