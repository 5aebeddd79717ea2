import { createIntl, type IntlShape } from 'react-intl';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { defaultDriftRule, describeDriftRule } from '../../../common/analytics/drift';
import type { RuleMismatch } from '../../../common/analytics/kernels';
import type { RuleProblemCode } from '../../../common/analytics/rules';
import { mismatchWords } from '../features/analytics/ruleProblemWords';
import type { FeatureProblem } from '../../../common/clustering/features';
import type { ValueProblem } from '../../../common/import/values';
import type { SegmentNotice } from '../../../common/segments/segment';
import { locales } from '../../../common/i18n/locales';
import { syncProblemText, type SyncProblem } from '../sync/syncMessages';
import { loadMessages } from './catalogue';
import type { MessageId } from './messages/en';

// Every code that common/ or the sync layer hands the screens, with sample parts. The Records are
// keyed by the code unions, so a new code fails tsc here until it has a sample (and so a test).
const syncSamples: Record<SyncProblem['code'], SyncProblem> = {
  signIn: { code: 'signIn' },
  signedOut: { code: 'signedOut' },
  refused: { code: 'refused', collection: 'personas', reason: 'Viewers cannot write' },
  noDatabase: { code: 'noDatabase', collection: 'datasets' },
  unreachable: { code: 'unreachable', collection: 'doorbell' },
  serverError: { code: 'serverError', collection: 'journeys', status: 503 },
  serverSaid: { code: 'serverSaid', collection: 'history', status: 422, reason: 'bad document' },
  notSynced: { code: 'notSynced', collection: 'segments', reason: 'too large' },
  unexpected: { code: 'unexpected', collection: 'assets', reason: 'disk full' },
};
const featureSamples: Record<FeatureProblem['code'], Record<string, string | number>> = {
  missing: { code: 'missing' }, constant: { code: 'constant' }, oneAnswer: { code: 'oneAnswer' }, noAnswers: { code: 'noAnswers' },
  freeText: { code: 'freeText' }, wrongType: { code: 'wrongType' }, tooMany: { code: 'tooMany', max: 30 },
};

const valueSamples: Record<ValueProblem['code'], ValueProblem> = {
  notNumber: { code: 'notNumber' }, notDate: { code: 'notDate' }, invalidDate: { code: 'invalidDate' }, impossibleHour: { code: 'impossibleHour' },
  notNumberOrLabel: { code: 'notNumberOrLabel' }, idEmpty: { code: 'idEmpty' },
  outOfRange: { code: 'outOfRange', value: 12, min: 0, max: 10 }, idTooLong: { code: 'idTooLong', length: 250, max: 200 },
};
const segmentSamples: Record<SegmentNotice['code'], SegmentNotice> = {
  personaDeleted: { code: 'personaDeleted', persona: 'Ana' }, noValidRules: { code: 'noValidRules', persona: 'Ana' },
};
const ruleSamples: Record<RuleProblemCode['code'], RuleProblemCode> = {
  notList: { code: 'notList' }, notObject: { code: 'notObject' }, badId: { code: 'badId' }, noColumn: { code: 'noColumn' },
  badWeight: { code: 'badWeight' }, weightDecimals: { code: 'weightDecimals' }, badLabel: { code: 'badLabel' }, rangeEmpty: { code: 'rangeEmpty' },
  maxBelowMin: { code: 'maxBelowMin' }, noValues: { code: 'noValues' }, badValue: { code: 'badValue' }, badKind: { code: 'badKind' },
  tooManyRules: { code: 'tooManyRules', max: 100 }, tooManyValues: { code: 'tooManyValues', max: 500 }, idTwice: { code: 'idTwice', id: 'r1' },
  notNumber: { code: 'notNumber', field: 'min' }, unmappedColumn: { code: 'unmappedColumn', column: 'age' },
  wrongColumnType: { code: 'wrongColumnType', kind: 'range', column: 'city', type: 'category' },
};

// Why a rule can never match the data (the engine's RuleMismatch), worded on the Analytics screen.
const mismatchSamples: Record<RuleMismatch['code'], RuleMismatch> = {
  noColumn: { code: 'noColumn', column: 'plan' }, notNumbers: { code: 'notNumbers', column: 'city', type: 'category' },
  wrongType: { code: 'wrongType', column: 'score', kind: 'oneOf', type: 'number' },
};

/** One message per code: formats each sample, collecting ICU errors instead of logging them. */
function wordAll(intl: IntlShape, id: MessageId, samples: Record<string, Record<string, unknown>>, extra: (s: Record<string, unknown>) => Record<string, unknown> = () => ({})) {
  return Object.entries(samples).map(([code, sample]) => [code, intl.formatMessage({ id }, { column: 'Q1', ...sample, ...extra(sample) } as never)] as const);
}

describe.each(locales)('problem codes in %s', (locale) => {
  let intl: IntlShape;
  const errors: unknown[] = [];
  beforeAll(async () => {
    intl = createIntl({ locale, messages: (await loadMessages(locale)) as Record<string, string>, onError: (e) => errors.push(e) });
  });
  beforeEach(() => {
    errors.length = 0;
  });

  const checks = (worded: (readonly [string, string])[]) => {
    expect(errors).toEqual([]);
    for (const [code, text] of worded) expect(text, code).not.toMatch(/[{}]|undefined/);
    // Each code has its own sentence: none falls into another's branch.
    expect(new Set(worded.map(([, text]) => text)).size).toBe(worded.length);
  };

  test('sync problems', () => {
    const worded = wordAll(intl, 'sync.problem', syncSamples, (s) => ({ what: 'collection' in s ? intl.formatMessage({ id: 'sync.collection' }, { collection: s.collection as string }) : '' }));
    checks(worded);
    // English on screen is the sentence the status keeps for logs and tests.
    if (locale === 'en') for (const [code, text] of worded) expect(text).toBe(syncProblemText(syncSamples[code as SyncProblem['code']]));
  });

  test('unreadable values and rejected rows of an import', () => {
    checks(wordAll(intl, 'problems.value', valueSamples));
    expect(intl.formatMessage({ id: 'problems.rowTooLarge' }, { chars: 600_000, max: 512_000 })).toMatch(/\S/);
    expect(errors).toEqual([]);
  });

  test('segment notices', () => {
    checks(wordAll(intl, 'problems.segment', segmentSamples));
  });

  test('persona rule problems', () => {
    checks(wordAll(intl, 'problems.rule', ruleSamples));
  });

  test('rules that can never match the data, as the engine gives the reason', () => {
    const t = ((id: MessageId, values?: Record<string, unknown>) => intl.formatMessage({ id }, values as never)) as Parameters<typeof mismatchWords>[0];
    const worded = Object.entries(mismatchSamples).map(([code, m]) => [code, mismatchWords(t, { message: 'English', mismatch: m })] as const);
    checks(worded);
    if (locale === 'en') expect(worded.map(([, w]) => w)).toEqual(Object.values(mismatchSamples).map((m) => {
      const { column } = m;
      // The screen says what the engine's English sentence says.
      return m.code === 'noColumn' ? `Column “${column}” is not in the data.` : m.code === 'notNumbers' ? `Column “${column}” holds single choices, not numbers.` : `A “One of” rule cannot read “${column}”, which holds numbers.`;
    }));
    if (locale === 'de') expect(worded[0]![1]).toBe('Die Spalte „plan“ ist nicht in den Daten.');
  });

  test('drift alerts, the rule and its problems', () => {
    const r = defaultDriftRule;
    const rule = intl.formatMessage({ id: 'drift.rule' }, { days: r.referenceDays, alpha: r.alpha, minTvd: r.minTvd, minAnswers: r.minAnswers, sigmas: r.sigmas });
    const worded = [
      rule,
      intl.formatMessage({ id: 'drift.alert.shift' }, { column: 'channel', day: '2026-10-21', tvd: 0.31, p: '2.0e-9', current: 120, reference: 900 }),
      intl.formatMessage({ id: 'drift.alert.metric' }, { metric: 'NPS', day: '2026-10-21', value: 12.5, reference: 30.1, delta: -17.6, limit: 9.2 }),
      intl.formatMessage({ id: 'drift.notJudged' }, { current: 4, reference: 80, needed: 30 }),
      intl.formatMessage({ id: 'drift.ruleProblem' }, { field: 'alpha', min: 0.0001, max: 0.1 }),
    ];
    expect(errors).toEqual([]);
    for (const text of worded) expect(text).not.toMatch(/[{}]|undefined/);
    // Small thresholds keep their digits (Intl's default would round 0.0001 to 0).
    expect(worded[4]).toMatch(/0[.,]0001/);
    if (locale === 'en') expect(rule).toBe(describeDriftRule(r));
  });

  test('column problems of the persona search', () => {
    checks(wordAll(intl, 'findPersonas.results.problem', featureSamples));
  });
});
