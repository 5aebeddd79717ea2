import { describe, expect, test } from 'vitest';
import { analyseJourney, eventLogFromPlain, type StageSpec } from '../../../../common/journeyAnalytics';
import { heatCells, heatColour } from './heat';

const stages: StageSpec[] = [
  { id: 'a', name: 'Visit', events: [{ match: 'equals', values: ['visit'] }] },
  { id: 'b', name: 'Buy', events: [{ match: 'equals', values: ['buy'] }] },
];
const h = 3_600_000;
const figures = analyseJourney(eventLogFromPlain([
  { customer: '1', event: 'visit', time: 0 }, { customer: '1', event: 'visit', time: 2 * h }, { customer: '1', event: 'buy', time: 3 * h },
  { customer: '2', event: 'visit', time: 0 },
]), stages);

describe('heat overlay', () => {
  test('reach, drop-off and time cells carry the value, its share of the largest and the exact numbers', () => {
    expect(heatCells(figures, 'reach').map((c) => [c.label, c.intensity])).toEqual([['2', 1], ['1', 0.5]]);
    expect(heatCells(figures, 'dropOff').map((c) => [c.label, c.intensity])).toEqual([['50.0 %', 1], ['0.0 %', 0]]);
    expect(heatCells(figures, 'time').map((c) => c.label)).toEqual(['2.0 h', '0 s']);
    expect(heatCells(figures, 'reach')[0]!.detail).toContain('Drop-off: 1 (50.0 %)');
  });

  test('colours run from pale to deep and clamp', () => {
    expect(heatColour(0)).toBe('rgb(255, 247, 236)');
    expect(heatColour(1)).toBe('rgb(204, 76, 2)');
    expect(heatColour(7)).toBe(heatColour(1));
  });
});
