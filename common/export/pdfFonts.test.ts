import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtInTemplates } from '../journey/templates/index';
import { buildAnalyticsPdf } from './analyticsPdf';
import { prepareAnalytics } from './analyticsReport';
import { sampleExportInput, smallFixtureTable } from './analyticsSample';
import { buildComparisonPdf } from './comparisonPdf';
import { buildFlowPdf } from './flowPdf';
import { buildJourneyPdf } from './journeyPdf';
import { buildJourneyTiledPdf } from './journeyTiles';
import { buildPersonaPdf } from './personaPdf';
import { samplePersona, samplePhoto } from './samplePersona';

const fonts = { regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') };
const dir = mkdtempSync(join(tmpdir(), 'cx-fonts-'));
const template = builtInTemplates().find((t) => t.body.flow.nodes.length > 0) ?? builtInTemplates()[0];
if (!template) throw new Error('no template');
const journey = { ...template.body, name: template.name };
const personas = [{ persona: samplePersona() }, { persona: samplePersona('Omar', 'p2') }];
const images = new Map([['photo-1', samplePhoto]]);

/** The font table of a PDF as poppler's pdffonts prints it: one row per font, after the header. */
function fontRows(bytes: Uint8Array, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file]).toString('utf8').split('\n').slice(2).filter((l) => l.trim() !== '');
}

// A print shop's preflight flags every font a PDF declares without embedding it; jsPDF used to
// declare its 14 standard fonts (Helvetica, Times, Courier, …) in every file, used or not.
const builds: Array<[string, () => Uint8Array]> = [
  ['persona', () => buildPersonaPdf(personas, { paper: 'a4', fonts, images })],
  ['comparison', () => buildComparisonPdf(personas, { paper: 'a4', fonts, images })],
  ['journey poster', () => buildJourneyPdf(journey, { paper: 'a3', fonts })],
  ['journey tiles', () => buildJourneyTiledPdf(journey, { poster: 'a3', sheet: 'a4', fonts })],
  ['flow', () => buildFlowPdf({ name: journey.name, flow: journey.flow }, { paper: 'a4', fonts })],
  ['analytics', () => buildAnalyticsPdf(prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds', name: 'Survey' }] })).report, { fonts })],
];

for (const [kind, build] of builds) {
  test(`the ${kind} PDF declares only fonts it embeds, none of the unused standard 14`, () => {
    const rows = fontRows(build(), `${kind.replace(/ /g, '-')}.pdf`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
      // Columns: name, type, encoding, emb, sub, uni, object, id: "emb" is the fourth from the end.
      expect(row.trim().split(/\s+/).slice(-5)[0], row).toBe('yes');
    }
  });
}
