import { Validator, type Schema } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { experimentsSchema } from '../db/schemas/experiments';
import { blankExperiment, experimentProblems } from './model';

const validator = new Validator(experimentsSchema as unknown as Schema, '7', false);

describe('stored experiments', () => {
  it('a new experiment passes the collection schema and its settings need filling in', () => {
    const e = blankExperiment('exp-1', 1_760_000_000_000);
    expect(validator.validate(e).valid).toBe(true);
    expect(experimentProblems(e)).toEqual(['assignmentEvent', 'armColumn', 'metricEvent']);
  });

  it('the schema refuses documents past its limits', () => {
    const e = blankExperiment('exp-1', 1_760_000_000_000);
    for (const bad of [
      { ...e, arms: [e.arms[0]] },
      { ...e, arms: Array.from({ length: 7 }, (_, i) => ({ name: `a${i}`, value: `${i}`, share: 1 })) },
      { ...e, alpha: 0.5 },
      { ...e, primaryMetric: { kind: 'median', event: 'x' } },
      { ...e, hypothesis: 'x'.repeat(2001) },
      { ...e, id: '_design' },
      { ...e, extra: 1 },
    ]) expect(validator.validate(bad).valid, JSON.stringify(bad).slice(0, 80)).toBe(false);
  });
});
