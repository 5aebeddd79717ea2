import { describe, expect, test } from 'vitest';
import { analyseJourney, eventLogFromPlain, type StageSpec } from '../../../../common/journeyAnalytics';
import { createIntl } from 'react-intl';
import { translate, type MessageId } from '../../i18n';
import fr from '../../i18n/messages/journeyAnalytics/fr.json';
import { heatCells, heatColour } from './heat';
import { journeyFormat } from './journeyFormat';
import { ruleText } from './ruleText';
import { bucketLabels } from './TimeDistribution';

const stages: StageSpec[] = [
  { id: 'a', name: 'Visit', events: [{ match: 'equals', values: ['visit'] }] },
  { id: 'b', name: 'Buy', events: [{ match: 'equals', values: ['buy'] }] },
];
const h = 3_600_000;
const figures = analyseJourney(eventLogFromPlain([
  { customer: '1', event: 'visit', time: 0 }, { customer: '1', event: 'visit', time: 2 * h }, { customer: '1', event: 'buy', time: 3 * h },
  { customer: '2', event: 'visit', time: 0 },
]), stages);
const en = journeyFormat('en', translate);

describe('heat overlay', () => {
  test('reach, drop-off and time cells carry the value, its share of the largest and the exact numbers', () => {
    expect(heatCells(figures, 'reach', en).map((c) => [c.label, c.intensity])).toEqual([['2', 1], ['1', 0.5]]);
    expect(heatCells(figures, 'dropOff', en).map((c) => [c.label, c.intensity])).toEqual([['50.0%', 1], ['0.0%', 0]]);
    expect(heatCells(figures, 'time', en).map((c) => c.label)).toEqual(['2.0 h', '0 s']);
    expect(heatCells(figures, 'reach', en)[0]!.detail).toContain('Drop-off: 1 (50.0%)');
  });

  test('figures and words follow the language: French writes decimal commas and its own words', () => {
    const intl = createIntl({ locale: 'fr', messages: fr as Record<MessageId, string> });
    const f = journeyFormat('fr', (id, values) => intl.formatMessage({ id }, values));
    expect(heatCells(figures, 'dropOff', f).map((c) => c.label)).toEqual(['50,0\u00a0%', '0,0\u00a0%']);
    expect(heatCells(figures, 'time', f)[0]!.label).toBe('2,0\u00a0h');
    expect(heatCells(figures, 'reach', f)[0]!.detail).not.toContain('Drop-off');
    expect(f.difference({ difference: -0.25, low: -0.5, high: 0.031 })).toBe('−25,0 pts (−50,0 à +3,1)');
  });

  test('rules read as words', () => {
    expect(ruleText({ match: 'equals', values: ['buy'] }, en)).toBe('= buy');
    expect(ruleText({ match: 'oneOf', values: ['a', 'b'], where: [{ property: 'plan', values: ['pro', 'team'] }, { property: 'channel', values: ['web'] }] }, en))
      .toBe('one of a, b where plan is one of pro, team and channel is one of web');
  });

  test('duration buckets are labelled from their bounds', () => {
    expect(bucketLabels(en)).toEqual(['< 1 min', '1 min–5 min', '5 min–15 min', '15 min–1 h', '1 h–6 h', '6 h–1 d', '1 d–3 d', '3 d–7 d', '7 d–30 d', '≥ 30 d']);
  });

  test('colours run from pale to deep and clamp', () => {
    expect(heatColour(0)).toBe('rgb(255, 247, 236)');
    expect(heatColour(1)).toBe('rgb(204, 76, 2)');
    expect(heatColour(7)).toBe(heatColour(1));
  });
});
