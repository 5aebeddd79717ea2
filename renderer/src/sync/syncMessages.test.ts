import { describe, expect, test } from 'vitest';
import { SyncHttpError } from '../../../common/sync/fetch';
import { syncErrorSentence, syncProblemOf } from './syncMessages';

const rxdbWrapped = (message: string) => ({ code: 'RC_PULL', message: `RxError (RC_PULL):\n${'x'.repeat(10_000)}`, parameters: { errors: [{ message }] } });

describe('the sync status sentence', () => {
  test('says what failed, on which collection and what to do, for every kind of failure', () => {
    const cases: [unknown, RegExp][] = [
      [new TypeError('fetch failed'), /^Syncing personas failed: the sync server cannot be reached\. It retries by itself/],
      [rxdbWrapped('fetch failed'), /^Syncing personas failed: the sync server cannot be reached/],
      [new SyncHttpError(0, 'timeout', 'No answer from the server for 90000 ms'), /cannot be reached/],
      [rxdbWrapped('503 service_unavailable: injected fault'), /answered with an error \(503\)\. It retries by itself; tell the server admin/],
      [rxdbWrapped('422 doc_validation: _design/cx_roles does not match the schema'), /the server said “_design\/cx_roles does not match the schema” \(422\)/],
      [new SyncHttpError(403, 'forbidden', 'Viewers cannot write.'), /^Syncing personas was refused: .*Viewers cannot write.*Ask a team admin/],
      [new SyncHttpError(404, 'not_found', 'Database does not exist.'), /no personas database for this team/],
      [{ code: 'VD2', message: `document does not match schema\n${'y'.repeat(10_000)}` }, /^Syncing personas failed: document does not match schema\. It retries/],
      [null, /^Syncing personas failed: an unexpected error\./],
    ];
    for (const [error, expected] of cases) {
      const sentence = syncErrorSentence('personas', error);
      expect(sentence).toMatch(expected);
      expect(sentence).not.toMatch(/\n|fetch failed|RxError/);
      expect(sentence.length).toBeLessThan(300);
    }
  });

  test('collections are named as the user knows them', () => {
    expect(syncErrorSentence('datasets', rxdbWrapped('fetch failed'))).toContain('Syncing survey data failed');
  });

  test('an expired credential reads the same on every collection', () => {
    expect(syncErrorSentence('journeys', new SyncHttpError(401, 'unauthorized', 'x'))).toBe('Signed out: your password or token is no longer accepted. Sign in again.');
  });

  test('each kind of failure is a code with its parts, for the screens to word', () => {
    expect(syncProblemOf('personas', new SyncHttpError(403, 'forbidden', 'Viewers cannot write.'))).toEqual({ code: 'refused', collection: 'personas', reason: 'Viewers cannot write' });
    expect(syncProblemOf('datasets', rxdbWrapped('503 service_unavailable: x'))).toEqual({ code: 'serverError', collection: 'datasets', status: 503 });
    expect(syncProblemOf('journeys', new SyncHttpError(401, 'unauthorized', 'x'))).toEqual({ code: 'signedOut' });
    expect(syncProblemOf('doorbell', new TypeError('fetch failed'))).toEqual({ code: 'unreachable', collection: 'doorbell' });
  });
});
