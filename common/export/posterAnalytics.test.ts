import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtInTemplates } from '../journey/templates/index';
import { eventLogFromPlain } from '../journeyAnalytics/eventLog';
import { analyseJourney } from '../journeyAnalytics/kernels';
import { buildJourneyPdf } from './journeyPdf';
import { buildJourneyTiledPdf } from './journeyTiles';
import { heatRgb, posterAnalyticsOf } from './posterAnalytics';

const fonts = { regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') };
const dir = mkdtempSync(join(tmpdir(), 'cx-poster-'));
const template = builtInTemplates()[0]!;

/** The template's map with one rule per stage (event "s<i>") and 4 customers going 4 / 3 / 1 / … stages far. */
function withAnalytics() {
  const stages = template.body.map.stages.map((s, i) => ({ ...s, events: [{ match: 'equals' as const, values: [`s${i}`] }] }));
  const furthest = [stages.length, 3, 1, 1];
  const log = eventLogFromPlain(furthest.flatMap((n, c) => Array.from({ length: n }, (_, i) => ({ customer: `c${c}`, event: `s${i}`, time: c * 1000 + i }))));
  const analytics = posterAnalyticsOf(analyseJourney(log, stages), 'Product events');
  return { ...template.body, name: 'Onboarding', map: { ...template.body.map, stages }, analytics };
}

describe('journey poster with analytics', () => {
  test('prints the funnel strip and the drop-off heat under the stage headers', () => {
    const journey = withAnalytics();
    writeFileSync(join(dir, 'a2.pdf'), buildJourneyPdf(journey, { paper: 'a2', fonts }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a2.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const want of ['Funnel', 'Product events', 'started', '50.0 % of previous', 'Drop-off', '50.0 %']) expect(text).toContain(want);
    const without = buildJourneyPdf({ ...journey, analytics: undefined }, { paper: 'a2', fonts });
    writeFileSync(join(dir, 'plain.pdf'), without);
    const plain = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'plain.pdf'), '-']).toString('utf8');
    expect(plain).not.toContain('Drop-off');
  });

  test('the tiled poster carries the rows too', () => {
    const bytes = buildJourneyTiledPdf(withAnalytics(), { poster: 'a1', sheet: 'a4', fonts });
    writeFileSync(join(dir, 'tiles.pdf'), bytes);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'tiles.pdf'), '-']).toString('utf8')).toContain('Drop-off');
  });

  test('heat runs from white to deep orange', () => {
    expect(heatRgb(0)).toEqual([255, 247, 236]);
    expect(heatRgb(1)).toEqual([204, 76, 2]);
    expect(heatRgb(7)).toEqual([204, 76, 2]);
  });
});
